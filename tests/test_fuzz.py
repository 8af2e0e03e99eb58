"""The segmenter, fuzzed: for any text it never raises, never drops and never duplicates a word."""

from __future__ import annotations

import re

from audio import words
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from briefing.read import parse_article
from briefing.segment import segment

EXAMPLES = 4000

TOKENS = st.sampled_from([
    "said", "he", "she", "Varga", "Mayor", "Nadia Quist", "told", "Reuters", "according to", "added:",
    "“", "”", '"', "‘", "’", "«", "»", "„", "'", ",", ".", ":", "!", "?", "…", "–", "—", "(", ")",
    " ", " ", " ", "\n", "\n\n", "\n \n", "\t", "\u00a0", "it’s", "’90s", "rock ’n’ roll", "85%", "$48",
    "The", "Council", "Approves", "Plan", "vote", "3.5", "e.g.", "Dr.", "U.S.", "😀", "مرحبا", "a", "x", "_", "__",
])
ARTICLES = st.one_of(
    st.lists(TOKENS, min_size=1, max_size=80).map("".join),
    st.text(min_size=1, max_size=300),
).filter(lambda text: text.strip())


@seed(20261124)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_segments_keep_every_word_once_in_order(text):
    script = segment(parse_article(text))
    assert [w for s in script.segments for w in words(s.text)] == words(text)
    for seg in script.segments:
        assert text[seg.start : seg.end] == seg.text  # offsets point into the decoded input
        assert seg.kind in ("title", "headline", "narration", "quote")


# -- real-world nasties: separators, links, handles, digits, markup, emoji, mixed scripts ---------------

NASTY = st.sampled_from([
    "___.", "***", "* * *", "———", "―", "<tweet tweet-id=\"783491630540001280\"><tweet/>.", "<tweet/>", "<b>", "</b>",
    '<a href="https://example.org/x?a=1&b=2">', "</a>", "<br/>", "&amp;", "&#8217;", "@reader_99", "@michael63226085.",
    "#CityVote", "#1", "https://t.co/Zx81kQ", "http://www.example.com/a/b.html", "pic.twitter.com/ab12", "www.x.org",
    "desk@paper.example.org", "[3]", "[12][13]", "[citation needed]", "1,234,567", "3.5%", "$4.2 billion", "£3.50",
    "€5", "12:30 p.m.", "9 a.m.", "21st", "1998", "20231187744", "0", "No. 5", "Dr.", "Jan.", "e.g.", "😀", "👍🏽",
    "🇫🇷", "\u200d", "\ufe0f", "Москва", "東京で", "서울", "مرحبا", "Αθήνα", "नई दिल्ली", " ", " ", "\n", "\n\n", ".",
    ",", "“", "”", '"', "said", "the", "mayor", "Vote", "(", ")", "…", "–", "-", "_", "|", "%", "$", ":", "/",
])
NASTY_ARTICLES = st.one_of(
    st.lists(NASTY, min_size=1, max_size=60).map("".join),
    st.lists(st.one_of(NASTY, TOKENS), min_size=1, max_size=60).map(" ".join),
).filter(lambda text: text.strip())


@seed(20261201)
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NASTY_ARTICLES, st.sampled_from(["en", "fr", "de", "es", "ru", "ja", "zh", "el", "xx"]))
def test_nasty_text_keeps_every_word_and_the_spoken_form_never_raises(text, language):
    from briefing.speak import is_speakable, spoken_form

    script = segment(parse_article(text))
    assert [w for s in script.segments for w in words(s.text)] == words(text)
    for seg in script.segments:
        spoken = spoken_form(seg.text, language)
        assert spoken == "" or is_speakable(spoken)
        assert not re.search(r"</?[A-Za-z][^<>]*>", spoken)  # no markup reaches the ear
        assert "://" not in spoken and "[3]" not in spoken and "___" not in spoken
