"""A podcast feed over a folder of briefings: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces.

Built with feedgen; what feedgen refuses or lacks (itunes:explicit as true/false, podcast:guid, :locked,
:txt, :transcript, :chapters) comes from a small feedgen extension that makes lxml elements, so no XML is
written by hand. The feed remembers what it published: an episode keeps the pubDate it was first given, so
re-rendering an article (or an undated one on another day) never makes it look new.
"""

from __future__ import annotations

import email.utils
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote, urlsplit

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml import etree
from mutagen import MutagenError
from mutagen.mp3 import MP3

from briefing.cover import publish_cover
from briefing.errors import InputError
from briefing.files import atomic_path
from briefing.homepage import episode_anchor, write_homepage
from briefing.show import Show

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# The Podcasting 2.0 namespace's own UUIDv5 namespace for podcast:guid (podcastindex.org, "guid" tag).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
AI_DISCLOSURE = ("Every voice in this podcast is synthetic: the articles are read aloud by a text-to-speech "
                 "engine (briefing).")
DESCRIPTION_LIMIT = 4000  # characters of an item's description that Apple Podcasts shows
TRANSCRIPT_TYPES = ((".vtt", "text/vtt"), (".srt", "application/x-subrip"))
ISO639_1 = {"eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ita": "it",
            "por": "pt", "dut": "nl", "nld": "nl"}


class PodcastIndexExtension(BaseExtension):
    """Channel elements: podcast:guid, podcast:locked, podcast:txt, and itunes:explicit as true/false."""

    def __init__(self):
        self.elements: list[tuple[str, str, dict[str, str]]] = []

    def add(self, name: str, text: str, **attributes: str) -> None:
        self.elements.append((name, text, attributes))

    def extend_ns(self):
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def extend_rss(self, rss_feed):
        _append(rss_feed[0], self.elements)
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item elements: podcast:transcript, podcast:chapters, and itunes:explicit as true/false."""

    def __init__(self):
        self.elements: list[tuple[str, str, dict[str, str]]] = []

    def add(self, name: str, text: str = "", **attributes: str) -> None:
        self.elements.append((name, text, attributes))

    def extend_rss(self, entry):
        _append(entry, self.elements)
        return entry


def _append(parent, elements: Iterable[tuple[str, str, dict[str, str]]]) -> None:
    """lxml elements "prefix:name" under `parent`, with text and attributes."""
    for name, text, attributes in elements:
        prefix, local = name.split(":")
        element = xml_elem(f"{{{PODCAST_NS if prefix == 'podcast' else ITUNES_NS}}}{local}", parent)
        if text:
            element.text = text
        for key, value in attributes.items():
            element.set(key, value)


@dataclass(frozen=True)
class FeedEpisode:
    """One MP3 of the folder as the feed describes it, read from its ID3 tags."""

    path: Path
    guid: str
    title: str
    author: str
    summary: str
    language: str  # ISO 639-1, or "" when the MP3 does not say
    seconds: float
    recorded: str  # the ID3 date (YYYY-MM-DD...), or ""
    source_url: str  # the article's address, when the MP3 knows it
    chapters: list[tuple[int, str]] = field(default_factory=list)  # (start ms, title), by time


def show_guid(feed_url: str) -> str:
    """podcast:guid: UUIDv5 of the feed's address without its scheme and trailing slashes (the spec's rule)."""
    parts = urlsplit(feed_url)
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, (parts.netloc + parts.path).rstrip("/")))


def episode_guid(show: str, path: Path) -> str:
    """An item's GUID: the same for the same file name in the same show, never shared with another show."""
    return str(uuid.uuid5(uuid.UUID(show), path.stem))


@dataclass(frozen=True)
class PublishedFeed:
    feed: Path
    homepage: Path
    notes: list[str]  # what the user should know (a converted cover)


