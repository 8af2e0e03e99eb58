"""What a read-along shows and when: the timeline's clips as cues, each cut into sentences timed in
proportion to their length, so a page or an EPUB highlights the sentence being spoken.

The engine speaks a segment as one clip, so a sentence's own start is estimated: the clip's time shared
out by the sentence's characters (letters and digits, plus a little for each pause mark). Highlighting
is exact at every clip (segment) boundary and close within a clip.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePath

from briefing.encode import audible_ms

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from briefing.model import Script, Segment, Timeline

# A sentence may end at . ! ? … (and the closing quotes or brackets after them) and a space; it does
# when what follows (after any opening quote or bracket) is a capital or a digit.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")
OPENING = "\"'“‘«„(¿¡[—–- "
# The word before a full stop that ends no sentence: an initial ("J."), or a short capitalised word with
# no vowel, as titles are abbreviated in many languages (Mr, Dr, St, Jr, Mrs, Ms, Sr, Nr, Bd).
ABBREVIATION = re.compile(r"(?:^|[\s(\"'“‘.])(?:[^\W\d_]|[A-Z][b-df-hj-np-tv-xz]{1,3})\.$")
PAUSE_MARKS = re.compile(r"[,;:.!?…–—]")


@dataclass(frozen=True)
class ReadAlongInfo:
    """What the page and the book say about the article besides its text."""

    title: str
    language: str
    source: str = ""
    author: str = ""
    published: str = ""  # ISO date, when the article says
    duration_ms: int = 0
    made: str = ""  # ISO date of the episode
    description: str = ""  # the article's standfirst, shown under the title (it is not read aloud)

    @classmethod
    def of(cls, script: Script, timeline: Timeline, made: str) -> ReadAlongInfo:
        return cls(script.title, script.language, script.source, script.author, script.published[:10],
                   audible_ms(timeline, timeline.total_frames), made, script.description)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cue, as written, with its estimated place in the audio."""

    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Cue:
    """One segment as heard: the same start and end as its WebVTT cue."""

    segment: Segment
    start_ms: int
    end_ms: int
    sentences: tuple[Sentence, ...]


LAST_WORD = re.compile(r"(\w+)\.$")


@functools.cache
def abbreviations(language: str) -> frozenset[str]:
    """The language's words that end with a full stop but end no sentence (abbreviations.toml)."""
    table = tomllib.loads((resources.files(__package__) / "abbreviations.toml").read_text(encoding="utf-8"))
    return frozenset(table.get(language.split("-")[0].lower(), ()))


def _ends_sentence(head: str, following: str, language: str) -> bool:
    """Whether the full stop (or ! ?) at the end of `head` ends a sentence, given the text after it."""
    following = following.lstrip(OPENING)[:1]
    if not (following.isupper() or following.isdigit()) or ABBREVIATION.search(head):
        return False
    word = LAST_WORD.search(head)
    return not (word and word.group(1).lower() in abbreviations(language))


def split_sentences(text: str, language: str = "en") -> list[str]:
    """`text` cut after each sentence; the pieces, joined, are `text` again (spaces stay at the ends)."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if not _ends_sentence(text[start:match.start()], text[match.end():], language):
            continue
        pieces.append(text[start:match.end()])
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _weight(text: str) -> int:
    return sum(ch.isalnum() for ch in text) + 3 * len(PAUSE_MARKS.findall(text)) or 1


def sentence_times(pieces: list[str], start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """Each piece's (start, end) within [start_ms, end_ms], in proportion to its weight; they touch."""
    weights = [_weight(piece) for piece in pieces]
    total, span, times, done = sum(weights), max(0, end_ms - start_ms), [], 0
    for weight in weights:
        begin = start_ms + round(span * done / total)
        done += weight
        times.append((begin, start_ms + round(span * done / total)))
    return times


def cue_for(segment: Segment, start_ms: int, end_ms: int, language: str = "en") -> Cue:
    spoken = segment.kind in ("narration", "quote")
    pieces = split_sentences(segment.text, language) if spoken else [segment.text]
    times = sentence_times(pieces, start_ms, end_ms)
    sentences = tuple(Sentence(piece, begin, end) for piece, (begin, end) in zip(pieces, times, strict=True))
    return Cue(segment, start_ms, end_ms, sentences)


def cues(timeline: Timeline, language: str = "en") -> list[Cue]:
    """Every clip as a cue, timed exactly as the WebVTT transcript and the chapters are."""
    return [cue_for(clip.segment, audible_ms(timeline, clip.start), audible_ms(timeline, clip.end), language)
            for clip in timeline.clips]


def _same_paragraph(before: Segment, segment: Segment) -> bool:
    """Titles and headlines stand alone, even where an edited script numbers them with the text."""
    headings = ("title", "headline")
    return before.paragraph == segment.paragraph and before.kind not in headings and segment.kind not in headings


def paragraphs(cue_list: list[Cue]) -> list[list[Cue]]:
    """Consecutive cues of one source paragraph together, in order; each title or headline alone."""
    groups: list[list[Cue]] = []
    for cue in cue_list:
        if groups and _same_paragraph(groups[-1][-1].segment, cue.segment):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    return groups


QUOTE_MARKS = re.compile(r"\s*[\"'“”„‘’«»‹›「『]")


def has_quote_marks(text: str) -> bool:
    """Whether a quote's text kept its opening quotation mark (else <q> shows the marks)."""
    return bool(QUOTE_MARKS.match(text))


def quote_speaker(segment: Segment) -> str:
    """Who a quote is attributed to, as the transcript names them."""
    return segment.speaker or "Unknown speaker"


def is_heading(segment: Segment, first: bool) -> bool:
    """Headlines, and each story's title in a combined briefing, start a chapter."""
    return segment.kind == "headline" or (segment.kind == "title" and not first)


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` without the control characters XML (and so lxml) cannot hold; they are never words."""
    return XML_INVALID.sub("", text)


def is_web_address(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def source_label(source: str) -> str:
    """Where the article came from, as the page and the book show it: a web address whole, a local file
    by its name only (its folder says nothing to a reader, and may name the user)."""
    source = xml_text(source)
    return source if is_web_address(source) else PurePath(source).name
