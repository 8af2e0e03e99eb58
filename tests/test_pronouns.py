"""Quotes given by a pronoun ("he said", "she added"): the he or she is the person of that gender the narration
named last, and the article itself says which gender each person is. Sentences and names written for these tests."""

from __future__ import annotations

from helpers import speakers_of


def test_a_he_or_she_opening_the_next_sentence_gives_the_person_just_named_a_gender():
    # twice "Tarr ... . He ...": Tarr is a man, so the "she" after "Tarr greeted Quill" is Quill
    text = ("Title\n\nRemo Tarr runs the harbour depot. He hired ten drivers this year.\n\n"
            "Dana Quill drives the night route.\n\n"
            "Last spring Tarr bought two trucks. He paid for them in cash.\n\n"
            "Tarr greeted Quill at the gate on Monday.\n\n“We are ready for winter,” she said.\n")
    assert speakers_of(text) == ["Dana Quill"]