def write_feed(folder: Path, base_url: str, show: Show | None = None) -> PublishedFeed:
    """Write FOLDER/feed.xml (one item per MP3 in the folder, newest first), FOLDER/index.html and the cover."""
    folder, show = Path(folder), show or Show()
    base = _checked_base(folder, base_url)
    if not show.email:
        raise InputError("The feed needs the owner's email address (--email, or email in show.toml): Apple, "
                         "Spotify and Google send the ownership check there, and validators require it.")
    guid = show.guid or show_guid(base + "feed.xml")
    episodes = [read_episode(path, guid) for path in sorted(folder.glob("*.mp3"))]
    if not episodes:
        raise InputError(f"{folder} holds no MP3 briefings; make some with `briefing make ... -o {folder}`.")
    target = folder / "feed.xml"
    published = publication_times(episodes, remembered_times(target))
    episodes.sort(key=lambda episode: published[episode.guid], reverse=True)
    cover, note = publish_cover(show.cover, folder)
    language = _feed_language(show, episodes)
    feed = _channel(show, base, guid, cover.name, language)
    for episode in episodes:
        _add_item(feed, episode, base, published[episode.guid], show, cover.name)
    with atomic_path(target) as temp:
        temp.write_bytes(rss_profile_escapes(feed.rss_str(pretty=True, encoding="UTF-8")))
    homepage = write_homepage(folder, show, [(e.title, e.path, published[e.guid]) for e in episodes],
                              cover.name, language)
    return PublishedFeed(target, homepage, [note] if note else [])


def rss_profile_escapes(document: bytes) -> bytes:
    """The RSS Profile's (and the W3C validator's) advice for plain text: "&" and "<" as hexadecimal character
    references, which no reader mistakes for HTML. The same XML: lxml writes them only as &amp; and &lt;."""
    return document.replace(b"&amp;", b"&#x26;").replace(b"&lt;", b"&#x3C;")


def _checked_base(folder: Path, base_url: str) -> str:
    if not folder.is_dir():
        raise InputError(f"There is no folder called {folder}; give the folder that holds the briefings.")
    if not base_url.startswith(("http://", "https://")):
        raise InputError(f"--base-url must be an http(s) address where {folder} is served, not {base_url!r}.")
    if not base_url.isascii() or " " in base_url:
        raise InputError(f"--base-url must be a plain ASCII address (percent-encode the rest), not {base_url!r}.")
    return base_url.rstrip("/") + "/"


def _text(tags, frame: str) -> str:
    return str(tags[frame].text[0]) if tags is not None and frame in tags and tags[frame].text else ""


def read_episode(path: Path, show: str) -> FeedEpisode:
    """What the feed needs of one MP3, from its ID3 tags (title, summary, date, chapters, source)."""
    try:
        audio = MP3(path)
    except MutagenError as error:
        raise InputError(f"{path} is not a readable MP3 ({error}); remove it or make it again.") from None
    tags = audio.tags
    comments = tags.getall("COMM") if tags is not None else []
    sources = tags.getall("WOAS") if tags is not None else []
    chapters = sorted((c.start_time, str(c.sub_frames["TIT2"].text[0]) if "TIT2" in c.sub_frames else "")
                      for c in (tags.getall("CHAP") if tags is not None else []))
    language = _text(tags, "TLAN")
    return FeedEpisode(path=path, guid=episode_guid(show, path), title=_text(tags, "TIT2") or path.stem,
                       author=_text(tags, "TPE1"), summary=str(comments[0].text[0]) if comments and
                       comments[0].text else "", language=ISO639_1.get(language, language),
                       seconds=audio.info.length, recorded=_text(tags, "TDRC"),
                       source_url=sources[0].url if sources else "", chapters=chapters)


def remembered_times(feed_xml: Path) -> dict[str, datetime]:
    """The pubDate of each item (by GUID) of the feed written before, so a published episode keeps its date."""
    try:
        channel = etree.parse(str(feed_xml)).getroot().find("channel")
    except (OSError, etree.XMLSyntaxError):
        return {}
    times = {}
    for item in channel.iterfind("item") if channel is not None else ():
        guid, date = item.findtext("guid"), item.findtext("pubDate")
        try:
            times[guid] = email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError):
            continue
    return times


def publication_times(episodes: list[FeedEpisode], remembered: dict[str, datetime]) -> dict[str, datetime]:
    """Each episode's pubDate: the one it was published with before, else its recording day (at the time the
    file was written that day, else 06:00 UTC); never the same as another episode's (a second apart)."""
    times = {e.guid: remembered[e.guid] for e in episodes if e.guid in remembered}
    taken = set(times.values())
    new = [e for e in episodes if e.guid not in times]
    for episode in sorted(new, key=lambda e: (_first_guess(e), e.path.name)):
        when = _first_guess(episode)
        while when in taken:
            when += timedelta(seconds=1)
        times[episode.guid] = when
        taken.add(when)
    return times


