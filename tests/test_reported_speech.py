"""The grammar of reported speech in French, Spanish, Italian, Portuguese, German and Russian news: the verbs that
put a speaker after a quote, a role with its domain before a name, a noun phrase whose complement is not the
speaker. Each article is a few sentences written for these tests (invented people and places)."""

from __future__ import annotations

from helpers import speakers_of

from briefing.read import parse_article


def language_of(text: str) -> str:
    return parse_article(text).language


def test_a_relative_clause_in_a_quote_is_no_unnamed_speaker() -> None:
    """"dijo el ingeniero" refers back to the one named before; a quote's "un año que nos promete" (a relative
    clause with its own subject) is no unnamed person who spoke in between."""
    text = ("Obras en el puente\n\nTomás Ferrer Ruiz dijo que el trabajo avanza. "
            "\"Llevamos un año que nos promete el puente nuevo, y aquí seguimos. Terminaremos en marzo\", explicó el "
            "ingeniero.\n")
    assert language_of(text) == "es"
    assert speakers_of(text) == ["Tomás Ferrer Ruiz"]
