"""One person, one voice: the forms of a person's name news uses resolve to one speaker, roles stay their own
speaker, and the PolNeAR gold converter names people the same way. Sentences written for these tests."""

from __future__ import annotations

import sys

import pytest
from helpers import CORPUS, ROOT

from briefing.read import parse_article
from briefing.segment import segment
from briefing.segment.people import split_name

sys.path.insert(0, str(ROOT / "benchmarks"))
from polnear_gold import canonical_names, first_part, short_forms
from segmentation import distinct_failures, load_scorer_module


def speakers_of(text: str) -> list[str | None]:
    return [s.speaker for s in segment(parse_article(text)).segments if s.kind == "quote"]


VOICES = {
    "a surname particle that is also an article": (
        "Title\n\nThe candidate Mara Le Goff spoke at length in Lisle on Monday.\n\n"
        "“We will win,” Le Goff said.\n\n“It is over,” said Olav Brekke.\n", ["Mara Le Goff", "Olav Brekke"]),
    "a lower-case particle inside the name, then alone": (
        "Title\n\n“The bridge opens in May,” said Mayor Tom de Vries.\n\n“It cost less,” de Vries said.\n",
        ["Tom de Vries", "Tom de Vries"]),
    "a first name alone after the full name": (
        "Title\n\nIlse Brandt arrived late at the hall.\n\n“I am here now,” Ilse said.\n\n"
        "“Good,” said Petra Holm.\n", ["Ilse Brandt", "Petra Holm"]),
    "a role that names someone else is its own speaker": (
        "Title\n\nSenator Oren Kessler spoke first.\n\n“We have the votes,” Kessler said.\n\n"
        "“He does not,” said a senior Kessler adviser.\n", ["Oren Kessler", "senior Kessler adviser"]),
    "a quoted phrase does not end the sentence that says who spoke": (
        "Title\n\nOn Monday, Senator Tom Vell said that it was “a grave mistake” when Senator Bo Kessler "
        "resigned.\n\n“We will be fine,” he said.\n", ["Tom Vell", "Tom Vell"]),
    "a place before a role is no person": (
        "Title\n\n“The roads are closed,” said the Harwick County governor.\n", ["Harwick County governor"]),
}


@pytest.mark.parametrize("text, speakers", VOICES.values(), ids=VOICES.keys())
def test_each_person_one_voice(text, speakers):
    assert speakers_of(text) == speakers


def test_a_title_before_a_name_is_no_surname():
    assert split_name("Harwick County Sheriff Joe Arden").name == "Joe Arden"
    assert split_name("Mr. King").name == "King"  # a title word used as a surname stays one
    assert split_name("Charlie King").name == "Charlie King"


def test_quote_marks_are_never_part_of_a_name():
    assert split_name("Vela”").name == "Vela"
    assert split_name("“Ana Vela").name == "Ana Vela"
    assert split_name("Vela’s aide").name == ""  # a possessive keeps its apostrophe: that is no name


def test_gold_names_settle_on_the_fullest_form():
    found = {0: "Lee", 1: "Ann Lee", 2: "Mr. Lee", 3: "Ann"}
    assert set(canonical_names(found).values()) == {"Ann Lee"}
    two = {0: "Lee", 1: "Ann Lee", 2: "Bo Lee"}
    canonical = canonical_names(two)
    assert canonical["Ann Lee"] == "Ann Lee" and canonical["Bo Lee"] == "Bo Lee"
    assert canonical["Lee"] in {"Ann Lee", "Bo Lee"}


def test_gold_descriptions_and_roles_have_short_forms():
    assert first_part("Ana Vela, a lawyer in Lisle,") == "Ana Vela"
    assert first_part("The cable networks — Alpha, Beta —") == "The cable networks — Alpha, Beta —"
    assert short_forms("the former top aide to the governor") >= {"former top aide to the governor",
                                                                 "former top aide"}


def test_the_breakdown_says_why_an_article_fails_distinct():
    module = load_scorer_module(CORPUS / "score.py")
    gold = {"speakers": {}, "segments": [
        {"kind": "quote", "text": "one two three", "speaker": "Ann Lee"},
        {"kind": "quote", "text": "four five six", "speaker": "Ann Lee"},
        {"kind": "quote", "text": "seven eight", "speaker": "Bo Kim"},
        {"kind": "quote", "text": "nine ten", "speaker": "Cy Dunn"}]}
    predicted = {"segments": [
        {"kind": "quote", "text": "one two three", "speaker": "Ann Lee"},
        {"kind": "quote", "text": "four five six", "speaker": "Lee"},
        {"kind": "quote", "text": "seven eight", "speaker": "Cy Dunn"},
        {"kind": "quote", "text": "nine ten", "speaker": "Cy Dunn"}]}
    reasons = dict(distinct_failures(module, gold, predicted))
    assert reasons["split (names)"] == "Ann Lee -> ann lee | lee"
    assert reasons["wrong speaker"] == "Bo Kim -> cy dunn"
    assert reasons["merged"] == "Bo Kim + Cy Dunn -> cy dunn"
