"""A podcast feed over a folder of briefings: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces.

Built with feedgen; the Podcasting 2.0 elements (podcast:transcript, podcast:chapters) come from a
small feedgen extension, so no XML is written by hand.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from mutagen import MutagenError
from mutagen.mp3 import MP3

from briefing.errors import InputError
from briefing.files import atomic_path

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
GUID_NAMESPACE = uuid.UUID("8a3c1f4e-5b7d-4c2a-9e6f-0d1b2c3a4e5f")  # briefing's own UUIDv5 namespace


class PodcastIndexExtension(BaseExtension):
    def extend_ns(self):
        return {"podcast": PODCAST_NS}


class PodcastIndexEntryExtension(BaseEntryExtension):
    """podcast:transcript and podcast:chapters on an item."""

    def __init__(self):
        self._links: list[tuple[str, dict[str, str]]] = []

    def transcript(self, url: str, mime: str, language: str | None = None) -> None:
        attributes = {"url": url, "type": mime}
        if language:
            attributes["language"] = language
        self._links.append(("transcript", attributes))

    def chapters(self, url: str) -> None:
        self._links.append(("chapters", {"url": url, "type": "application/json+chapters"}))

    def extend_rss(self, entry):
        for name, attributes in self._links:
            element = xml_elem(f"{{{PODCAST_NS}}}{name}", entry)
            for key, value in attributes.items():
                element.set(key, value)
        return entry


def _text(tags, frame: str) -> str:
    return str(tags[frame].text[0]) if tags is not None and frame in tags and tags[frame].text else ""


def _published(tags, path: Path) -> datetime:
    """The ID3 recording date at 06:00 UTC, else the file's modification time."""
    when = _text(tags, "TDRC")
    try:
        day = datetime.strptime(when[:10], "%Y-%m-%d")
        return day.replace(hour=6, tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def write_feed(folder: Path, base_url: str, title: str | None = None, description: str | None = None,
               author: str = "briefing") -> Path:
    """Write FOLDER/feed.xml: one item per MP3 in the folder, with its transcript and chapters."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"There is no folder called {folder}; give the folder that holds the briefings.")
    episodes = sorted(folder.glob("*.mp3"))
    if not episodes:
        raise InputError(f"{folder} holds no MP3 briefings; make some with `briefing make ... -o {folder}`.")
    if not base_url.startswith(("http://", "https://")):
        raise InputError(f"--base-url must be an http(s) address where {folder} is served, not {base_url!r}.")
    base = base_url.rstrip("/") + "/"
    cover = folder / "cover.png"
    if not cover.exists():
        shutil.copyfile(str(resources.files("briefing") / "cover.png"), cover)

    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension, atom=False)
    languages = []
    for path in episodes:
        try:
            audio = MP3(path)
        except MutagenError as error:
            raise InputError(f"{path} is not a readable MP3 ({error}); remove it or make it again.") from None
        tags = audio.tags
        languages.append(_text(tags, "TLAN"))
        entry = feed.add_entry(order="append")
        entry.id(str(uuid.uuid5(GUID_NAMESPACE, path.name)))
        entry.guid(str(uuid.uuid5(GUID_NAMESPACE, path.name)), permalink=False)
        entry.title(_text(tags, "TIT2") or path.stem)
        if _text(tags, "TPE1"):
            entry.podcast.itunes_author(_text(tags, "TPE1"))
        comment = tags.getall("COMM") if tags is not None else []
        entry.description(str(comment[0].text[0]) if comment and comment[0].text else entry.title())
        entry.enclosure(base + quote(path.name), str(path.stat().st_size), "audio/mpeg")
        entry.published(_published(tags, path))
        entry.podcast.itunes_duration(_duration(audio.info.length))
        for suffix, mime in ((".vtt", "text/vtt"), (".srt", "application/srt")):
            if path.with_suffix(suffix).exists():
                entry.podcastindex.transcript(base + quote(path.with_suffix(suffix).name), mime)
        chapters = path.with_name(path.stem + ".chapters.json")
        if chapters.exists():
            entry.podcastindex.chapters(base + quote(chapters.name))

    show = title or "briefing"
    feed.title(show)
    feed.link(href=base, rel="alternate")
    feed.description(description or f"{show}: articles read aloud by briefing.")
    feed.language(_feed_language(languages))
    feed.image(url=base + "cover.png", title=show, link=base)
    feed.podcast.itunes_image(base + "cover.png")
    feed.podcast.itunes_author(author)
    feed.podcast.itunes_explicit("no")
    feed.podcast.itunes_category("News")
    target = folder / "feed.xml"
    with atomic_path(target) as temp:
        feed.rss_file(str(temp), pretty=True)
    return target


ISO639_1 = {"eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ita": "it",
            "por": "pt", "dut": "nl", "nld": "nl"}


def _feed_language(languages: list[str]) -> str:
    codes = [ISO639_1.get(code, code) for code in languages if code]
    return max(set(codes), key=codes.count) if codes else "en"
