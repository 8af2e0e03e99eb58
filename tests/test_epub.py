"""`briefing make --epub`: an EPUB 3 book with Media Overlays, checked by Debian's epubcheck and read back
with lxml the way a DAISY reading system would: text, SMIL timings, navigation and the audio itself."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import webvtt
from helpers import run_briefing
from lxml import etree
from test_page_browser import ARTICLE, PAYLOADS, hostile_script

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")  # Debian's package; its /usr/bin/epubcheck needs binfmt
NS = {"x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL", "o": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/"}


def epubcheck_command() -> list[str]:
    if EPUBCHECK_JAR.exists() and shutil.which("java"):
        return ["java", "-jar", str(EPUBCHECK_JAR)]
    if shutil.which("epubcheck"):
        return ["epubcheck"]
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail("epubcheck must run in CI, but it is missing (apt-get install epubcheck).")
    pytest.skip("epubcheck is missing (apt-get install epubcheck)")


@pytest.fixture(scope="session")
def books(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("epub-sources")
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "hostile.script.json").write_text(json.dumps(hostile_script()), encoding="utf-8")
    out = tmp_path_factory.mktemp("epub-out")
    result = run_briefing("make", "--epub", str(folder / "harbour.txt"), str(folder / "hostile.script.json"),
                          "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out


def _part(book: Path, name: str):
    with zipfile.ZipFile(book) as archive:
        return etree.fromstring(archive.read(name))


def _seconds(clock: str) -> float:
    hours, minutes, seconds = clock.rstrip("s").split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


@pytest.mark.parametrize("name", ["harbour", "hostile"])
def test_epubcheck_passes(books, name):
    result = subprocess.run([*epubcheck_command(), str(books / f"{name}.epub")], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr


def test_the_container_starts_with_the_stored_mimetype_and_holds_the_mp3(books):
    with zipfile.ZipFile(books / "harbour.epub") as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert archive.read("mimetype") == b"application/epub+zip"
        assert archive.read("EPUB/audio.mp3") == (books / "harbour.mp3").read_bytes()


def test_every_word_is_in_the_book_in_order(books):
    text = " ".join(_part(books / "harbour.epub", "EPUB/text.xhtml").xpath("string(//x:body)", namespaces=NS).split())
    shown = iter(re.findall(r"\w+", text))
    for word in re.findall(r"\w+", ARTICLE):
        assert any(word == other for other in shown), f"{word!r} is missing or out of order"


def test_the_overlay_times_every_cue_as_the_captions_do(books):
    book = books / "harbour.epub"
    pars = _part(book, "EPUB/text.smil").findall(".//s:par", NS)
    ids = set(_part(book, "EPUB/text.xhtml").xpath("//@id"))
    times = []
    for par in pars:
        text, audio = par.find("s:text", NS), par.find("s:audio", NS)
        assert text.get("src").split("#")[1] in ids
        times.append((_seconds(audio.get("clipBegin")), _seconds(audio.get("clipEnd"))))
    assert all(begin < end for begin, end in times)
    assert all(end <= following for (_, end), (following, _) in itertools.pairwise(times))
    starts = {round(begin, 3) for begin, _ in times}
    ends = {round(end, 3) for _, end in times}
    for caption in webvtt.read(str(books / "harbour.vtt")):
        assert round(_seconds(caption.start), 3) in starts and round(_seconds(caption.end), 3) in ends
    duration = _part(book, "EPUB/package.opf").xpath("//o:meta[@property='media:duration' and not(@refines)]",
                                                     namespaces=NS)[0].text
    assert times[-1][1] <= _seconds(duration)


def test_the_navigation_lists_the_title_and_every_chapter(books):
    chapters = json.loads((books / "harbour.chapters.json").read_text())["chapters"]
    entries = _part(books / "harbour.epub", "EPUB/nav.xhtml").xpath("//x:nav//x:a/text()", namespaces=NS)
    assert entries == [chapter["title"] for chapter in chapters]


def test_hostile_text_stays_text_in_every_part(books):
    book = books / "hostile.epub"
    text = _part(book, "EPUB/text.xhtml")
    shown = " ".join(text.xpath("string(/)").split())
    for payload in PAYLOADS.values():
        assert " ".join(payload.split()) in shown
    assert _part(book, "EPUB/package.opf").find(".//dc:title", NS).text == PAYLOADS["title"]
    assert PAYLOADS["headline"].strip() in " ".join(_part(book, "EPUB/nav.xhtml").xpath("string(//x:nav)",
                                                                                      namespaces=NS).split())
    for part in ("EPUB/text.xhtml", "EPUB/nav.xhtml"):
        root = _part(book, part)
        assert not root.xpath("//x:script | //x:img | //x:b | //x:i | //*[local-name()='svg']", namespaces=NS)
        assert not root.xpath("//@*[starts-with(name(), 'on')]")
        assert not [href for href in root.xpath("//@href") if "javascript" in href]
