"""The segmenter, fuzzed: for any text it never raises, never drops and never duplicates a word."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from briefing.read import parse_article
from briefing.segment import segment

WORD = re.compile(r"\w+")
EXAMPLES = 4000

TOKENS = st.sampled_from([
    "said", "he", "she", "Putin", "Mayor", "Elena Marsh", "told", "Reuters", "according to", "added:",
    "“", "”", '"', "‘", "’", "«", "»", "„", "'", ",", ".", ":", "!", "?", "…", "–", "—", "(", ")",
    " ", " ", " ", "\n", "\n\n", "\n \n", "\t", "\u00a0", "it’s", "’90s", "rock ’n’ roll", "85%", "$48",
    "The", "Council", "Approves", "Plan", "vote", "3.5", "e.g.", "Dr.", "U.S.", "😀", "مرحبا", "a", "x", "_", "__",
])
ARTICLES = st.one_of(
    st.lists(TOKENS, min_size=1, max_size=80).map("".join),
    st.text(min_size=1, max_size=300),
).filter(lambda text: text.strip())


def words(text: str) -> list[str]:
    return WORD.findall(text)


@seed(20261124)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_segments_keep_every_word_once_in_order(text):
    script = segment(parse_article(text))
    assert [w for s in script.segments for w in words(s.text)] == words(text)
    for seg in script.segments:
        assert text[seg.start : seg.end] == seg.text  # offsets point into the decoded input
        assert seg.kind in ("title", "headline", "narration", "quote")
