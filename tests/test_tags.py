"""The MP3's tags as players read them: ID3v2.3, chapter frames in time order in the file (as FFmpeg lists
them), a table of contents at any chapter count, the source address, and file names fit for a feed."""

from __future__ import annotations

import datetime
import functools
import hashlib
import http.server
import io
import threading
from pathlib import Path

import pytest
from helpers import run_briefing
from lxml import etree
from mutagen.id3 import ID3, CTOCFlags
from PIL import Image

# Headlines from long to short: mutagen's own order (by frame size) would put the last one first.
SHRINKING = ("Harbour Works\n\nThe harbour opened its new quay on Monday, the port authority said.\n\n"
             "{}\n\nThe new quay takes ships of up to three hundred metres, the authority said.\n\n"
             "Costs and Timetable\n\nThe works cost more than planned and took two years longer.\n\n"
             "Next\n\nA second quay is planned for the spring.\n")
LONG_HEADLINE = "What the Longest of All the Headlines in This Article Says About the Harbour"


def chapters_in_file_order(mp3: Path) -> list[tuple[str, int]]:
    """(element id, start ms) of each CHAP frame in the order the frames sit in the file, read the way
    FFmpeg's ID3v2 reader (ffprobe -show_chapters) walks them: frame by frame from the tag's start."""
    data = mp3.read_bytes()
    assert data[:3] == b"ID3"
    size = sum((byte & 0x7F) << (7 * (3 - index)) for index, byte in enumerate(data[6:10]))
    position, end, found = 10, 10 + size, []
    while position + 10 <= end and data[position:position + 4] != b"\0\0\0\0":
        frame_id = data[position:position + 4]
        frame_size = int.from_bytes(data[position + 4:position + 8], "big")  # v2.3: a plain 32-bit size
        body = data[position + 10:position + 10 + frame_size]
        if frame_id == b"CHAP":
            element_id, rest = body.split(b"\0", 1)
            found.append((element_id.decode("latin-1"), int.from_bytes(rest[:4], "big")))
        position += 10 + frame_size
    return found


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    folder = tmp_path_factory.mktemp("harbour")
    article = folder / "Harbour Café – Notes.txt"
    article.write_text(SHRINKING.format(LONG_HEADLINE), encoding="utf-8")
    result = run_briefing("make", str(article), "-o", str(folder / "out"))
    assert result.returncode == 0, result.stderr.decode()
    return folder / "out"


def test_tags_are_id3v23_and_chapters_sit_in_time_order(harbour):
    mp3 = harbour / "Harbour-Cafe-Notes.mp3"  # plain ASCII, fit for a feed address
    assert mp3.read_bytes()[3] == 3  # ID3v2.3
    in_file = chapters_in_file_order(mp3)
    starts = [start for _, start in in_file]
    assert len(in_file) == 4 and starts == sorted(starts) and len(set(starts)) == 4
    tags = ID3(mp3)
    titles = {c.element_id: c.sub_frames["TIT2"].text[0] for c in tags.getall("CHAP")}
    assert [titles[element_id] for element_id, _ in in_file] == \
        ["Harbour Works", LONG_HEADLINE, "Costs and Timetable", "Next"]
    assert tags.getall("CTOC")[0].child_element_ids == [element_id for element_id, _ in in_file]
    assert str(tags["TDRC"].text[0]) == datetime.date.today().isoformat()  # the date survives v2.3
    assert tags["TIT2"].text == ["Harbour Works"] and tags["TLAN"].text == ["eng"]


def test_three_hundred_headlines_make_a_nested_table_of_contents(tmp_path):
    lines = ["Three Hundred Notes", ""]
    for number in range(1, 301):
        lines += [f"Note {number} from the Harbour", "", f"Ship {number} came in on time, the port said.", ""]
    article = tmp_path / "notes.txt"
    article.write_text("\n".join(lines), encoding="utf-8")
    result = run_briefing("make", str(article), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    mp3 = tmp_path / "out" / "notes.mp3"
    in_file = chapters_in_file_order(mp3)
    assert len(in_file) == 301
    assert [start for _, start in in_file] == sorted(start for _, start in in_file)
    tags = ID3(mp3)
    tables = {toc.element_id: toc for toc in tags.getall("CTOC")}
    top = [toc for toc in tables.values() if toc.flags & CTOCFlags.TOP_LEVEL]
    assert len(top) == 1
    children = [tables[child] for child in top[0].child_element_ids]
    assert all(len(toc.child_element_ids) <= 255 and toc.flags & CTOCFlags.ORDERED for toc in tables.values())
    assert [element for toc in children for element in toc.child_element_ids] == [e for e, _ in in_file]


def test_a_second_combined_episode_the_same_day_gets_its_own_name(corpus, tmp_path):
    out = tmp_path / "out"
    day = datetime.date.today().isoformat()
    first = run_briefing("make", str(corpus / "greve.txt"), str(corpus / "lab-leak.txt"), "--combine", "-o",
                         str(out))
    assert first.returncode == 0, first.stderr.decode()
    morning = out / f"briefing-{day}.mp3"
    kept = hashlib.sha256(morning.read_bytes()).digest()
    second = run_briefing("make", str(corpus / "council-vote.txt"), str(corpus / "greve.txt"), "--combine",
                          "-o", str(out))
    assert second.returncode == 0, second.stderr.decode()
    evening = out / f"briefing-{day}-2.mp3"
    assert str(evening) in second.stdout.decode() and evening.with_suffix(".vtt").exists()
    assert hashlib.sha256(morning.read_bytes()).digest() == kept  # the first episode is untouched
    again = run_briefing("make", str(corpus / "lab-leak.txt"), str(corpus / "greve.txt"), "--combine", "-o",
                         str(out))
    assert again.returncode == 0 and str(morning) in again.stdout.decode()  # same articles: made again in place
    assert {p.name for p in out.glob("*.mp3")} == {morning.name, evening.name}


def test_an_article_read_from_the_web_links_its_episode_to_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Bridge Reopens</title></head><body><article>"
        "<h1>Bridge Reopens</h1><p>The old bridge reopened on Monday after two years of repairs, the "
        "city said.</p><p>Traffic is expected to return to normal within a week, officials said.</p>"
        "</article></body></html>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
    try:
        result = run_briefing("make", url, "-o", str(tmp_path / "out"))
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr.decode()
    assert ID3(tmp_path / "out" / "story.mp3").getall("WOAS")[0].url == url
    fed = run_briefing("feed", str(tmp_path / "out"), "--base-url", "https://example.org/p/", "--email",
                       "desk@example.org")
    assert fed.returncode == 0, fed.stderr.decode()
    item = etree.parse(str(tmp_path / "out" / "feed.xml")).getroot().find("channel/item")
    assert item.findtext("link") == url


def test_make_embeds_a_converted_cover(corpus, tmp_path):
    wide = tmp_path / "wide.jpg"
    Image.new("RGB", (600, 400), (30, 90, 200)).save(wide, "JPEG")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(tmp_path / "out"), "--cover", str(wide))
    assert result.returncode == 0, result.stderr.decode()
    art = ID3(tmp_path / "out" / "greve.mp3").getall("APIC")[0]
    with Image.open(io.BytesIO(art.data)) as image:
        assert art.mime == "image/jpeg" and image.size == (1400, 1400) and image.mode == "RGB"
