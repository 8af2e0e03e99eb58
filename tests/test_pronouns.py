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
