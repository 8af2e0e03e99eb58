"""Write the timeline out: the MP3 (encoded in chunks, in parallel), its ID3 tags, and the transcripts."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import Cache, cache_key
from briefing.errors import InputError
from briefing.model import Segment, Timeline

BITRATE_KBPS = 64
ENCODER_QUALITY = 7  # LAME -q 7: fast, and transparent enough for speech
MP3_FRAME_SAMPLES = 576  # one MPEG-2 Layer III frame at 22.05 kHz
# Every LAME stream holds two frames more than its input fills (measured with lameenc 1.9: n samples give
# ceil(n / 576) + 2 frames): one of encoder delay at its start, one of flush at its end. Chunks are
# padded to whole frames, so each seam between chunks adds exactly this much silence to the pause.
STREAM_OVERHEAD_FRAMES = 2 * MP3_FRAME_SAMPLES
# LAME's encoder delay (576) plus the standard MP3 decoder delay (529): every decoder plays this much
# silence before the first sample, because a streamed encode carries no gapless (LAME tag) info.
# Cue and chapter times add it, so they match what a listener hears.
ENCODER_DELAY_FRAMES = 576 + 529
PIECE_FRAMES = 220_000  # about 10 s at 22.05 kHz, and a whole number of the limiter's 4 ms blocks
LOUDNESS_SAMPLE_SECONDS = 45.0  # synthetic speech is even in level: this much tells the loudness of it all


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it only if the block succeeds. A file that cannot be
    written (a full disk, a folder in the way) is an InputError: the user can act on it."""
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        yield Path(temp)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as error:
        if error.filename is not None and Path(error.filename).parent != target.parent:
            raise  # reading something else (a cached part) failed: not a problem of the output folder
        raise InputError(f"Cannot write {target} ({error.strerror or error}); fix that, or write somewhere "
                         "else.") from None
    finally:
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def audible_ms(timeline: Timeline, frames: int) -> int:
    """Where a timeline position is heard in the MP3, in milliseconds."""
    return timeline.ms(frames + ENCODER_DELAY_FRAMES)


