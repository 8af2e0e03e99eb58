"""Transcripts and chapters beside the MP3, timed from the same timeline: WebVTT, SubRip, chapters.json."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.encode import audible_ms
from briefing.export.tags import Chapter
from briefing.files import atomic_path
from briefing.model import Segment, Timeline


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
    if segment.kind == "quote" and not segment.partial:
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
