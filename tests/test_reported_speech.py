"""The grammar of reported speech in French, Spanish, Italian, Portuguese, German and Russian news: the verbs that
put a speaker after a quote, a role with its domain before a name, a noun phrase whose complement is not the
speaker. Each article is a few sentences written for these tests (invented people and places)."""

from __future__ import annotations

import pytest
from helpers import rule_quotes_of, speakers_of

from briefing.read import parse_article


def language_of(text: str) -> str:
    return parse_article(text).language


@pytest.mark.parametrize("language, text, expected", [
    ("pt", "Obras na ponte\n\nA ponte fecha na segunda-feira para reparos. \"Os carros vão passar pelo centro da "
           "cidade durante um mês\", falou Rui Tavares ao jornal local.\n", "Rui Tavares"),
    ("pt", "Obras na ponte\n\nA ponte fecha na segunda-feira para reparos. \"Quem vai pagar pelos atrasos da "
           "obra?\", indagou a vereadora Marta Lobo na sessão.\n", "Marta Lobo"),
    ("fr", "Travaux sur le pont\n\nLe pont fermera lundi pour des réparations. « Les voitures passeront par le "
           "centre pendant un mois », prévient Paul Garnier, le chef du chantier.\n", "Paul Garnier"),
    ("es", "Obras en el puente\n\nEl puente cerrará el lunes por reparaciones. “Los coches pasarán por el centro "
           "durante un mes”, rememoró Ana Cortés ante los vecinos.\n", "Ana Cortés"),
    ("it", "Lavori sul ponte\n\nIl ponte chiuderà lunedì per i lavori. «Le auto passeranno per il centro per un "
           "mese», ha chiesto Marco Bellini ai cittadini.\n", "Marco Bellini"),
    ("de", "Arbeiten an der Brücke\n\nDie Brücke wird am Montag gesperrt. „Die Autos fahren einen Monat lang durch "
           "die Innenstadt“, erinnerte Bauleiterin Petra Lindner die Anwohner.\n", "Petra Lindner"),
    ("ru", "Ремонт моста\n\nМост закроют в понедельник.\n\n«Машины месяц будут ездить через центр», — заверила "
           "инженер Анна Белова.\n", "Анна Белова"),
])
def test_common_reporting_verbs_after_the_quote(language: str, text: str, expected: str) -> None:
    """Besides "said", each language's news has a few dozen verbs that put the speaker right after a quote
    ("falou X", "indagou a vereadora X", "prévient X", "rememoró X", "ha chiesto X", "erinnerte X", "заверила X")."""
    assert language_of(text) == language
    assert [speaker for speaker, _ in rule_quotes_of(text)] == [expected]


def test_a_relative_clause_in_a_quote_is_no_unnamed_speaker() -> None:
    """"dijo el ingeniero" refers back to the one named before; a quote's "un año que nos promete" (a relative
    clause with its own subject) is no unnamed person who spoke in between."""
    text = ("Obras en el puente\n\nTomás Ferrer Ruiz dijo que el trabajo avanza. "
            "\"Llevamos un año que nos promete el puente nuevo, y aquí seguimos. Terminaremos en marzo\", explicó el "
            "ingeniero.\n")
    assert language_of(text) == "es"
    assert speakers_of(text) == ["Tomás Ferrer Ruiz"]