def padded_frames(frames: int) -> int:
    """`frames` rounded up to whole MP3 frames."""
    return -(-frames // MP3_FRAME_SAMPLES) * MP3_FRAME_SAMPLES


def sample_clips(clips: list[tuple[int, int]], sample_rate: int) -> list[int]:
    """Indexes of evenly spread (pause, clip) pairs, given as frame counts, adding up to about
    LOUDNESS_SAMPLE_SECONDS (all of a short briefing)."""
    total = sum(pause + frames for pause, frames in clips) / sample_rate
    if total <= LOUDNESS_SAMPLE_SECONDS:
        return list(range(len(clips)))
    step = total / LOUDNESS_SAMPLE_SECONDS
    chosen = [index for index in range(len(clips)) if int(index / step) != int((index + 1) / step)]
    return chosen or [len(clips) // 2]  # a few very long clips: measure one of them


def load_encoder() -> None:
    """Import what measuring, limiting, encoding and tagging need (numpy, lameenc, mutagen: 0.1 s),
    at a moment chosen by the caller; the functions below import them where they are used."""
    import lameenc  # noqa: F401
    import mutagen.id3  # noqa: F401

    import briefing.loudness  # noqa: F401


def loudness_gain(parts: list[tuple[int, Path]], sample_rate: int, cache: Cache) -> float:
    """The gain to podcast loudness, measured on these (pause, clip file) parts; remembered in the cache
    (clip files are named by their content there), so a re-render measures again only if a part changed."""
    from briefing.loudness import SETTINGS, gain_to_target

    key = cache_key("gain", SETTINGS, LOUDNESS_SAMPLE_SECONDS, sample_rate,
                    [(pause, path.name) for pause, path in parts])
    known = cache.find(key, ".gain")
    if known:
        return float(known.read_text(encoding="ascii"))
    most = 2 * int(LOUDNESS_SAMPLE_SECONDS * sample_rate)  # of one very long clip, its beginning will do
    sample = []
    for pause, path in parts:
        with open(path, "rb") as clip:
            sample.append((pause, clip.read(most)))
    gain = gain_to_target(sample, sample_rate)
    cache.put(key, ".gain", repr(gain).encode("ascii"))
    return gain


@dataclass(frozen=True)
class ChunkJob:
    """What the encoder needs for one chunk: its (pause, clip file) parts and the gain."""

    parts: tuple[tuple[int, Path], ...]
    gain: float
    sample_rate: int

    def key(self) -> str:
        from briefing.loudness import SETTINGS

        return cache_key("mp3", "lameenc", BITRATE_KBPS, ENCODER_QUALITY, SETTINGS, round(self.gain, 6),
                         self.sample_rate, [(pause, path.name) for pause, path in self.parts])


def encode_chunk(job: ChunkJob) -> bytes:
    """One chunk as an independent MP3 stream. At most PIECE_FRAMES of a clip are in memory at a time
    (a 60,000-character paragraph is one clip of most of an hour); pauses are generated, not stored."""
    import lameenc

    from briefing.loudness import apply_gain_and_limit

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE_KBPS)
    encoder.set_in_sample_rate(job.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    out = bytearray()
    used = 0
    for pause, path in job.parts:
        out += encoder.encode(bytes(2 * pause))
        used += pause
        with open(path, "rb") as clip:
            while piece := clip.read(2 * PIECE_FRAMES):
                out += encoder.encode(apply_gain_and_limit(piece, job.gain, job.sample_rate))
                used += len(piece) // 2
    out += encoder.encode(bytes(2 * (padded_frames(used) - used)))
    out += encoder.flush()
    return bytes(out)


def encoded(job: ChunkJob, cache: Cache) -> Path:
    """The chunk's MP3 file: from the cache, else encoded now (lameenc releases the GIL meanwhile, so
    several threads encode at once)."""
    key = job.key()
    return cache.find(key, ".mp3") or cache.put(key, ".mp3", encode_chunk(job))


@dataclass(frozen=True)
class Tags:
    """What podcast apps show: ID3 text frames and the cover art."""

    title: str
    artist: str = "briefing"
    album: str = "briefing"
    date: str = ""
    comment: str = ""
    language: str = ""
    publisher: str = ""
    cover: bytes = b""
    cover_mime: str = "image/png"


@dataclass(frozen=True)
class Chapter:
    title: str
    start_ms: int
    end_ms: int


def chapters(timeline: Timeline, opening_title: str) -> list[Chapter]:
    """One chapter for the opening and one at each headline (and, in a combined briefing, each story's
    title), starting exactly where that segment's audio is heard."""
    marks = [(opening_title, 0)]
    for clip in timeline.clips[1:]:
        if clip.segment.kind in ("headline", "title"):
            marks.append((" ".join(clip.segment.text.split()), audible_ms(timeline, clip.start)))
    total_ms = audible_ms(timeline, timeline.total_frames)
    ends = [start for _, start in marks[1:]] + [total_ms]
    return [Chapter(title, start, end) for (title, start), end in zip(marks, ends, strict=True)]


def write_mp3(chunk_files: list[Path], target: Path, tags: Tags, chapter_list: list[Chapter] = ()) -> None:
    """The MP3: the encoded chunks one after the other (MP3 streams join frame by frame), then its tags."""
    with atomic_path(target) as temp:
        with open(temp, "wb") as mp3:
            for chunk_file in chunk_files:
                with open(chunk_file, "rb") as chunk:
                    shutil.copyfileobj(chunk, mp3)
        _write_tags(temp, tags, chapter_list)


def _write_tags(path: Path, tags: Tags, chapter_list: list[Chapter]) -> None:
    """mutagen turns the OSError of a full disk into its own error; atomic_path needs the OSError back."""
    from mutagen import MutagenError

    try:
        _save_tags(path, tags, chapter_list)
    except MutagenError as error:
        cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else OSError(str(error))
        raise cause from None


def _save_tags(path: Path, tags: Tags, chapter_list: list[Chapter]) -> None:
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, TPUB, CTOCFlags, PictureType

    frames = ID3()
    frames.add(TIT2(encoding=3, text=tags.title))
    frames.add(TPE1(encoding=3, text=tags.artist))
    frames.add(TALB(encoding=3, text=tags.album))
    if tags.date:
        frames.add(TDRC(encoding=3, text=tags.date))
    if tags.comment:
        frames.add(COMM(encoding=3, lang="eng", desc="", text=tags.comment))
    if tags.language:
        frames.add(TLAN(encoding=3, text=_iso639_2(tags.language)))
    if tags.publisher:
        frames.add(TPUB(encoding=3, text=tags.publisher))
    if tags.cover:
        frames.add(APIC(encoding=3, mime=tags.cover_mime, type=PictureType.COVER_FRONT, desc="Cover",
                        data=tags.cover))
    if chapter_list:
        ids = [f"chp{number}" for number in range(len(chapter_list))]
        frames.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                        sub_frames=[TIT2(encoding=3, text=tags.title)]))
        for element_id, chapter in zip(ids, chapter_list, strict=True):
            frames.add(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=chapter.end_ms,
                            sub_frames=[TIT2(encoding=3, text=chapter.title)]))
    frames.save(path, v2_version=4)


