"""Small text rules, case by case: how a long text is cut for the speech engine, which quote marks open and
close a quote, and which lines are headlines."""

from __future__ import annotations

import pytest

from briefing.engines.pyttsx3_engine import split_for_engine
from briefing.segment import find_quotes, is_headline

# -- split_for_engine -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "limit", "pieces"), [
    ("Hello world.", 1000, ["Hello world."]),
    ("", 1000, [""]),
    ("  a \n b\u00a0c\t ", 1000, ["a b c"]),  # newlines and no-break spaces become plain spaces
    ("exactly ten", 11, ["exactly ten"]),  # as long as the limit: one piece
    ("One two. Three four five six seven.", 20, ["One two.", "Three four five six", "seven."]),
    ("Go now! Then stop.", 10, ["Go now!", "Then stop."]),
    ("Why not? Because.", 10, ["Why not?", "Because."]),
    ("First part; second.", 12, ["First part;", "second."]),
    ("Hi. this goes on and on without end", 20, ["Hi. this goes on and", "on without end"]),  # "Hi." is too early
    ("abcdefghijabcdefghijabcdefghij", 10, ["abcdefghij", "abcdefghij", "abcdefghij"]),  # no space: cut anywhere
    ("abcdefghijklm nop", 10, ["abcdefghij", "klm nop"]),
    ("Dr. Watson arrived. He sat.", 22, ["Dr. Watson arrived.", "He sat."]),
    ("a. b. c. d. e. f.", 6, ["a. b.", "c. d.", "e. f."]),
])
def test_split_for_engine(text, limit, pieces):
    assert split_for_engine(text, limit) == pieces


@pytest.mark.parametrize("limit", [5, 13, 40, 1000])
def test_split_for_engine_keeps_every_character_and_the_limit(limit):
    text = ("The council met on Monday.  It voted 7–2;\nthe plan passes!  Residents asked why? "
            "Anotherverylongwordthatgoesonandonwithoutanyspace at all. ") * 5
    pieces = split_for_engine(text, limit)
    assert all(0 < len(piece) <= limit and piece == piece.strip() for piece in pieces)
    assert "".join(pieces).replace(" ", "") == "".join(text.split())  # every character, in order


def test_split_for_engine_uses_1000_characters_by_default_and_cuts_after_the_last_sentence_that_fits():
    sentence = "A" * 48 + "."  # 49 characters, 50 with the space after it
    pieces = split_for_engine(" ".join([sentence] * 40))
    assert pieces == [" ".join([sentence] * 20)] * 2  # 20 sentences make 999 characters


# -- find_quotes ---------------------------------------------------------------------------------------------------


def quotes(text: str) -> list[tuple[str, bool, bool]]:
    """Each quote found as (its words, closed by a mark?, a partial quote inside a sentence?)."""
    return [(text[q.start : q.end], q.close_at is not None, q.partial) for q in find_quotes(text)]


CLOSED, UNCLOSED, PARTIAL = (True, False), (False, False), (True, True)


@pytest.mark.parametrize(("text", "found"), [
    ("No quotes here.", []),
    ("“Hello,” she said.", [("Hello,", *CLOSED)]),
    ('"Yes," he said.', [("Yes,", *CLOSED)]),
    ("‘We are ready,’ she said.", [("We are ready,", *CLOSED)]),
    ("‘Fine’ was all she said.", [("Fine", *CLOSED)]),
    ("« Nous sommes prêts », a déclaré le maire.", [(" Nous sommes prêts ", *CLOSED)]),  # French spacing kept
    ("«Prêts», a-t-il dit.", [("Prêts", *CLOSED)]),
    ("Er sagte: „Wir sind bereit.“", [("Wir sind bereit.", *CLOSED)]),  # German „ closes with “
    ("She wrote: “Done.” Then: “Again.”", [("Done.", *CLOSED), ("Again.", *CLOSED)]),
    ("He called it “a disaster” on Monday.", [("a disaster", *PARTIAL)]),
    ('The so-called "plan" failed.', [("plan", *PARTIAL)]),
    ("“Unclosed and never attributed", [("Unclosed and never attributed", *UNCLOSED)]),
    ("“We will win. We always do, said Jane Doe.", [("We will win. We always do,", *UNCLOSED)]),
    ("“We will win,” said Jane Doe. “Again and again", [("We will win,", *CLOSED), ("Again and again", *UNCLOSED)]),
    ("“First. “Second one.", [("First.", *UNCLOSED), ("Second one.", *UNCLOSED)]),  # the same mark opens again
    ("It’s the ’90s and rock ’n’ roll.", []),  # apostrophes, not quotes
    ("The researchers’ notes were lost.", []),
    ("‘It’s late,’ she said.", [("It’s late,", *CLOSED)]),
    ("‘The students’ books,’ he said.", [("The students’ books,", *CLOSED)]),
    ('It rained 5" overnight.', []),  # inches: a straight mark after a digit opens nothing
    ("A quote mark at the end “", []),  # nothing after it
    ("A mark “ followed by a space", []),
])
def test_find_quotes(text, found):
    assert quotes(text) == found


def test_find_quotes_gives_offsets_into_the_paragraph():
    text = "Intro. “Quoted words,” she said. Outro."
    (quote,) = find_quotes(text)
    assert (quote.open_at, quote.start, quote.end, quote.close_at) == (7, 8, 21, 21)
    assert text[quote.open_at] == "“" and text[quote.close_at] == "”"


# -- is_headline --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "headline"), [
    ("Council Approves Budget", True),
    ("85% Syrian Territory Cleared", True),
    ("Budget: what it means", True),  # a colon inside is fine
    ("Größte Wahl seit Jahren", True),
    ("Bypass Opens Monday", True),  # starts like "By", but is no byline
    ("By the river, a new park", True),  # "By" followed by no name
    (" ".join("abcdefghijklmnop"), True),  # 16 words
    (" ".join("abcdefghijklmnopq"), False),  # 17 words: a sentence, not a headline
    ("The council approved the budget.", False),  # ends like a sentence
    ("Is this a headline?", False),
    ("Stop!", False),
    ("More to come…", False),
    ("Wait,", False),
    ("Storm warning;", False),
    ("Read on:", False),
    ("“Quoted” words", False),  # quotation marks: a quote, not a headline
    ('The "plan" fails', False),
    ("« Prêts » pour demain", False),
    ("« Aucun retour en arrière »", True),  # a quote alone, with no sentence end: a quoted subheading
    ("“Wir bleiben hier”", True),
    ('Ferrant: "Nada que celebrar"', True),  # after its speaker's name and a colon
    ("“We are staying.”", False),  # a sentence: a quote
    ('"We are staying," she said', False),
    ("« Nous restons », dit-elle", False),
    ("“Not now, says the mayor. Maybe next year”", False),  # two sentences
    ("“They want to cover the whole beach with towers”", False),  # a deck: a longer quote the body repeats
    ("Line one\nLine two", False),
    ("…and more", False),  # starts mid-sentence
    ("- a list item", False),
    ("By Jane Doe", False),  # bylines are read as narration
    ("Par Marie Dupont", False),
    ("Von Hans Müller", False),
    ("Por José García", False),
])
def test_is_headline(text, headline):
    assert is_headline(text) is headline


def test_a_quote_alone_after_a_colon_is_what_the_colon_introduces():
    assert is_headline("« Aucun retour en arrière »") and not is_headline("« Aucun retour en arrière »", True)
