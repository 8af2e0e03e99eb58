"""The podcast feed as directories and apps read it: every Apple-required and recommended element, the
Podcasting 2.0 tags, stable GUIDs and dates, read with lxml, feedparser and podcastparser."""

from __future__ import annotations

import datetime
import email.utils
import os
import shutil
import time
import uuid
from pathlib import Path

import feedparser
import lxml.html
import podcastparser
import pytest
from helpers import assert_plain_error, run_briefing
from lxml import etree
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from briefing.errors import ExitStatus

BASE = "https://podcasts.example.org/desk/"
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}
SHOW = ['--title', 'Morning & <Desk> "News"', "--author", "Desk Team", "--email", "desk@example.org",
        "--category", "daily news", "--description", "Three stories read aloud.", "--language", "en"]
TRICKY = ("Q&A: <Why> “Prices” Rise — Café Owners Say 'Enough'\n\nPrices rose again on Monday, the statistics "
          "office said. “We cannot keep up,” said café owner Marie Roux.\n\nWhat comes next\n\nThe office "
          "expects prices to rise again in the spring, it said in a statement on Tuesday.\n")


@pytest.fixture(scope="module")
def shelf(corpus, tmp_path_factory):
    """Three briefings made today (so they share their recording date), one with a tricky title."""
    out = tmp_path_factory.mktemp("desk")
    tricky = out.parent / "tricky.txt"
    tricky.write_text(TRICKY, encoding="utf-8")
    result = run_briefing("make", str(corpus / "putin-syria.txt"), str(corpus / "greve.txt"), str(tricky),
                          "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out


def _feed(folder: Path, *extra: str, base: str = BASE) -> etree._Element:
    result = run_briefing("feed", str(folder), "--base-url", base, *SHOW, *extra)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == str(folder / "feed.xml")
    return etree.parse(str(folder / "feed.xml")).getroot().find("channel")


def _items(channel) -> dict[str, etree._Element]:
    return {item.find("enclosure").get("url").rsplit("/", 1)[1]: item for item in channel.iterfind("item")}


def test_channel_has_every_required_and_recommended_element(shelf):
    channel = _feed(shelf)
    assert channel.findtext("title") == 'Morning & <Desk> "News"'
    assert channel.findtext("description") == "Three stories read aloud."
    assert channel.findtext("link") == BASE
    assert channel.findtext("language") == "en"
    assert "Desk Team" in channel.findtext("copyright")
    self_link = channel.find("atom:link", NS)
    assert self_link.get("href") == BASE + "feed.xml" and self_link.get("rel") == "self"
    cover = channel.find("itunes:image", NS).get("href")
    assert cover.startswith(BASE) and cover.endswith(".png") and (shelf / cover.rsplit("/", 1)[1]).is_file()
    assert channel.find("image/url").text == cover and channel.find("image/link").text == BASE
    category = channel.find("itunes:category", NS)
    assert category.get("text") == "News" and category.find("itunes:category", NS).get("text") == "Daily News"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:author", namespaces=NS) == "Desk Team"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "desk@example.org"
    assert channel.findtext("itunes:owner/itunes:name", namespaces=NS) == "Desk Team"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    # podcast:guid is UUIDv5 of the feed address without scheme and trailing slash, in the namespace's namespace
    expected = uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "podcasts.example.org/desk/feed.xml")
    assert channel.findtext("podcast:guid", namespaces=NS) == str(expected)
    locked = channel.find("podcast:locked", NS)
    assert locked.text == "yes" and locked.get("owner") == "desk@example.org"
    disclosure = channel.find("podcast:txt", NS)
    assert disclosure.get("purpose") == "ai-content" and "synthetic" in disclosure.text