ISO639_2 = {"en": "eng", "fr": "fre", "de": "ger", "es": "spa", "it": "ita", "pt": "por", "nl": "dut"}


def _iso639_2(language: str) -> str:
    """ID3's TLAN holds ISO 639-2 codes."""
    return ISO639_2.get(language.split("-")[0].lower(), language)


def write_chapters_json(chapter_list: list[Chapter], target: Path, title: str) -> None:
    """Podcasting 2.0 chapters (application/json+chapters, version 1.2.0)."""
    document = {"version": "1.2.0", "title": title,
                "chapters": [{"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000, "title": c.title}
                             for c in chapter_list]}
    with atomic_path(target) as temp:
        temp.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def srt_timestamp(ms: int) -> str:
    return vtt_timestamp(ms).replace(".", ",")


def write_srt(timeline: Timeline, target: Path) -> None:
    """SubRip subtitles from the same timeline as the audio and the WebVTT transcript."""
    lines = []
    for number, clip in enumerate(timeline.clips, start=1):
        start, end = srt_timestamp(audible_ms(timeline, clip.start)), srt_timestamp(audible_ms(timeline, clip.end))
        lines += [str(number), f"{start} --> {end}",
                  f"{speaker_label(clip.segment)}: {' '.join(clip.segment.text.split())}", ""]
    with atomic_path(target) as temp:
        temp.write_text("\n".join(lines), encoding="utf-8")


def vtt_timestamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def speaker_label(segment: Segment) -> str:
    """The name a transcript shows for who is heard: the quoted person, or the reading voice."""
    if segment.kind == "quote" and segment.voice != "narrator":
        return segment.speaker or "Unknown speaker"
    return "Narrator" if segment.kind in ("narration", "quote") else "Headline"


def _vtt_escape(text: str) -> str:
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())


def write_vtt(timeline: Timeline, target: Path) -> None:
    """WebVTT with one cue per segment, timed from the same timeline as the audio."""
    lines = ["WEBVTT", ""]
    for number, clip in enumerate(timeline.clips, start=1):
        label = _vtt_escape(speaker_label(clip.segment))
        lines += [str(number),
                  f"{vtt_timestamp(audible_ms(timeline, clip.start))} --> "
                  f"{vtt_timestamp(audible_ms(timeline, clip.end))}",
                  f"<v {label}>{_vtt_escape(clip.segment.text)}", ""]
    with atomic_path(target) as temp:
        temp.write_text("\n".join(lines), encoding="utf-8")
