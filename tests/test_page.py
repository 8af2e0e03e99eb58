"""The read-along page and its timing, without a browser: sentences, their times, and hostile text that
must stay text. (The browser tests are in test_page_browser.py.)"""

from __future__ import annotations

import pytest
from lxml import html

from briefing.export.page import PageFiles, page_document
from briefing.export.readalong import ReadAlongInfo, cue_for, paragraphs, sentence_times, split_sentences
from briefing.model import Segment

HOSTILE = {
    "title": '</title><script>window.pwned="title"</script> Budget & "Friends"',
    "headline": '"><svg onload="window.pwned=\'headline\'"> Money <b>news</b>',
    "narration": "<img src=x onerror=\"window.pwned='img'\"> Read <a href=\"javascript:window.pwned='a'\">this</a>.",
    "speaker": '<script>window.pwned="speaker"</script>Mallory',
    "quote": 'I said </p></span></q><script>window.pwned="quote"</script> and left.',
}


@pytest.mark.parametrize(("text", "expected"), [
    ("One. Two! Three? Four", ["One. ", "Two! ", "Three? ", "Four"]),
    ("Dr. Osei came. She spoke.", ["Dr. Osei came. ", "She spoke."]),
    ("J. R. Smith left. Then rain.", ["J. R. Smith left. ", "Then rain."]),
    ("Mrs. Lund and Mr. Berg met at 9. The end.", ["Mrs. Lund and Mr. Berg met at 9. ", "The end."]),
    ("It costs 3.5 million. 2024 was worse.", ["It costs 3.5 million. ", "2024 was worse."]),
    ("“Go.” He went. (Really.) Yes", ["“Go.” ", "He went. ", "(Really.) ", "Yes"]),
    ("e.g. this one. and lower case goes on", ["e.g. this one. and lower case goes on"]),
    ("Il est parti. Élise est restée.", ["Il est parti. ", "Élise est restée."]),
    ("No full stop at all", ["No full stop at all"]),
    ("Former Gov. Jerry Brown spoke on Nov. 8 in the U.S. Senate. It rained.",
     ["Former Gov. Jerry Brown spoke on Nov. 8 in the U.S. Senate. ", "It rained."]),
    ("", [""]),
])
def test_sentences_split_where_a_new_sentence_starts(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("M. Macron est venu. Il a parlé.", "fr", ["M. Macron est venu. ", "Il a parlé."]),
    ("Seit Okt. 2024 lehrt Prof. Weber. Er sprach.", "de", ["Seit Okt. 2024 lehrt Prof. Weber. ", "Er sprach."]),
    ("La Sra. Gómez llegó. Habló.", "es", ["La Sra. Gómez llegó. ", "Habló."]),
    ("Gov. Brown left.", "xx", ["Gov. ", "Brown left."]),  # no list for the language: only the general rules
])
def test_each_language_has_its_own_abbreviations(text, language, expected):
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize("text", ["A. B. C.", "Wait... What? Now!  Then.\n\nNext.", "   ", "x.Y. Z"])
def test_sentences_join_back_to_the_text(text):
    assert "".join(split_sentences(text)) == text


def test_sentence_times_touch_and_fill_the_cue():
    times = sentence_times(["Short. ", "A much longer second sentence here."], 1000, 4000)
    assert times[0][0] == 1000 and times[-1][1] == 4000
    assert times[0][1] == times[1][0]
    assert times[0][1] - times[0][0] < times[1][1] - times[1][0]


def test_a_cue_of_one_sentence_keeps_the_cue_times():
    cue = cue_for(Segment("narration", "Just one sentence.", 0, 18, 1), 500, 2500)
    assert [(s.text, s.start_ms, s.end_ms) for s in cue.sentences] == [("Just one sentence.", 500, 2500)]


def test_headlines_are_never_split():
    cue = cue_for(Segment("headline", "Mr. Big Returns. Again", 0, 22, 1), 0, 1000)
    assert len(cue.sentences) == 1