def test_items_have_guid_link_dates_chapters_and_typed_transcripts(shelf):
    items = _items(_feed(shelf))
    assert sorted(items) == ["greve.mp3", "putin-syria.mp3", "tricky.mp3"]
    dates = [email.utils.parsedate_to_datetime(item.findtext("pubDate")) for item in items.values()]
    assert len(set(dates)) == 3  # made the same day, yet apart
    for name, item in items.items():
        mp3 = shelf / name
        tags = ID3(mp3)
        assert item.findtext("title") == tags["TIT2"].text[0]
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and uuid.UUID(guid.text)
        enclosure = item.find("enclosure")
        assert enclosure.get("url") == BASE + name and enclosure.get("url").isascii()
        assert int(enclosure.get("length")) == mp3.stat().st_size and enclosure.get("type") == "audio/mpeg"
        assert item.findtext("link") == f"{BASE}{mp3.stem}.html"  # the episode's read-along page
        assert item.findtext("itunes:explicit", namespaces=NS) == "false"
        assert item.findtext("itunes:episodeType", namespaces=NS) == "full"
        hours, minutes, seconds = (int(x) for x in item.findtext("itunes:duration", namespaces=NS).split(":"))
        assert abs(hours * 3600 + minutes * 60 + seconds - MP3(mp3).info.length) <= 1
        transcripts = {t.get("type"): t for t in item.iterfind("podcast:transcript", NS)}
        assert set(transcripts) == {"text/vtt", "application/x-subrip"}
        assert transcripts["application/x-subrip"].get("url") == BASE + mp3.stem + ".srt"
        language = "fr" if name == "greve.mp3" else "en"
        assert all(t.get("language") == language for t in transcripts.values())
        chapters = item.find("podcast:chapters", NS)
        assert chapters.get("url") == BASE + mp3.stem + ".chapters.json"
        _assert_chapter_lines(item.findtext("description"), tags)


def _assert_chapter_lines(description: str, tags) -> None:
    """Each chapter as "MM:SS title", in time order, at the second the CHAP frame starts."""
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    if len(chaps) < 2:
        assert "Chapters:" not in description
        return
    lines = description.split("Chapters:\n", 1)[1].splitlines()
    assert len(lines) == len(chaps)
    for line, chap in zip(lines, chaps, strict=True):
        seconds = chap.start_time // 1000
        assert line == f"{seconds // 60:02d}:{seconds % 60:02d} {chap.sub_frames['TIT2'].text[0]}"


