"""Attribution rules by phase (lead-in, after the quote, continuation), each on sentences written for these tests.

The rules are checked before the learned ranker weighs in (`rule_speakers_of`), and through the whole segmenter
(`speakers_of`) where the listener's result is what matters."""

from __future__ import annotations

import pytest

from briefing.read import parse_article
from briefing.segment import segment
from briefing.segment.attribution import attribute
from briefing.segment.ranker import Ranker


def speakers_of(text: str) -> list[str | None]:
    return [s.speaker for s in segment(parse_article(text)).segments if s.kind == "quote"]


def rule_speakers_of(text: str) -> list[str | None]:
    """The speakers the rules give, before the learned ranker weighs in."""
    article = parse_article(text)
    attributed, _ = attribute(list(segment(article).segments), article.text, ranker=Ranker({}, overrides=set()))
    return [s.speaker for s in attributed if s.kind == "quote"]


LEAD_IN = {
    "a long appositive between the name and the verb": (
        "Title\n\nMost voters stayed home. Lena Ostrova, a veteran media consultant who earlier in the season had "
        "tried unsuccessfully to organize an anti-levy campaign, said, \"It is over now.\"\n",
        ["Lena Ostrova"]),
    "a later clause joined on by 'and': its pronoun speaks": (
        "Title\n\nTom Vale met Ann Lee on Friday. His faith is important to him, and he said he often thinks of "
        "what his parents told him: \"Be kind.\"\n", ["Tom Vale"]),
    "a pronoun subject before an -ing verb": (
        "Title\n\nLena Ostrova ran the office. At the time, she released a statement saying, \"We are proud.\"\n",
        ["Lena Ostrova"]),
}


@pytest.mark.parametrize("text, expected", LEAD_IN.values(), ids=LEAD_IN.keys())
def test_lead_in(text: str, expected: list[str | None]) -> None:
    assert rule_speakers_of(text) == expected
