"""The MP3 file: the encoded chunks joined frame by frame, its ID3 tags, cover and chapters."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from briefing.encode import audible_ms
from briefing.files import atomic_path
from briefing.model import Timeline


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
