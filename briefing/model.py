"""Plain data that flows between the pipeline stages: read -> segment -> cast -> render -> export."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SegmentKind = Literal["title", "headline", "narration", "quote"]
KINDS: tuple[str, ...] = ("title", "headline", "narration", "quote")


@dataclass(frozen=True)
class Block:
    """One paragraph of the source: its text exactly as written, and where it sits in the decoded input."""

    text: str
    start: int
    end: int
    kind: str | None = None  # "headline", "quote" or "narration" when markup says so (Markdown, HTML)


@dataclass(frozen=True)
class Article:
    """What `read` found: the decoded text, the title line and the paragraphs after it."""

    text: str
    title: Block
    blocks: tuple[Block, ...]
    source: str
    language: str = "en"
    author: str = ""
    published: str = ""  # ISO date, when the page says
    site_name: str = ""
    description: str = ""  # the page's own one-line summary (its standfirst), which is not read aloud


@dataclass(frozen=True)
class Segment:
    """A stretch of text read by one voice. start/end are character offsets into the decoded input."""

    kind: SegmentKind
    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None = None
    voice: str | None = None
    partial: bool = False  # a few quoted words inside a narration sentence: the narrator reads them
    cue: str | None = None  # the evidence that decided the speaker, e.g. 'said-after: "Anna Berg said"'

    def to_dict(self) -> dict:
        return _fields_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Segment:
        """A segment from `to_dict`'s output; unknown keys are ignored, missing ones take their defaults."""
        return cls(**_known_fields(cls, data))


@dataclass(frozen=True)
class Script:
    """The segmented (and, after casting, voiced) article: the heart of the pipeline."""

    title: str
    language: str
    segments: tuple[Segment, ...]
    source: str = ""
    genders: dict[str, str] = field(default_factory=dict)  # speaker -> "male" | "female", where the text says
    author: str = ""
    published: str = ""
    site_name: str = ""
    description: str = ""

    def to_dict(self) -> dict:
        """Every field, losslessly, as JSON-ready data (`briefing script`); "genders" is written "speakers"."""
        data = _fields_to_dict(self)
        data["segments"] = [segment.to_dict() for segment in self.segments]
        data[SCRIPT_JSON_NAMES["genders"]] = dict(data.pop("genders"))
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Script:
        """The script `to_dict` wrote (validate edited files first: see scriptfile.load_script)."""
        renamed = {field_name: data[json_name] for field_name, json_name in SCRIPT_JSON_NAMES.items()
                   if json_name in data}
        values = _known_fields(cls, {**data, **renamed})
        values["segments"] = tuple(Segment.from_dict(raw) for raw in data.get("segments", ()))
        values["genders"] = dict(values.get("genders") or {})
        return cls(**values)


SCRIPT_JSON_NAMES = {"genders": "speakers"}  # field -> key in script files, where they differ


def _fields_to_dict(item) -> dict:
    return {f.name: _plain(getattr(item, f.name)) for f in dataclasses.fields(item)}


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _known_fields(cls, data: dict) -> dict:
    names = {f.name for f in dataclasses.fields(cls)}
    return {key: tuple(value) if isinstance(value, list) else value for key, value in data.items() if key in names}


@dataclass(frozen=True)
class Voice:
    """A portable voice description, matched to what the installed engine offers."""

    name: str
    language: str = "en-us"
    gender: Literal["male", "female", "any"] = "any"
    variant: str | None = None
    pitch: int = 50
    rate_scale: float = 1.0


@dataclass(frozen=True)
class Pauses:
    """Silence between segments, in milliseconds."""

    after_title_ms: int = 1000
    before_headline_ms: int = 900
    after_headline_ms: int = 500
    between_paragraphs_ms: int = 450
    within_paragraph_ms: int = 250
    same_voice_ms: int = 60
    between_stories_ms: int = 2000


@dataclass(frozen=True)
class Cast:
    """Who reads what: role voices, a pool for distinct speakers, the reading rate and the pauses."""

    narrator: Voice
    headline: Voice
    quote: Voice
    pool: tuple[Voice, ...] = ()
    speakers: dict[str, Voice] = field(default_factory=dict)
    rate_wpm: int = 175
    pauses: Pauses = field(default_factory=Pauses)
    source: Path | None = None
    engine: str | None = None  # the cast file's `engine = "..."`; --engine overrides it

    def voice(self, name: str) -> Voice:
        for voice in self.all_voices():
            if voice.name == name:
                return voice
        raise KeyError(name)

    def all_voices(self) -> list[Voice]:
        return [self.narrator, self.headline, self.quote, *self.pool, *self.speakers.values()]


@dataclass(frozen=True)
class Clip:
    """One segment's audio on the timeline. Times are in samples at the timeline's rate."""

    segment: Segment
    pcm_path: Path
    start: int
    frames: int
    pause_before: int

    @property
    def end(self) -> int:
        return self.start + self.frames


@dataclass(frozen=True)
class Chunk:
    """A run of clips (`first` up to, not including, `stop`) encoded as one independent MP3 stream, so
    that chunks are encoded in parallel and reused from the cache. Its content (pauses included, padded
    to whole MP3 frames) starts at timeline frame `start` and lasts `frames`."""

    first: int
    stop: int
    start: int
    frames: int


@dataclass(frozen=True)
class Timeline:
    """Every clip with its place; pauses are the gaps between them."""

    clips: tuple[Clip, ...]
    sample_rate: int
    total_frames: int
    chunks: tuple[Chunk, ...] = ()

    def ms(self, frames: int) -> int:
        return round(frames * 1000 / self.sample_rate)
