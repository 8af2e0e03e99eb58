"""Quotes given by a pronoun ("he said", "she added"): the he or she is the person of that gender the narration
named last, and the article itself says which gender each person is. Sentences and names written for these tests."""

from __future__ import annotations

from helpers import speakers_of


def test_a_name_only_written_as_where_something_happened_is_not_who_a_she_is():
    # "Kelby Downs" acts like a person ("Kelby Downs added", "Kelby Downs will pay"), but the sentence before the
    # quote only says something happened in it: the "she" is the woman named before
    text = ("Title\n\nDana Quill lost her son in March.\n\n"
            "Last year Kelby Downs added the drug to its list. Kelby Downs will pay.\n\n"
            "Dana Quill spoke to the police. The crash was in Kelby Downs.\n\n“I had to fight,” she says.\n")
    assert speakers_of(text) == ["Dana Quill"]


def test_madame_and_monsieur_say_who_a_french_elle_or_il_is():
    text = ("Titre\n\nMadame Quill a perdu son fils en mars. Monsieur Tarr dirige le dépôt.\n\n"
            "Monsieur Tarr a rencontré Madame Quill lundi.\n\n« Nous sommes prêts », a-t-elle déclaré.\n\n"
            "« Merci », a dit Monsieur Tarr.\n\n« Bien », a dit Madame Quill.\n")
    ready, thanks, fine = speakers_of(text)
    assert ready == fine != thanks


def test_a_name_the_sentence_opens_by_comparing_with_is_not_who_its_he_is():
    text = ("Title\n\nOmar Haddad found a job at a bakery. Tarek Salem came to the city in 2016.\n\n"
            "Unlike Haddad, he has been unable to find work.\n\n“My studies come afterwards,” he said.\n")
    assert speakers_of(text) == ["Tarek Salem"]


def test_a_spanish_sentence_opening_a_diferencia_de_compares_too():
    text = ("Título\n\nOmar Haddad encontró trabajo en una panadería. Tarek Salem llegó a la ciudad en 2016.\n\n"
            "A diferencia de Haddad, él no ha encontrado trabajo.\n\n«Mis estudios vienen después», dijo él.\n")
    assert speakers_of(text) == ["Tarek Salem"]


def test_a_like_inside_the_sentence_gives_an_example_who_may_be_the_he():
    text = ("Title\n\nTarek Salem ran the plant for years.\n\nSome workers, like Omar Haddad, who is near "
            "retirement, will not retrain.\n\n“I am too old for school,” he said.\n")
    assert speakers_of(text) == ["Omar Haddad"]
