"""Write the timeline out: the MP3 (streamed through the encoder), its ID3 tags, and the transcript."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import lameenc
from mutagen.id3 import ID3, TALB, TIT2, TLAN, TPE1

from briefing.model import Segment, Timeline

BITRATE_KBPS = 64
ENCODER_QUALITY = 7  # LAME -q 7: fast, and transparent enough for speech
CHUNK_FRAMES = 1 << 16
# LAME's encoder delay (576) plus the standard MP3 decoder delay (529): every decoder plays this much
# silence before the first sample, because a streamed encode carries no gapless (LAME tag) info.
# Cue and chapter times add it, so they match what a listener hears.
ENCODER_DELAY_FRAMES = 576 + 529


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it only if the block succeeds."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        yield Path(temp)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def audible_ms(timeline: Timeline, frames: int) -> int:
    """Where a timeline position is heard in the MP3, in milliseconds."""
    return timeline.ms(frames + ENCODER_DELAY_FRAMES)


def pcm_stream(timeline: Timeline) -> Iterator[bytes]:
    """The whole briefing as 16-bit mono PCM, one piece at a time (pauses are generated, not stored)."""
    for clip in timeline.clips:
        if clip.pause_before:
            yield bytes(2 * clip.pause_before)
        with open(clip.pcm_path, "rb") as pcm:
            while chunk := pcm.read(2 * CHUNK_FRAMES):
                yield chunk


def write_mp3(timeline: Timeline, target: Path, title: str, artist: str = "briefing",
              album: str | None = None, language: str | None = None) -> None:
    """Encode the timeline to MP3 (mono, 64 kbps CBR) and tag it, without ever holding it all in memory."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE_KBPS)
    encoder.set_in_sample_rate(timeline.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    with atomic_path(target) as temp:
        with open(temp, "wb") as mp3:
            for chunk in pcm_stream(timeline):
                mp3.write(encoder.encode(chunk))
            mp3.write(encoder.flush())
        tags = ID3()
        tags.add(TIT2(encoding=3, text=title))
        tags.add(TPE1(encoding=3, text=artist))
        if album:
            tags.add(TALB(encoding=3, text=album))
        if language:
            tags.add(TLAN(encoding=3, text=language))
        tags.save(temp, v2_version=4)


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