def test_feedparser_and_podcastparser_read_the_same_values(shelf):
    _feed(shelf)
    parsed = feedparser.parse((shelf / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == 'Morning & <Desk> "News"'
    assert parsed.feed.publisher_detail.email == "desk@example.org"
    # feedparser 6 knows itunes:explicit only as yes/clean; podcastparser reads true/false (below)
    assert [tag.term for tag in parsed.feed.tags] == ["News", "Daily News"]
    assert parsed.feed.rights.endswith("Desk Team") and parsed.feed.itunes_type == "episodic"
    assert uuid.UUID(parsed.feed.podcast_guid).version == 5
    assert parsed.feed.podcast_locked["owner"] == "desk@example.org"
    assert parsed.feed.podcast_txt["purpose"] == "ai-content"
    assert len({entry.published for entry in parsed.entries}) == 3
    for entry in parsed.entries:
        assert entry.link.startswith(BASE) and entry.link.endswith(".html")
        assert entry.guidislink is False and entry.author == "Desk Team"
        assert entry.podcast_chapters["type"] == "application/json+chapters"
    pod = podcastparser.parse(BASE + "feed.xml", (shelf / "feed.xml").open("rb"))
    assert pod["title"] == 'Morning & <Desk> "News"'
    assert pod["description"] == "Three stories read aloud."
    assert pod["cover_url"].startswith(BASE + "cover-")
    assert pod["link"] == BASE
    assert pod.get("explicit") is False
    guids = {e["guid"] for e in parsed.entries}
    assert {e["guid"] for e in pod["episodes"]} == {e.id for e in parsed.entries} == guids
    for episode in pod["episodes"]:
        assert episode["link"].startswith(BASE) and episode["link"].endswith(".html")
        assert episode["enclosures"][0]["url"].startswith(BASE)
        chapters = ID3(shelf / episode["enclosures"][0]["url"].rsplit("/", 1)[1]).getall("CHAP")
        assert ("Chapters:\n00:00 " in episode["description"]) == (len(chapters) > 1)
        assert episode["explicit"] is False


def test_two_shows_never_share_a_guid_and_each_keeps_its_own(shelf, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(shelf, other)
    first = {item.findtext("guid") for item in _feed(shelf).iterfind("item")}
    second = {item.findtext("guid") for item in _feed(other, base="https://elsewhere.example.net/desk/")
              .iterfind("item")}
    assert len(first) == len(second) == 3 and not first & second
    assert {item.findtext("guid") for item in _feed(shelf).iterfind("item")} == first  # stable


def test_a_re_rendered_episode_keeps_its_date_and_guid(corpus, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Council Delays Vote\n\nThe council delayed its vote on the new budget again, a "
                       "spokesman said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_briefing("make", str(undated), "-o", str(out)).returncode == 0
    before = _items(_feed(out))["undated.mp3"]
    time.sleep(1.1)
    assert run_briefing("make", str(undated), "-o", str(out)).returncode == 0
    later = time.time() + 3 * 86400  # as if re-rendered three days later
    os.utime(out / "undated.mp3", (later, later))
    after = _items(_feed(out))["undated.mp3"]
    assert after.findtext("pubDate") == before.findtext("pubDate")
    assert after.findtext("guid") == before.findtext("guid")


def test_homepage_links_every_episode(shelf):
    tricky_page = (shelf / "tricky.html").read_bytes()
    (shelf / "tricky.html").unlink()  # an episode without its page: the homepage links its MP3
    try:
        channel = _feed(shelf)
        page = lxml.html.parse(str(shelf / "index.html")).getroot()
    finally:
        (shelf / "tricky.html").write_bytes(tricky_page)
    assert page.get("lang") == "en" and page.findtext(".//h1") == 'Morning & <Desk> "News"'
    assert page.find(".//link[@rel='alternate']").get("href") == "feed.xml"
    entries = {li.get("id"): li for li in page.iter("li")}
    assert set(entries) == {"greve", "putin-syria", "tricky"}
    assert entries["greve"].find("a").get("href") == "greve.html"
    assert entries["tricky"].find("a").get("href") == "tricky.mp3"
    assert _items(channel)["greve.mp3"].findtext("link") == BASE + "greve.html"
    assert _items(channel)["tricky.mp3"].findtext("link") == f"{BASE}index.html#tricky"
    titles = [li.find("a").text for li in entries.values()]
    assert "Q&A: <Why> “Prices” Rise — Café Owners Say 'Enough'" in titles


def test_show_file_and_flags(shelf, tmp_path):
    show = tmp_path / "show.toml"
    show.write_text('title = "From the file"\nemail = "file@example.org"\ncategory = "Technology"\n'
                    'explicit = true\nauthor = "File Author"\nlink = "https://www.example.org/"\n',
                    encoding="utf-8")
    result = run_briefing("feed", str(shelf), "--base-url", BASE, "--show", str(show), "--title", "From the flag")
    assert result.returncode == 0, result.stderr.decode()
    channel = etree.parse(str(shelf / "feed.xml")).getroot().find("channel")
    assert channel.findtext("title") == "From the flag"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "file@example.org"
    assert channel.find("itunes:category", NS).get("text") == "Technology"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "true"
    assert channel.findtext("link") == "https://www.example.org/"
    clean = run_briefing("feed", str(shelf), "--base-url", BASE, "--show", str(show), "--clean")
    assert clean.returncode == 0
    channel = etree.parse(str(shelf / "feed.xml")).getroot().find("channel")
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"


@pytest.mark.parametrize(("args", "message"), [
    ([], "needs the owner's email address"),
    (["--email", "not-an-address"], "is not an email address"),
    (["--email", "a@example.org", "--category", "Newz"], "did you mean 'News'"),
    (["--email", "a@example.org", "--show", "missing.toml"], "Cannot read the show file"),
])
def test_wrong_show_values_are_one_sentence(shelf, args, message):
    result = run_briefing("feed", str(shelf), "--base-url", BASE, *args)
    assert_plain_error(result, ExitStatus.BAD_INPUT, message)


def test_apple_categories_come_from_the_data_file():
    from briefing.show import apple_categories, apple_category

    categories = apple_categories()
    assert len(categories) == 19 and "Daily News" in categories["News"]
    assert apple_category("news/daily news") == ("News", "Daily News")
    assert apple_category("True Crime") == ("True Crime",)


def _episode(tmp_path: Path, name: str, chapters=(), recorded: str = ""):
    from briefing.feed import FeedEpisode

    path = tmp_path / name
    path.write_bytes(b"")
    return FeedEpisode(path=path, guid=name, title=name, author="", summary="A summary.", language="en",
                       seconds=60.0, recorded=recorded, source_url="", chapters=list(chapters))


def test_a_long_chapter_list_fits_apples_description_limit(tmp_path):
    from briefing.feed import describe

    episode = _episode(tmp_path, "many.mp3", [(n * 61_000, f"Note {n} from the harbour") for n in range(300)])
    text = describe(episode)
    assert len(text) <= 4000 and text.startswith("A summary.\n\nChapters:\n00:00 Note 0 from the harbour\n")
    assert text.splitlines()[-1].endswith("more chapters.") and "1:01:00 Note 60 from the harbour" in text


def test_episodes_written_together_get_distinct_dates_in_their_order(tmp_path):
    from briefing.feed import publication_times

    episodes = [_episode(tmp_path, f"{name}.mp3", recorded="2026-03-04") for name in ("b", "a", "c")]
    stamp = time.mktime((2026, 3, 4, 12, 0, 0, 0, 0, -1))
    for episode in episodes:
        os.utime(episode.path, (stamp, stamp))
    times = publication_times(episodes, {})
    assert sorted(times, key=times.get) == ["a.mp3", "b.mp3", "c.mp3"] and len(set(times.values())) == 3
    assert max(times.values()) - min(times.values()) == datetime.timedelta(seconds=2)
    old = _episode(tmp_path, "old.mp3", recorded="2025-01-02")
    assert publication_times([old], {})["old.mp3"] == datetime.datetime(2025, 1, 2, 6, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize(("name", "stem"), [("Café Notes", "Cafe-Notes"), ("Q&A: <Why>", "Q-A-Why"),
                                            ("a  b", "a-b"), ("résumé_v2.final", "resume_v2.final")])
def test_written_file_names_are_plain_ascii(name, stem):
    from briefing.files import safe_stem

    assert safe_stem(name) == stem


def test_names_without_an_ascii_form_stay_apart():
    from briefing.files import safe_stem

    moscow, beijing = safe_stem("Москва"), safe_stem("北京")
    assert moscow.isascii() and beijing.isascii() and moscow != beijing
    assert safe_stem("北京 report").startswith("report-")


@pytest.mark.parametrize(("text", "message"), [
    ('colour = "red"\n', "unknown field 'colour'"),
    ("explicit = \"no\"\n", "explicit must be true or false"),
    ('category = "Cooking"\n', "is not one of Apple's podcast categories"),
    ("title = \n", "is not valid TOML"),
    ('guid = "my-show"\n', "guid must be a UUID"),
])
def test_a_wrong_show_file_names_the_file_and_the_field(tmp_path, text, message):
    from briefing.errors import InputError
    from briefing.show import load_show

    show = tmp_path / "show.toml"
    show.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_show(show)
    assert message in str(error.value) and str(show) in str(error.value)


def test_a_pinned_show_guid_keeps_the_episodes_when_the_feed_moves(shelf, tmp_path):
    show = tmp_path / "show.toml"
    show.write_text('guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"\n', encoding="utf-8")
    seen = []
    for base in (BASE, "https://new-host.example.net/desk/"):
        channel = _feed(shelf, "--show", str(show), base=base)
        assert channel.findtext("podcast:guid", namespaces=NS) == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
        seen.append({item.findtext("guid") for item in channel.iterfind("item")})
    assert seen[0] == seen[1] and len(seen[0]) == 3
