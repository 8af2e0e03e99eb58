"""Any article in: Markdown, web pages and URLs are read as articles, never their furniture."""

from __future__ import annotations

import json
import shutil
import socket
import sys
from pathlib import Path

import pytest
from audio import parse_vtt, words
from helpers import ROOT, assert_plain_error, run_briefing, serving
from mutagen.id3 import ID3

from briefing.errors import ExitStatus

sys.path.insert(0, str(ROOT / "benchmarks"))
from segmentation import evaluate

PAGES = Path(__file__).parent / "pages"
FURNITURE = ("cookie", "advertisement", "most read", "privacy", "subscribe", "rights reserved", "sponsored",
             "trending", "newsletter", "photo:", "front page", "ferry cancelled", "seal pup")


def test_markdown_and_html_score_against_their_gold(corpus):
    scores = evaluate(corpus, {"storm-update.gold.json": "storm-update.md",
                               "council-vote-html.gold.json": "council-vote.html"})
    for article, row in scores.items():
        assert row["coverage"] == 1.0, (article, row)
        assert row["extra_words"] <= 3, (article, row)
        assert row["kind_accuracy"] >= 0.95, (article, row)


def transcript(folder: Path, stem: str) -> str:
    return " ".join(cue.text for cue in parse_vtt(folder / f"{stem}.vtt"))


def test_markdown_reads_link_text_but_no_markup_urls_or_images(corpus, tmp_path):
    result = run_briefing("make", str(corpus / "storm-update.md"), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    heard = transcript(tmp_path, "storm-update")
    for never in ("http", "example.org", "![", "](", "**", "##", "> ", "Fallen trees on the coast road"):
        assert never not in heard, never
    assert "Northgrid" in heard and "Storm Dara crossed the coast" in heard
    assert "Bus routes 4, 7 and 12 are suspended. The Carrow ferry resumes at noon." in heard
    cues = parse_vtt(tmp_path / "storm-update.vtt")
    assert [c.text for c in cues if c.voice == "Headline"][1:] == ["Where the power is still out", "Schools"]
    assert any(c.voice == "education board" and c.text.startswith("Several buildings") for c in cues)


@pytest.fixture
def served(tmp_path):
    """A small web server on 127.0.0.1 serving a copy of the corpus page and our own test pages."""
    site = tmp_path / "site"
    site.mkdir()
    for page in PAGES.glob("*.html"):
        shutil.copy(page, site)
    (site / "plain.txt").write_text("Just text, not a page.", encoding="utf-8")
    (site / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with serving(site) as base:
        yield site, base


def test_make_from_a_url_reads_the_article_and_tags_its_metadata(corpus, served, tmp_path):
    site, base = served
    shutil.copy(corpus / "council-vote.html", site)
    out = tmp_path / "out"
    result = run_briefing("make", f"{base}/council-vote.html", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    heard = transcript(out, "council-vote")
    assert not [f for f in FURNITURE if f in heard.lower()]
    gold = json.loads((corpus / "council-vote-html.gold.json").read_text(encoding="utf-8"))
    required = [w for seg in gold["segments"] if not seg.get("optional") for w in words(seg["text"])]
    assert words(heard) == required  # every word of the article, in order, and nothing else
    tags = ID3(out / "council-vote.mp3")
    assert tags["TPE1"].text == ["Dana Whitfield"]
    assert str(tags["TDRC"].text[0]) == "2026-03-04"


def test_another_page_layout_is_read_without_its_furniture(served, tmp_path):
    _, base = served
    result = run_briefing("make", f"{base}/harbor-ferry.html", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    cues = parse_vtt(tmp_path / "harbor-ferry.vtt")
    heard = " ".join(c.text for c in cues)
    assert not [f for f in FURNITURE if f in heard.lower()], heard
    assert cues[0].text == "Ferry Service Returns After Three-Week Gap"
    assert "Repairs Cost More Than Planned" in [c.text for c in cues if c.voice == "Headline"]
    assert {c.voice for c in cues if c.text.startswith(("People have", "Today they"))} == {"Joan Pike"}
    tags = ID3(tmp_path / "harbor-ferry.mp3")
    assert tags["TPE1"].text == ["Ravi Menon"] and tags["TPUB"].text == ["Coastline Daily"]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(("path", "message"), [
    ("/missing.html", "answered 404"),
    ("/plain.txt", "is not a web page"),
    ("/empty.html", "no article text"),
    ("/", "no article text"),  # the server's listing of its files: links, not an article
])
def test_bad_urls_get_a_plain_error(served, tmp_path, path, message):
    _, base = served
    result = run_briefing("make", base + path, "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, message)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_pdf_at_an_address_is_read_by_its_bytes(served):
    from test_read_documents import TITLE, body_words, two_column_pdf

    site, base = served
    (site / "pier").write_bytes(two_column_pdf())  # no suffix: the server calls it octet-stream
    result = run_briefing("script", f"{base}/pier")
    assert result.returncode == 0, result.stderr.decode()
    script = json.loads(result.stdout)
    assert script["title"] == TITLE
    assert words(" ".join(s["text"] for s in script["segments"])) == body_words()


def test_unreachable_url_is_a_plain_error(tmp_path):
    result = run_briefing("make", f"http://127.0.0.1:{_closed_port()}/a.html", "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "Could not fetch")


def test_a_folder_takes_text_markdown_and_html(corpus, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("greve.txt", "storm-update.md", "council-vote.html"):
        shutil.copy(corpus / name, folder)
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")  # not a format briefing reads: left alone
    result = run_briefing("make", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").glob("*.mp3")) == \
        ["council-vote.mp3", "greve.mp3", "storm-update.mp3"]
