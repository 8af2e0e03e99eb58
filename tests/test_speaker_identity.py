"""One person, one voice; different people, different voices: how news names a person again (title and surname, a
first surname, the role it gave them) and how it keeps relatives apart. Sentences and names written for these
tests."""

from __future__ import annotations

import pytest
from helpers import speakers_of

from briefing.segment.article_words import ArticleWords
from briefing.segment.names import role_phrases, split_name
from briefing.segment.people import People

SAME_PERSON = {
    "a title the article gave before the full name": (
        "Title\n\n“We will not yield,” Prime Minister Ola Brekke said.\n\n“Never,” the prime minister said.\n\n"
        "“Not once,” Brekke said.\n", ["Ola Brekke"] * 3),
    "a role the article put before the name, between commas": (
        "Title\n\nThe ministry’s spokesman, Tom Reyes, spoke on Monday.\n\n“The talks went well,” the spokesman "
        "said.\n\n“We expect a deal,” Reyes said.\n", ["Tom Reyes"] * 2),
    "a role noun before the name, lower case": (
        "Title\n\n“Prices will rise,” columnist Wim Tarrow wrote in the Harbour Ledger.\n\n"
        "“Nobody will be spared,” the columnist added.\n", ["Wim Tarrow"] * 2),
    "a role repeated by its head noun": (
        "Title\n\n“We will not comment,” a Harbour Mills executive said.\n\n“The case is closed,” the executive "
        "said.\n", ["Harbour Mills executive"] * 2),
    "a role written only right before the name, whatever cut the speaker's phrase": (
        "Title\n\nHis best friend at college, Ned Arlow, remembered him well.\n\n“He was kind,” said his best "
        "friend at college, Ned Arlow.\n\n“Always,” Arlow said.\n", ["Ned Arlow"] * 2),
    "an abbreviated title, then the role in full": (
        "Title\n\nSen. Mara Quist spoke on the floor on Monday.\n\n“We have the votes,” the senator said.\n",
        ["Mara Quist"]),
    "a titled name after a place, then an appositive that names someone else": (
        "Title\n\nNew Hampshire Gov. Chris Tanner (R), a staunch Dana Quill ally, defended her, saying, “Most of "
        "the speech is new.”\n", ["Chris Tanner"]),
    "a role in German, its noun capitalised, named after what it is of": (
        "Titel\n\nDer Sprecher des Ministeriums, Jan Albers, sprach am Montag.\n\n„Die Gespräche laufen gut“, "
        "sagte der Sprecher.\n\n„Wir erwarten eine Einigung“, sagte Albers.\n", ["Jan Albers"] * 2),
    "a role in French, named after what it is of": (
        "Titre\n\nLe porte-parole du ministère, Jean Morvan, a parlé lundi.\n\n« Les discussions avancent », a "
        "déclaré le porte-parole.\n\n« Nous attendons un accord », a dit Morvan.\n", ["Jean Morvan"] * 2),
    "a surname alone, whose full name only stands in the narration": (
        "Title\n\nOn Monday the council passed Ivo Marrin’s plan for the harbour.\n\n“It was the right call,” "
        "Marrin said.\n", ["Ivo Marrin"]),
    "a nickname the article put between first name and surname": (
        "Title\n\nThe coach, Robert (Bobby) Lund, spoke on Monday.\n\n“We play to win,” said Robert Lund.\n\n"
        "“Always,” Bobby Lund added.\n", ["Robert Lund"] * 2),
    "a role quoted first, then named with the definite article": (
        "Title\n\n“The plant will close,” a company spokeswoman said on Monday.\n\nThe spokeswoman, Ada Kern, said "
        "later: “We have no choice.”\n", ["Ada Kern"] * 2),
    "a first surname alone, after the full name with two surnames": (
        "Title\n\nThe minister, Lucía Ortiz Ferrer, spoke on Monday.\n\n“We will cut taxes,” Ortiz said.\n\n"
        "“Soon,” said Lucía Ortiz Ferrer.\n", ["Lucía Ortiz Ferrer"] * 2),
}


@pytest.mark.parametrize("text, speakers", SAME_PERSON.values(), ids=SAME_PERSON.keys())
def test_forms_of_one_persons_name_are_one_speaker(text, speakers):
    assert speakers_of(text) == speakers


