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
    source_url: str = ""  # the article's address (ID3 WOAS), which the feed links the episode to
    sources: str = ""  # a combined episode's articles (ID3 TXXX "briefing sources"), one per line


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


SOURCES_DESCRIPTION = "briefing sources"
ID3_VERSION = 3  # ID3v2.3: every podcast app and older player reads it; many older ones do not read v2.4
TOC_FAN_OUT = 255  # a CTOC frame holds at most 255 children (its entry count is one byte)


def _save_tags(path: Path, tags: Tags, chapter_list: list[Chapter]) -> None:
    from mutagen.id3 import APIC, COMM, TALB, TDRC, TIT2, TLAN, TPE1, TPUB, TXXX, WOAS, PictureType

    from briefing.export.id3 import TimeOrderedID3

    frames = TimeOrderedID3()
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
    if tags.source_url:
        frames.add(WOAS(url=tags.source_url))
    if tags.sources:
        frames.add(TXXX(encoding=3, desc=SOURCES_DESCRIPTION, text=tags.sources))
    if tags.cover:
        frames.add(APIC(encoding=3, mime=tags.cover_mime, type=PictureType.COVER_FRONT, desc="Cover",
                        data=tags.cover))
    for frame in chapter_frames(chapter_list, tags.title):
        frames.add(frame)
    frames.update_to_v23()
    frames.save(path, v2_version=ID3_VERSION)


def recorded_sources(mp3: Path) -> str:
    """The articles a combined episode was made of, as its tags record them ("" when they do not say)."""
    from mutagen import MutagenError
    from mutagen.id3 import ID3

    try:
        frames = ID3(mp3).getall(f"TXXX:{SOURCES_DESCRIPTION}")
    except (MutagenError, OSError):
        return ""
    return "\n".join(str(text) for text in frames[0].text) if frames else ""


def chapter_frames(chapter_list: list[Chapter], title: str) -> list:
    """CHAP frames and the table of contents over them: one CTOC when there are at most 255 chapters, else a
    top-level CTOC over sub-CTOCs of at most 255 each (nested further as needed), all ordered."""
    from mutagen.id3 import CHAP, TIT2

    width = len(str(max(len(chapter_list) - 1, 0)))
    ids = [f"chp{number:0{width}d}" for number in range(len(chapter_list))]
    frames = [CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=chapter.end_ms,
                   sub_frames=[TIT2(encoding=3, text=chapter.title)])
              for element_id, chapter in zip(ids, chapter_list, strict=True)]
    return frames + _tables_of_contents(ids, title) if ids else []


def _tables_of_contents(child_ids: list[str], title: str, level: int = 0) -> list:
    """CTOC frames over `child_ids`: the top-level one last, its sub-tables (if any) before it."""
    from mutagen.id3 import CTOC, TIT2, CTOCFlags

    if len(child_ids) <= TOC_FAN_OUT:
        return [CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=child_ids,
                     sub_frames=[TIT2(encoding=3, text=title)])]
    groups = [child_ids[start:start + TOC_FAN_OUT] for start in range(0, len(child_ids), TOC_FAN_OUT)]
    sub_ids = [f"toc{level}-{number}" for number in range(len(groups))]
    sub_tables = [CTOC(element_id=element_id, flags=CTOCFlags.ORDERED, child_element_ids=group,
                       sub_frames=[TIT2(encoding=3, text=f"{title}, part {number + 1} of {len(groups)}")])
                  for number, (element_id, group) in enumerate(zip(sub_ids, groups, strict=True))]
    return sub_tables + _tables_of_contents(sub_ids, title, level + 1)


ISO639_2 = {"en": "eng", "fr": "fre", "de": "ger", "es": "spa", "it": "ita", "pt": "por", "nl": "dut"}


def _iso639_2(language: str) -> str:
    """ID3's TLAN holds ISO 639-2 codes."""
    return ISO639_2.get(language.split("-")[0].lower(), language)