@pytest.mark.parametrize("text, expected", [
    ("Travaux sur le pont\n\nLe pont fermera lundi. « Nous avons prévu un mois de travaux », a précisé le "
     "directeur à l’équipement Marc Vasseur.\n", ["Marc Vasseur"]),
    ("Travaux sur le pont\n\nLe pont fermera lundi. « Nous avons prévu un mois de travaux », a précisé le fils "
     "de Marc Vasseur.\n", ["fils de Marc Vasseur"]),
])
def test_a_role_with_its_domain_before_the_name(text: str, expected: list[str]) -> None:
    """"a précisé le directeur à l’équipement Marc Vasseur": a role, the word that links it to its domain, the
    domain and then a name: the name speaks; "le fils de Marc Vasseur": the name right after the link is whose son
    speaks, never the speaker."""
    assert language_of(text) == "fr"
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Neue Orgel geweiht\n\nIn der Kirche wurde am Sonntag die neue Orgel geweiht. Erzbischof Brenner dankte den "
     "Spendern der Gemeinde: „Ohne Sie gäbe es diese Orgel nicht.“ Danach spielte der Organist.\n", ["Brenner"]),
    ("Nuevo órgano\n\nLa iglesia estrenó el domingo su órgano. El Cardenal Ibarra agradeció a los donantes del "
     "barrio: “Sin ustedes no habría órgano”. Después tocó el organista.\n", ["Ibarra"]),
    ("Novo órgão\n\nA igreja estreou no domingo o seu órgão. O Arcebispo Moreira agradeceu aos doadores do bairro: "
     "\"Sem vocês não haveria órgão\". Depois tocou o organista.\n", ["Moreira"]),
])
def test_a_title_before_a_surname_is_no_first_name(text: str, expected: list[str]) -> None:
    """"Erzbischof Brenner", "el Cardenal Ibarra", "o Arcebispo Moreira": the titles of the church, of royalty, of
    mayors and heads of government stand before a surname as "Minister" does; the person is the surname (not
    "Cardenal Ibarra", and in German not a common noun and a word the colon lead-in passes over)."""
    assert speakers_of(text) == expected


@pytest.mark.parametrize("mark", ['"', "«"])
def test_an_institution_in_quotation_marks_after_the_verb(mark: str) -> None:
    """«...», — отметили в "Кельбтрансе": a plural verb with no subject, "в" and the institution, whose name news
    often writes in quotation marks (straight ones as well as guillemets): the institution speaks."""
    close = '"' if mark == '"' else "»"
    text = f"Новый мост\n\nМост откроют в марте.\n\n«Работы идут по графику», — отметили в {mark}Кельбтрансе{close}.\n"
    assert language_of(text) == "ru"
    assert [speaker for speaker, _ in rule_quotes_of(text)] == ["Кельбтрансе"]


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Встреча в мэрии\n\nПосле доклада Игорь Соколов хотел уйти, но Анна Белова покачала головой и "
           "запротестовала: «Мы ещё не обсудили мост».\n", "Анна Белова"),
    ("fr", "Réunion à la mairie\n\nAprès le rapport, Paul Garnier voulait partir, mais Claire Vasseur a secoué la "
           "tête : « Nous n’avons pas encore parlé du pont. »\n", "Claire Vasseur"),
    ("en", "Meeting at city hall\n\nAfter the report Tom Vell wanted to leave, but Dana Quill shook her head "
           "firmly: \"We have not talked about the bridge yet.\"\n", "Dana Quill"),
])
def test_a_colon_lead_in_after_but_is_the_new_clause_subjects(language: str, text: str, expected: str) -> None:
    """"X wanted to leave, but Y shook her head and objected:": the clause that "but" opens has a subject of its
    own, and the quote its verb leads into is that subject's, not the first person the sentence names."""
    assert language_of(text) == language
    assert speakers_of(text) == [expected]


def test_a_role_refers_back_to_a_one_word_name_that_spoke() -> None:
    """"..., falou Zarko ... o treinador visitou ... completou o treinador": a person news calls by one name
    (a nickname) whom the article has had speak is whom a role after a later quote refers back to."""
    text = ("Técnico fala sobre a final\n\nDepois do jogo de domingo, Zarko disse que o time está pronto. "
            "\"Nós treinamos muito para chegar até aqui\", falou Zarko à rádio local.\n\n"
            "Na segunda-feira o treinador visitou os jogadores no hotel. \"A final é só mais um jogo para nós\", "
            "completou o treinador.\n")
    assert language_of(text) == "pt"
    assert speakers_of(text) == ["Zarko", "Zarko"]


@pytest.mark.parametrize("verb", ["jure", "pointe"])
def test_an_incise_with_a_verb_of_swearing_or_pointing_out(verb: str) -> None:
    """« Le chantier finira en mai, jure Paul Garnier. Le pont restera fermé. »: the incise inside the quote names
    who speaks; "jurer" and "pointer" report speech as "expliquer" does."""
    text = (f"Travaux sur le pont\n\nLe pont fermera lundi pour des réparations. « Le chantier finira en mai, "
            f"{verb} Paul Garnier, le chef du chantier. Le pont restera fermé. »\n\nLa mairie n’a pas répondu.\n")
    assert language_of(text) == "fr"
    assert set(speakers_of(text)) == {"Paul Garnier"}