def _first_guess(episode: FeedEpisode) -> datetime:
    written = datetime.fromtimestamp(episode.path.stat().st_mtime, tz=timezone.utc).replace(microsecond=0)
    try:
        day = datetime.strptime(episode.recorded[:10], "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return written
    return written if written.date() == day.date() else day.replace(hour=6)


def _channel(show: Show, base: str, guid: str, cover_name: str, language: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension, atom=False)
    feed.title(show.title)
    feed.link(href=base + "feed.xml", rel="self")
    feed.link(href=show.link or base, rel="alternate")  # feedgen's RSS <link> is the last link given
    feed.description(show.description or f"{show.title}: articles read aloud by briefing.")
    feed.language(language)
    feed.copyright(show.copyright or f"© {datetime.now(timezone.utc).year} {show.author}")
    feed.image(url=base + cover_name, title=show.title, link=show.link or base)
    feed.generator("briefing")
    feed.podcast.itunes_image(base + cover_name)
    feed.podcast.itunes_author(show.author)
    feed.podcast.itunes_owner(name=show.author, email=show.email)
    feed.podcast.itunes_category(*show.category.split("/", 1))
    feed.podcast.itunes_type("episodic")
    feed.podcastindex.add("itunes:explicit", "true" if show.explicit else "false")
    feed.podcastindex.add("podcast:guid", guid)
    feed.podcastindex.add("podcast:locked", "yes" if show.locked else "no", owner=show.email)
    feed.podcastindex.add("podcast:txt", AI_DISCLOSURE, purpose="ai-content")
    return feed


def _add_item(feed: FeedGenerator, episode: FeedEpisode, base: str, published: datetime, show: Show,
              cover_name: str) -> None:
    entry = feed.add_entry(order="append")
    entry.guid(episode.guid, permalink=False)
    entry.title(episode.title)
    entry.link(href=episode_link(episode, base))
    entry.description(describe(episode))
    entry.enclosure(base + quote(episode.path.name), str(episode.path.stat().st_size), "audio/mpeg")
    entry.published(published)
    entry.podcast.itunes_author(episode.author if episode.author not in ("", "briefing") else show.author)
    entry.podcast.itunes_duration(_duration(episode.seconds))
    entry.podcast.itunes_image(base + cover_name)
    entry.podcast.itunes_episode_type("full")
    entry.podcastindex.add("itunes:explicit", "true" if show.explicit else "false")
    language = episode.language or feed.language()
    for suffix, mime in TRANSCRIPT_TYPES:
        transcript = episode.path.with_suffix(suffix)
        if transcript.exists():
            entry.podcastindex.add("podcast:transcript", url=base + quote(transcript.name), type=mime,
                                   language=language)
    chapters = episode.path.with_name(episode.path.stem + ".chapters.json")
    if chapters.exists():
        entry.podcastindex.add("podcast:chapters", url=base + quote(chapters.name), type="application/json+chapters")


def episode_link(episode: FeedEpisode, base: str) -> str:
    """The item's <link>: the source article, else the episode's own page, else its entry on the homepage."""
    if episode.source_url:
        return episode.source_url
    page = episode.path.with_suffix(".html")
    return base + quote(page.name) if page.exists() else f"{base}index.html#{quote(episode_anchor(episode.path))}"


def describe(episode: FeedEpisode) -> str:
    """The item's description: the summary, then one line per chapter with its timestamp (apps link those),
    within Apple's 4000 characters (the chapters file has them all)."""
    text = episode.summary or episode.title
    if len(episode.chapters) < 2:
        return text[:DESCRIPTION_LIMIT]
    lines = [text, "", "Chapters:"]
    for shown, (ms, title) in enumerate(episode.chapters):
        line = f"{timestamp(ms)} {title}"
        rest = f"… and {len(episode.chapters) - shown} more chapters."
        if sum(len(kept) + 1 for kept in lines) + len(line) + 1 + len(rest) > DESCRIPTION_LIMIT:
            lines.append(rest)
            break
        lines.append(line)
    return "\n".join(lines)


def timestamp(ms: int) -> str:
    """(H:)MM:SS, as podcast apps recognise chapter times in a description."""
    seconds = ms // 1000
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours}:{minutes:02d}:{seconds % 60:02d}" if hours else f"{minutes:02d}:{seconds % 60:02d}"


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _feed_language(show: Show, episodes: list[FeedEpisode]) -> str:
    codes = [episode.language for episode in episodes if episode.language]
    return show.language or (max(sorted(set(codes)), key=codes.count) if codes else "en")