def test_paragraphs_group_consecutive_cues():
    segments = [Segment("narration", "a", 0, 1, 1), Segment("quote", "b", 2, 3, 1, speaker="X"),
                Segment("headline", "c", 4, 5, 2), Segment("narration", "d", 6, 7, 3)]
    groups = paragraphs([cue_for(seg, 0, 10) for seg in segments])
    assert [[cue.segment.text for cue in group] for group in groups] == [["a", "b"], ["c"], ["d"]]


def test_headings_stand_alone_even_when_numbered_with_the_text():
    segments = [Segment("headline", "Head", 0, 4, 1), Segment("narration", "Text.", 5, 10, 1)]
    groups = paragraphs([cue_for(seg, 0, 10) for seg in segments])
    assert [[cue.segment.kind for cue in group] for group in groups] == [["headline"], ["narration"]]


def _hostile_page(source: str = "javascript:window.pwned='source'") -> html.HtmlElement:
    segments = [Segment("title", HOSTILE["title"], 0, 1, 0), Segment("narration", HOSTILE["narration"], 0, 1, 1),
                Segment("headline", HOSTILE["headline"], 0, 1, 2),
                Segment("quote", HOSTILE["quote"], 0, 1, 3, speaker=HOSTILE["speaker"]),
                Segment("narration", "Control\x00 characters\x1b vanish.", 0, 1, 4)]
    cue_list = [cue_for(seg, 1000 * n, 1000 * n + 900) for n, seg in enumerate(segments)]
    info = ReadAlongInfo(HOSTILE["title"], 'en"><script>x</script>', source=source, author="<b>Eve</b>",
                    published="2026-01-02", duration_ms=5000)
    document = page_document(cue_list, info, PageFiles("a.mp3", "a.vtt"), "WEBVTT\n\n1\n00:00:00.000 --> "
                             "00:00:01.000\n<v Narrator>x\n")
    return html.document_fromstring(document)


def test_hostile_text_is_shown_as_text():
    root = _hostile_page()
    text = " ".join(root.text_content().split())
    for value in HOSTILE.values():
        assert " ".join(value.split()) in text
    assert root.findtext(".//title") == HOSTILE["title"]
    assert "<b>Eve</b>" in text
    assert "Control characters vanish." in text


def test_hostile_text_adds_no_element_no_handler_and_no_script_link():
    root = _hostile_page()
    assert len(root.findall(".//script")) == 1  # the page's own
    assert not root.findall(".//img") and not root.findall(".//svg") and not root.findall(".//b")
    for element in root.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")]
        for name in ("href", "src"):
            assert not element.get(name, "").lower().lstrip().startswith("javascript:")
    assert root.get("lang") == 'en"><script>x</script>'


def test_only_web_addresses_become_source_links():
    assert not [a for a in _hostile_page().iter("a") if "pwned" in a.get("href", "")]
    links = [a.get("href") for a in _hostile_page("https://example.org/story?a=1&b=2").iter("a")]
    assert "https://example.org/story?a=1&b=2" in links
    local = _hostile_page("/home/someone/articles/story.txt")
    assert "/home/someone" not in local.text_content() and "story.txt" in local.text_content()


def test_file_names_become_safe_relative_urls():
    cue_list = [cue_for(Segment("headline", "Head", 0, 4, 1), 0, 500)]
    files = PageFiles.for_stem("week #3? a&b", epub=True)
    root = html.document_fromstring(page_document(cue_list, ReadAlongInfo("T", "en"), files, "WEBVTT\n"))
    assert root.get_element_by_id("audio").get("src") == "week%20%233%3F%20a%26b.mp3"
    assert root.find(".//a[@class='chapter s']").get("href") == "week%20%233%3F%20a%26b.mp3#t=0.000"
    assert "week%20%233%3F%20a%26b.epub" in [a.get("href") for a in root.iter("a")]
