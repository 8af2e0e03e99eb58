"""Attribution rules by phase (lead-in, after the quote, continuation), each on sentences written for these tests.

The rules are checked before the learned ranker weighs in (`rule_speakers_of`), and through the whole segmenter
(`speakers_of`) where the listener's result is what matters."""

from __future__ import annotations

import pytest
from helpers import rule_quotes_of, rule_speakers_of

from briefing.lang import available, vocabulary

LEAD_IN = {
    "a long appositive between the name and the verb": (
        "Title\n\nMost voters stayed home. Lena Ostrova, a veteran media consultant who earlier in the season had "
        "tried unsuccessfully to organize an anti-levy campaign, said, \"It is over now.\"\n",
        ["Lena Ostrova"]),
    "a later clause joined on by 'and': its pronoun speaks": (
        "Title\n\nTom Vale met Ann Lee on Friday. His faith is important to him, and he said he often thinks of "
        "what his parents told him: \"Be kind.\"\n", ["Tom Vale"]),
}


@pytest.mark.parametrize("text, expected", LEAD_IN.values(), ids=LEAD_IN.keys())
def test_lead_in(text: str, expected: list[str | None]) -> None:
    assert rule_speakers_of(text) == expected


def test_a_pronoun_subject_before_an_ing_verb_speaks() -> None:
    """"she released a statement saying": the pronoun is the lead-in's subject (not just the person named last)."""
    text = ("Title\n\nMs. Lena Ostrova ran the office. Mr. Pim Arkel was away that week. At the time, she released a "
            "statement saying, \"We are proud.\"\n")
    (speaker, cue), = rule_quotes_of(text)
    assert speaker == "Lena Ostrova" and cue.startswith("pronoun")


AFTER_QUOTE = {
    "narration ending in a colon leads into the next quote": (
        'Title\n\n"The plan is ready," Ms. Ada Vorn said.\n\n"We are not leaving." Mr. Teo Brask replied: '
        '"You will."\n', ["Ada Vorn", "Ada Vorn", "Teo Brask"]),
    "a sentence running into the next quote is its lead-in": (
        'Title\n\n"The plan is ready," Ms. Ada Vorn said.\n\n"We are not leaving." Posters of Teo Brask then '
        'appeared on walls that said "We stay."\n', ["Ada Vorn", "Ada Vorn"]),
    "a speech verb inside a relative clause attributes nothing": (
        'Title\n\nMs. Ada Vorn spoke at the rally.\n\n"I back a higher wage." She met workers in Kelby and Mr. '
        'Teo Brask who demanded $15 an hour.\n', ["Ada Vorn"]),
    "said a role, then its name between commas: the name": (
        'Title\n\n"It may have been his first try," said his best friend at Kelby College, Teo Brask, who remembered '
        'it well.\n', ["Teo Brask"]),
    "said a role with no name: the role": ('Title\n\n"It is late," said a lawyer for the city, adding nothing.\n',
                                          ["lawyer"]),
    "French: the subject pronoun after its verb, joined by hyphens": (
        "Titre\n\nLe maire, M. Paul Vorn, a présenté le plan lundi avec la ministre Claire Dorne.\n\n"
        "« Nous allons reconstruire le pont », dit-il.\n\n« Ce n'est pas assez », a-t-elle ajouté.\n\n"
        "« Nous verrons », ajoute-t-il.\n", ["Paul Vorn", "Claire Dorne", "Paul Vorn"]),
    "a long appositive between the name and the verb after the quote": (
        'Title\n\nMr. Teo Brask opened the meeting.\n\n"It is over now," Lena Ostrova, a veteran media consultant who '
        'earlier in the season had tried unsuccessfully to organize an anti-levy campaign of her own, said.\n',
        ["Lena Ostrova"]),
    "a comma after the quote still hands it to the speaker after it": (
        'Title\n\n"We are not leaving," Mr. Teo Brask replied, "and neither are you."\n', ["Teo Brask", "Teo Brask"]),
}


@pytest.mark.parametrize("text, expected", AFTER_QUOTE.values(), ids=AFTER_QUOTE.keys())
def test_after_quote(text: str, expected: list[str | None]) -> None:
    assert rule_speakers_of(text)[: len(expected)] == expected


@pytest.mark.parametrize("language", available())
def test_word_rows_read_against_lower_case_words_are_lower_case(language: str) -> None:
    """The articles, place prepositions and relative words are matched against a lower-cased word of the text, so
    each language file must write them in lower case, one word each."""
    words = vocabulary((language,))
    for row in (words.articles, words.place_prepositions, words.relatives):
        assert all(word == word.lower() and " " not in word for word in row), (language, row)
    assert words.place_prepositions and words.relatives, f"{language}.toml lacks a row"


LABELLED = {
    "a transcript label in capitals names a known person": (
        'Title\n\nMs. Ada Vorn spoke first with Mr. Teo Dorne.\n\n"DORNE: Did you lie to them?"\n', ["Teo Dorne"]),
    "a full name as the label": ('Title\n\nMs. Ada Vorn spoke first.\n\n"Teo Dorne: We stay where we are."\n',
                                 ["Teo Dorne"]),
    "a word the article writes in lower case is no label": (
        'Title\n\nMs. Ada Vorn spoke first. A note was left on the desk.\n\n"Note: this is not true."\n',
        ["Ada Vorn"]),
    "a lone place name is no label": (
        'Title\n\nMs. Ada Vorn spoke in Kelby on Friday.\n\n"Kelby: a town that waits."\n', ["Ada Vorn"]),
    "the attribution next to the quote beats a label inside it": (
        'Title\n\nMr. Teo Dorne spoke first.\n\n"Vorn: that is all I heard," Ms. Ada Vorn said.\n', ["Ada Vorn"]),
}


@pytest.mark.parametrize("text, expected", LABELLED.values(), ids=LABELLED.keys())
def test_speaker_label(text: str, expected: list[str | None]) -> None:
    assert rule_speakers_of(text) == expected