DIFFERENT_PEOPLE = {
    "Mr. and Mrs. with one surname": (
        "Title\n\nTom Vell and his wife, Anna Vell, run the bakery on Main Street.\n\n“We bake at four,” Mr. Vell "
        "said.\n\n“I do the books,” Mrs. Vell said.\n\n“It is hard work,” Mr. Vell added.\n",
        ["Tom Vell", "Anna Vell", "Tom Vell"]),
    "M. and Mme in French, quoted before their full names are read": (
        "Titre\n\nPaul Garnier et sa femme, Lucie Garnier, tiennent la boulangerie.\n\n« Nous ouvrons à six "
        "heures », a dit M. Garnier.\n\n« Je fais les comptes », a dit Mme Garnier.\n",
        ["Paul Garnier", "Lucie Garnier"]),
    "Herr and Frau in German": (
        "Titel\n\nKlaus Weber und seine Frau Anke Weber führen die Bäckerei.\n\n„Wir backen um vier“, sagte Herr "
        "Weber.\n\n„Ich mache die Bücher“, sagte Frau Weber.\n", ["Klaus Weber", "Anke Weber"]),
    "an unnamed role is not the named person who holds a role of that name": (
        "Title\n\nHis friend Oskar Lindqvist spoke at the vigil.\n\n“He was kind,” Lindqvist said.\n\n"
        "“We will miss him,” a friend said.\n", ["Oskar Lindqvist", "friend"]),
    "someone else's friend is not the friend the article named": (
        "Title\n\n“He was brave,” his friend Oskar Lindqvist said.\n\nIda Marr, 30, was a nurse.\n\n"
        "“She loved her work,” her friend said.\n", ["Oskar Lindqvist", "friend"]),
    "a role the article names only after the quote is not that later person": (
        "Title\n\n“It was quiet,” the guard said.\n\nLater the night guard, Ivo Marrin, arrived.\n",
        ["guard"]),
    "a role the article last gave a name paragraphs before is someone named since": (
        "Title\n\nSen. Ivo Marr spoke first.\n\nThe vote was close.\n\nThe hall was full.\n\n"
        "Tom Vell arrived late, and Vell defends his plan in a new video: “We can win,” the senator says.\n",
        ["senator"]),
    "a role quoted first is not someone else's role named later": (
        "Title\n\n“We will strike,” a union spokesman said.\n\nThe company’s spokesman, Tom Reyes, said later: "
        "“The offer stands.”\n", ["union spokesman", "Tom Reyes"]),
    "two roles with one head noun": (
        "Title\n\n“We will not yield,” a union spokesman said.\n\n“The offer stands,” a company spokesman said.\n",
        ["union spokesman", "company spokesman"]),
}


@pytest.mark.parametrize("text, speakers", DIFFERENT_PEOPLE.values(), ids=DIFFERENT_PEOPLE.keys())
def test_different_people_are_different_speakers(text, speakers):
    assert speakers_of(text) == speakers


@pytest.mark.parametrize("before, phrases", [
    ("The ministry’s spokesman, ", ["spokesman"]),
    ("Prime Minister ", ["prime minister", "minister"]),
    ("a Harbour deputy press secretary ", ["deputy press secretary", "press secretary", "secretary"]),
    ("said ", []),
    ("on Monday, ", []),
    ("a spokeswoman for the Harbour Party, ", ["spokeswoman"]),
    ("Kelby Gov. ", ["governor"]),
])
def test_the_role_words_right_before_a_name(before, phrases):
    assert role_phrases(before, "en") == phrases


def test_a_word_the_article_writes_only_inside_a_longer_name_is_no_person():
    article = ArticleWords("Title\n\nThe Republican National Committee met. Ann Quill spoke, and Quill said no.\n")
    assert split_name("Republican National", article).name == ""
    assert split_name("Senator Quill", article).name == "Quill"


def test_a_known_name_grows_by_middle_words_or_a_first_name_not_by_a_headings_words():
    text = "Title\n\nInes Vargas Lora and Tom Reyes spoke. Tom B. Reyes agreed with Vargas Lora.\n"
    people = People(ArticleWords(text))
    reyes, vargas = people.register("Tom Reyes"), people.register("Vargas Lora")
    assert people.register("Tom B. Reyes") is reyes and reyes.name == "Tom B. Reyes"
    assert people.register("Ines Vargas Lora") is vargas and vargas.name == "Ines Vargas Lora"
    people.register("Bo Hits Tom B. Reyes")
    assert reyes.name == "Tom B. Reyes"


def test_a_full_name_written_only_in_the_possessive_is_a_person():
    text = ("Title\n\nIvo Marrin’s new plan for the harbour surprised the board. Marrin has argued for it since "
            "May.\n\n“The harbour must grow,” Marrin said.\n\n“It will not,” said Ada Kern.\n")
    assert speakers_of(text) == ["Ivo Marrin", "Ada Kern"]
