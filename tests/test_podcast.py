"""Podcast-ready: tags, chapters, transcripts and loudness as apps read them, and a feed real clients accept."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import feedparser
import numpy as np
import podcastparser
import pyloudnorm
import pytest
import srt
from audio import SILENCE_RMS, decode, loudest_10ms, parse_vtt, window, words
from helpers import corpus_paragraphs, run_briefing, serving
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from scipy.signal import resample_poly


@pytest.fixture(scope="module")
def shelf(corpus, tmp_path_factory):
    """A folder of briefings as a user would publish it: three articles, one with a tricky title."""
    out = tmp_path_factory.mktemp("shelf")
    tricky = out.parent / "tricky.txt"
    tricky.write_text("Q&A: <Why> “Prices” Rise — Café Owners Say 'Enough'\n\nPrices rose again on Monday, "
                      "the statistics office said. “We cannot keep up,” said café owner Marie Roux.\n",
                      encoding="utf-8")
    result = run_briefing("make", str(corpus / "putin-syria.txt"), str(corpus / "greve.txt"), str(tricky),
                          "-o", str(out), "--show", "Morning Desk")
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_id3_tags_as_a_podcast_app_reads_them(shelf):
    tags = ID3(shelf / "putin-syria.mp3")
    title, first_paragraph = corpus_paragraphs("putin-syria")[:2]
    assert tags["TIT2"].text == [title]
    assert tags["TPE1"].text == ["briefing"]
    assert tags["TALB"].text == ["Morning Desk"]
    assert str(tags["TDRC"].text[0]) == datetime.date.today().isoformat()
    comment = tags.getall("COMM")[0].text[0]  # the first paragraph of narration, cut short if long
    assert len(comment.split()) > 8 and first_paragraph.startswith(comment.removesuffix("...")), comment
    assert tags["TLAN"].text == ["eng"] and ID3(shelf / "greve.mp3")["TLAN"].text == ["fre"]
    cover = tags.getall("APIC")[0]
    assert cover.mime == "image/png" and cover.data.startswith(b"\x89PNG") and len(cover.data) > 1000


def test_chapters_start_exactly_where_the_headlines_are_heard(shelf):
    mp3 = shelf / "putin-syria.mp3"
    tags = ID3(mp3)
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chaps[i] for i in toc.child_element_ids]
    titles = [c.sub_frames["TIT2"].text[0] for c in ordered]
    cues = parse_vtt(shelf / "putin-syria.vtt")
    headlines = [c for c in cues[1:] if c.voice == "Headline"]
    assert titles == [cues[0].text] + [c.text for c in headlines]
    assert ordered[0].start_time == 0
    samples, rate = decode(mp3)
    for chapter, cue in zip(ordered[1:], headlines, strict=True):
        start = chapter.start_time / 1000
        assert abs(start - cue.start) < 0.002
        assert loudest_10ms(window(samples, rate, start - 0.5, start - 0.03), rate) < SILENCE_RMS
        assert loudest_10ms(window(samples, rate, start, start + 0.06), rate) > SILENCE_RMS
    assert all(a.end_time == b.start_time for a, b in itertools.pairwise(ordered))
    assert abs(ordered[-1].end_time / 1000 - MP3(mp3).info.length) < 0.2
    podcast = json.loads((shelf / "putin-syria.chapters.json").read_text(encoding="utf-8"))
    assert podcast["version"] == "1.2.0"
    assert [(c["title"], round(c["startTime"] * 1000)) for c in podcast["chapters"]] == \
        [(t, c.start_time) for t, c in zip(titles, ordered, strict=True)]


def test_srt_and_vtt_come_from_the_same_timeline(shelf):
    subtitles = list(srt.parse((shelf / "putin-syria.srt").read_text(encoding="utf-8")))
    cues = parse_vtt(shelf / "putin-syria.vtt")
    assert len(subtitles) == len(cues)
    for sub, cue in zip(subtitles, cues, strict=True):
        assert abs(sub.start.total_seconds() - cue.start) < 0.001
        assert abs(sub.end.total_seconds() - cue.end) < 0.001
        assert sub.content == f"{cue.voice}: {cue.text}"


@pytest.mark.parametrize("name", ["putin-syria", "greve", "tricky"])
def test_loudness_is_podcast_standard(shelf, name):
    samples, rate = decode(shelf / f"{name}.mp3")
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    true_peak_db = 20 * np.log10(np.abs(resample_poly(samples, 4, 1)).max())
    assert -17.0 <= loudness <= -15.0, loudness
    assert true_peak_db <= -1.0, true_peak_db


def _feed(shelf):
    result = run_briefing("feed", str(shelf), "--base-url", "http://127.0.0.1:8000/pod/", "--title",
                          "Morning & <Desk> “News” — Café", "--email", "desk@example.org")
    assert result.returncode == 0, result.stderr.decode()
    return shelf / "feed.xml"


def test_feed_parses_in_feedparser_with_exact_enclosures(shelf):
    parsed = feedparser.parse(_feed(shelf).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Morning & <Desk> “News” — Café"
    assert parsed.feed.language == "en" and parsed.feed.image.href.endswith(".png")
    assert len(parsed.entries) == 3
    by_title = {e.title: e for e in parsed.entries}
    assert "Q&A: <Why> “Prices” Rise — Café Owners Say 'Enough'" in by_title
    for entry in parsed.entries:
        enclosure = entry.enclosures[0]
        name = enclosure.href.rsplit("/", 1)[1]
        mp3 = shelf / name
        assert enclosure.type == "audio/mpeg" and int(enclosure.length) == mp3.stat().st_size
        hours, minutes, seconds = (int(x) for x in entry.itunes_duration.split(":"))
        assert abs(hours * 3600 + minutes * 60 + seconds - MP3(mp3).info.length) <= 1
        assert entry.published_parsed is not None
        assert entry.title == ID3(mp3)["TIT2"].text[0]


def test_feed_parses_in_podcastparser_with_transcripts_and_chapters(shelf):
    feed = _feed(shelf)
    first_guids = sorted(e["guid"] for e in podcastparser.parse("http://127.0.0.1:8000/pod/feed.xml",
                                                                  feed.open("rb"))["episodes"])
    parsed = podcastparser.parse("http://127.0.0.1:8000/pod/feed.xml", _feed(shelf).open("rb"))
    assert parsed["title"] == "Morning & <Desk> “News” — Café"
    assert sorted(e["guid"] for e in parsed["episodes"]) == first_guids  # stable across runs
    for episode in parsed["episodes"]:
        enclosure = episode["enclosures"][0]
        mp3 = shelf / enclosure["url"].rsplit("/", 1)[1]
        assert enclosure["file_size"] == mp3.stat().st_size
        assert abs(episode["total_time"] - MP3(mp3).info.length) <= 1
        assert episode["published"] > 0
    # podcastparser 0.6.11 reads podcast:* only under the namespace's old GitHub URI; feedparser reads the
    # official https://podcastindex.org/namespace/1.0 one that the feed uses.
    for entry in feedparser.parse(feed.read_bytes()).entries:
        stem = entry.enclosures[0].href.rsplit("/", 1)[1].removesuffix(".mp3")
        assert entry.podcast_chapters["url"].endswith(f"/{stem}.chapters.json")
        assert entry.podcast_chapters["type"] == "application/json+chapters"
        assert (shelf / entry.podcast_transcript["url"].rsplit("/", 1)[1]).exists()
    text = feed.read_text(encoding="utf-8")
    assert 'xmlns:podcast="https://podcastindex.org/namespace/1.0"' in text
    assert "<podcast:chapters" in text and 'type="application/json+chapters"' in text
    assert 'type="text/vtt"' in text


def test_episodes_download_intact_over_http(shelf):
    """Serve the folder on 127.0.0.1 as a podcast host would and fetch every enclosure from the feed."""
    served = shelf.parent / "site"
    if served.exists():
        shutil.rmtree(served)
    shutil.copytree(shelf, served / "pod")
    with serving(served) as host:
        base = f"{host}/pod/"
        assert run_briefing("feed", str(served / "pod"), "--base-url", base, "--email", "desk@example.org"
                            ).returncode == 0
        with urllib.request.urlopen(base + "feed.xml", timeout=10) as response:
            parsed = podcastparser.parse(base + "feed.xml", response)
        assert len(parsed["episodes"]) == 3
        for episode in parsed["episodes"]:
            enclosure = episode["enclosures"][0]
            with urllib.request.urlopen(enclosure["url"], timeout=10) as response:
                body = response.read()
            local = served / "pod" / enclosure["url"].rsplit("/", 1)[1]
            assert len(body) == enclosure["file_size"]
            assert hashlib.sha256(body).digest() == hashlib.sha256(local.read_bytes()).digest()
        if shutil.which("gpo"):  # gPodder's command line client, when installed (Debian: gpodder)
            _subscribe_with_gpodder(base + "feed.xml", shelf.parent / "gpodder-home", served / "pod")


def _subscribe_with_gpodder(url: str, home: Path, published: Path) -> None:
    env = {"GPODDER_HOME": str(home), "GPODDER_DOWNLOAD_DIR": str(home / "downloads"), "PATH": "/usr/bin:/bin"}
    for command in (["subscribe", url], ["update"], ["download"]):
        subprocess.run(["gpo", *command], env=env, check=True, capture_output=True, timeout=120)
    downloaded = sorted(p for p in (home / "downloads").rglob("*.mp3"))
    assert len(downloaded) == 3
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in published.glob("*.mp3")}
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in downloaded} == originals


def test_combined_daily_briefing(corpus, tmp_path):
    result = run_briefing("make", str(corpus / "lab-leak.txt"), str(corpus / "council-vote.txt"),
                          str(corpus / "putin-syria.txt"), "--combine", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    day = datetime.date.today()
    mp3 = tmp_path / f"briefing-{day.isoformat()}.mp3"
    cues = parse_vtt(mp3.with_suffix(".vtt"))
    assert cues[0].text == f"Your briefing for {day:%A}, {day.day} {day:%B}: three stories."
    tags = ID3(mp3)
    titles = [c.sub_frames["TIT2"].text[0] for c in tags.getall("CHAP")]
    for article in ("lab-leak.txt", "council-vote.txt", "putin-syria.txt"):
        title = (corpus / article).read_text(encoding="utf-8").splitlines()[0]
        assert title in titles
        story = next(c for c in cues if c.text == title)
        previous = cues[cues.index(story) - 1]
        assert story.start - previous.end >= 1.9  # a clear pause between stories
    heard = [w for c in cues[1:] for w in words(c.text)]
    expected = [w for a in ("lab-leak.txt", "council-vote.txt", "putin-syria.txt")
                for w in words((corpus / a).read_text(encoding="utf-8"))]
    assert heard == expected


def test_custom_cover_and_bad_cover(corpus, tmp_path):
    from PIL import Image

    cover = tmp_path / "cover.jpg"
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(cover, "JPEG")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(tmp_path / "a"), "--cover", str(cover))
    assert result.returncode == 0, result.stderr.decode()
    art = ID3(tmp_path / "a" / "greve.mp3").getall("APIC")[0]
    assert art.mime == "image/jpeg" and art.data == cover.read_bytes()  # a cover that fits is kept as it is
    (tmp_path / "not-image.png").write_text("hello", encoding="utf-8")
    bad = run_briefing("make", str(corpus / "greve.txt"), "-o", str(tmp_path / "b"),
                       "--cover", str(tmp_path / "not-image.png"))
    assert bad.returncode == 2 and "not an image that can be read" in bad.stderr.decode()


def test_feed_refuses_a_folder_without_briefings(tmp_path):
    result = run_briefing("feed", str(tmp_path), "--base-url", "https://example.org/", "--email", "a@example.org")
    assert result.returncode == 2 and "holds no MP3" in result.stderr.decode()


def test_the_limiter_pulls_every_peak_under_the_ceiling_and_leaves_quiet_audio_alone():
    from briefing.loudness import SAMPLE_PEAK_CEILING_DBFS, apply_gain_and_limit

    ceiling = 32768 * 10 ** (SAMPLE_PEAK_CEILING_DBFS / 20)
    rng = np.random.default_rng(20261125)
    speechlike = (np.sin(np.arange(22050) / 7) * 9000 * (1 + rng.random(22050))).astype("<i2")
    for length in (0, 1, 87, 88, 1000, 22050):
        pcm = speechlike[:length].tobytes()
        limited = np.frombuffer(apply_gain_and_limit(pcm, 3.0, 22050), dtype="<i2").astype(float)
        assert len(limited) == length
        if length:
            assert np.abs(limited).max() <= ceiling + 1
        quiet = np.frombuffer(apply_gain_and_limit(pcm, 0.5, 22050), dtype="<i2")
        assert np.array_equal(quiet, np.round(speechlike[:length] * np.float32(0.5)).astype("<i2"))
    # smooth: the gain never jumps between neighbouring samples
    loud = np.frombuffer(apply_gain_and_limit(speechlike.tobytes(), 3.0, 22050), dtype="<i2").astype(float)
    gain = loud[np.abs(speechlike) > 2000] / (3.0 * speechlike[np.abs(speechlike) > 2000])
    assert gain.min() > 0.2 and np.abs(np.diff(gain)).max() < 0.05
