"""Who said it, in news written in German, Spanish, Italian and English, one rule a case: each article is a few
sentences written for these tests (invented people), in the language the rule is about, and the whole segmenter
reads it as a listener would get it."""

from __future__ import annotations

import pytest
from helpers import rule_quotes_of, rule_speakers_of, speakers_of

from briefing.read import parse_article


def language_of(text: str) -> str:
    return parse_article(text).language


GERMAN = {
    "'rät' is a speech verb": (
        "Tierschutz an Silvester\n\nDer Verein ruft zum Verzicht auf Böller auf. „Lassen Sie die Hunde heute "
        "lieber daheim“, rät die Vorsitzende Eva Brunner.\n", ["Eva Brunner"]),
    "a place or document after the name ends the speaker's phrase": (
        "Neue Leitung gewählt\n\nDie Feier in der Stadthalle ist vorbei. „Wir feiern bald wieder“, erklärt Lena "
        "Kurz in einer Mitteilung des Vereins.\n", ["Lena Kurz"]),
    "what follows the speaker ('ihre Wahl') is no name": (
        "Neue Leitung gewählt\n\nDie Delegierten haben am Dienstag gewählt. „Ich freue mich auf die Arbeit“, "
        "kommentiert Lena Kurz ihre Wahl.\n", ["Lena Kurz"]),
    "a compound role before the name is a title": (
        "Hilfe nach dem Sturm\n\nDas Hilfswerk ruft zu Spenden auf. „Die Helfer stehen bereit“, sagt "
        "KHW-Generalsekretär Christian Roth. „Wir brauchen Decken“, sagt Roth.\n",
        ["Christian Roth", "Christian Roth"]),
    "', so X' after the quote names the speaker": (
        "Gottesdienste im Lockdown\n\nDen Gemeinden stehe es frei, Gottesdienste auszusetzen: „Keine Gemeinde muss "
        "heute feiern“, so der Bischof Paul Brenner.\n", ["Paul Brenner"]),
    "'äußerte sich' with the subject after the verb": (
        "Streit um den Gipfel\n\nDie Opposition ist verärgert. Ähnlich äußerte sich Fraktionsgeschäftsführer Jan "
        "Kobel: „Wir wollen endlich eine Antwort.“\n", ["Jan Kobel"]),
    "after an opening adverb the speaker follows the verb, even right after another speaker's quote": (
        "Streit um den Gipfel\n\nDie Opposition ist verärgert. Die Fraktionschefin Ina Wolf sagte den Zeitungen: "
        "„Wir brauchen mehr Austausch.“ Ähnlich äußerte sich Fraktionsgeschäftsführer Jan Kobel: „Wir wollen "
        "endlich eine Antwort.“\n", ["Ina Wolf", "Jan Kobel"]),
    "'wie X sich ausdrückte' attributes the quote after it": (
        "Streit um den Gipfel\n\nDie Opposition hält die Verschiebung für eine „großen Fehler“, wie der "
        "Parteichef Karl Brenner sich ausdrückte. „Wir verlangen einen neuen Termin.“\n",
        ["Karl Brenner"]),
}

SPANISH = {
    "'dijo a la red X': the network is who heard it, not who spoke": (
        "Autos robados en la frontera\n\nEl investigador chileno Hugo Brisco habló con la prensa este martes sobre "
        "los vehículos robados. “Nadie sabe dónde están los autos”, dijo a la red Tevé.\n", ["Hugo Brisco"]),
    "a gerund after the verb names nobody: the subject is left out": (
        "Advertencia sobre la guerra\n\nEl periodista Dmitri Volkov habló este martes en Ginebra. “Dicen que todo "
        "está bajo control”, dijo refiriéndose a las entregas de Estados Unidos, la Unión Europea y otros "
        "países.\n", ["Dmitri Volkov"]),
    "a clause after the comma is not the speaker's name": (
        "Críticas al senador\n\nEl presidente Tomás Ibarra respondió a las críticas del senador. “Es la misma "
        "historia”, dijo el mandatario, en alusión a la marca Gran Plan de Kessel.\n", ["mandatario"]),
    "'la diputada' is the deputy the article named": (
        "Alerta por el relleno de la bahía\n\nLa diputada Rosa Ibarra advirtió sobre el proyecto en la calzada. "
        "“Este relleno no tiene permiso”, señaló la diputada ante el pleno legislativo.\n",
        ["Rosa Ibarra"]),
    "a name never runs into the next paragraph": (
        "Senador critica al presidente\n\n“Ya nadie lo duda”, indicó el senador Luis Prado\n\nCaracas.- El "
        "senador Luis Prado calificó el martes al presidente de incapacitado. “Tiene que dimitir”, añadió el "
        "senador.\n", ["Luis Prado", "Luis Prado"]),
}

ITALIAN = {
    "a relative clause between the name and the verb, and an elided article that is no name": (
        "Il ciclone in Birmania\n\nIl bilancio resta incerto. Dall’ambasciata fanno sapere: «I danni sono molto "
        "gravi», mentre Aldo Ferri, che dirige la Casa dei Bambini in Birmania, dice: «Servono tende e acqua "
        "potabile».\n", [None, "Aldo Ferri"]),
    "a place after 'di' inside a role phrase is not the speaker": (
        "Nuovo vicepresidente eletto\n\nLuca Bellini è stato eletto all'unanimità vicepresidente del consiglio. «Sono "
        "molto contento», ha detto il nuovo numero due di Palazzo Verdi.\n", ["nuovo numero due"]),
}

ENGLISH = {
    "a new sentence after the quote leads into the next quote": (
        "Ban passes\n\nThe ban was signed on Monday. Dana Quill, a lawmaker, said, \"We need this now\". Early critic "
        "Bo Renner said, \"It goes too far.\"\n", ["Dana Quill", "Bo Renner"]),
    "a relative clause between the later speaker and the verb": (
        "Flood toll rises\n\nThe embassy said the toll was high, while Ann Lee, who heads the Kelby Fund in Burma, "
        "said: \"Many areas are still flooded.\"\n", ["Ann Lee"]),
}


@pytest.mark.parametrize("text, expected", GERMAN.values(), ids=GERMAN.keys())
def test_german(text: str, expected: list[str | None]) -> None:
    assert language_of(text) == "de"
    assert speakers_of(text) == expected
    assert rule_speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", SPANISH.values(), ids=SPANISH.keys())
def test_spanish(text: str, expected: list[str | None]) -> None:
    assert language_of(text) == "es"
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", ITALIAN.values(), ids=ITALIAN.keys())
def test_italian(text: str, expected: list[str | None]) -> None:
    assert language_of(text) == "it"
    speakers = speakers_of(text)
    assert speakers[-1] == expected[-1]
    assert not any(speaker and ("Dall" in speaker or "Palazzo" in speaker) for speaker in speakers)


@pytest.mark.parametrize("text, expected", ENGLISH.values(), ids=ENGLISH.keys())
def test_english(text: str, expected: list[str | None]) -> None:
    assert speakers_of(text) == expected


def test_a_capitalised_german_noun_is_no_speaker() -> None:
    """German capitalises every noun: a colon lead-in of nouns ("Für Sängerinnen Gottesdienste gelten ...:") names
    nobody; the rules leave the quote to whoever the article is about, not to "Sängerinnen Gottesdienste"."""
    text = ("Gottesdienste im Lockdown\n\nDer Bischof Paul Brenner sprach am Montag. Für Sängerinnen Gottesdienste "
            "gelten strenge Regeln:\n\n„Niemand muss heute singen.“\n")
    assert language_of(text) == "de"
    assert rule_speakers_of(text)[0] in (None, "Paul Brenner")


ENGLISH_SUBJECTS = {
    "a name after 'to' in a description is not the subject": (
        "Court rules on posts\n\nThe court ruled on Thursday. Dana Quill of Kelby University and contributor to "
        "Kelbyzine wrote, \"The ruling will reach far beyond this case.\"\n", ["Dana Quill"]),
    "a capitalised word before a number names a thing": (
        "Treaty invoked\n\nThe operation was condemned. Tom Vale cited Article 5 of the treaty and said, \"Our "
        "partners must help.\"\n", ["Tom Vale"]),
}


@pytest.mark.parametrize("text, expected", ENGLISH_SUBJECTS.values(), ids=ENGLISH_SUBJECTS.keys())
def test_english_subjects(text: str, expected: list[str | None]) -> None:
    assert speakers_of(text) == expected
    assert rule_speakers_of(text) == expected


def test_an_organisation_that_releases_a_statement_speaks_it() -> None:
    """"Kelby Books released a statement which read, in part, ...": the lead-in names the speaker (not a guess from
    the name last written)."""
    text = ("Court rules on posts\n\nThe court ruled on Thursday. Kelby Books released a statement which read, in "
            "part, \"We will appeal at once.\" Kelby Books further claimed, \"The court went too far.\"\n")
    speaker, cue = rule_quotes_of(text)[0]
    assert speaker == "Kelby Books" and cue.startswith("said-before")


INCISES = {
    "French: « ..., explique X, ... » names the speaker inside the quote": (
        "Le glyphosate\n\nLes opposants accusent le fabricant de tout. « Faux. Ces essais sont habituels, "
        "explique Paul Vidal, chimiste, ancien de l’agence. Les fabricants doivent les payer eux-mêmes. »\n", "fr",
        ["Paul Vidal"]),
    "Italian: «... – spiegano gli attivisti – ...» names a group": (
        "Il clima\n\nIl sito raccoglie molte informazioni sul clima. «Il nuovo cartellone – spiegano gli attivisti "
        "sul sito – conta i giorni.»\n", "it", ["attivisti"]),
    "English: a clause after a comma inside the quote is no incise": (
        "Press conferences\n\nA columnist, Ruth Vale, wrote, \"The mayor, usually so careful, listed a long "
        "series of delays on that day.\"\n", "en", ["Ruth Vale"]),
}


@pytest.mark.parametrize("text, language, expected", INCISES.values(), ids=INCISES.keys())
def test_incise(text: str, language: str, expected: list[str | None]) -> None:
    assert language_of(text) == language
    assert speakers_of(text) == expected


def test_a_quotation_over_two_paragraphs_is_one_speakers() -> None:
    """A paragraph that ends inside an open quotation and a next one that reopens it: one quotation, one speaker,
    the one named at its end, even when someone else spoke just before."""
    text = ("Storm hits coast\n\nThe storm hit on Monday. \"It was awful,\" Tom Vale told the Kelby Herald.\n\n"
            "\"The first paragraph of a long statement goes on.\n\n\"And the second paragraph ends it,\" said Bo "
            "Kim.\n")
    assert speakers_of(text) == ["Tom Vale", "Bo Kim", "Bo Kim"]


def test_a_leading_clause_is_no_subject_when_the_main_clause_leaves_it_out() -> None:
    """Italian leaves the subject out: "Quando gli è stato chiesto delle tariffe, ha detto:" names nobody, so the
    minister the paragraph is about speaks, not "è stato chiesto delle tariffe"."""
    text = ("Accordo firmato\n\nIl ministro Paolo Ferri ha firmato ieri l’accordo a Roma. Quando gli è stato chiesto "
            "delle tariffe, ha detto: «Negozieremo con calma».\n")
    assert language_of(text) == "it"
    assert speakers_of(text) == ["Paolo Ferri"]


def test_according_to_a_role_then_its_name() -> None:
    """"Segundo a diretora de operações da empresa, Ana Souza, ...": the name the sentence gives the role speaks."""
    text = ("Greve na refinaria\n\nOs trabalhadores pararam nesta segunda-feira na refinaria. Segundo a diretora de "
            "operações da empresa, Ana Souza, \"a produção não foi afetada\".\n")
    assert language_of(text) == "pt"
    assert speakers_of(text) == ["Ana Souza"]


def test_whom_the_speaker_told_stands_between_verb_and_speaker() -> None:
    """« ... », a déclaré à Kelbinfo le porte-parole du syndicat, Jean Lemaire: the agency heard it, he said it."""
    text = ("Grève à la raffinerie\n\nLes salariés ont cessé le travail lundi matin. « Nous n’accepterons pas la "
            "baisse », a déclaré à Kelbinfo le porte-parole du syndicat, Jean Lemaire.\n")
    assert language_of(text) == "fr"
    (speaker,) = rule_speakers_of(text)
    assert speaker == "Jean Lemaire"


def test_a_title_goes_on_after_de() -> None:
    """"Chef de Mission Dirk Vogt", "el ministro de Hacienda Juan Pérez": the capitalised word after "de" belongs to
    the title, not to the name."""
    text = ("Olympia\n\nDas Team wartet auf einen Test. „Wir hoffen auf ein gutes Ergebnis“, sagte Chef de Mission "
            "Dirk Vogt am Mittwoch.\n")
    assert speakers_of(text) == ["Dirk Vogt"]


@pytest.mark.parametrize("title", ["President", "president"])
def test_a_title_then_one_name_word_is_a_person_a_pronoun_can_refer_to(title: str) -> None:
    """"Turkish president Tarkan said ... he said": a lone surname after a title is a person, even one ending like
    a people's name ("-an"), so "he" is him, not someone named paragraphs before."""
    text = ("Summit\n\nThe ministers met on Wednesday. The foreign minister, Luca Ferri, joined the talks as an "
            f"observer.\n\nOn Wednesday, Turkish {title} Kazdağan called for regional cooperation, claiming a say. "
            "\"Nothing can be built here without us\", he said.\n")
    assert speakers_of(text) == ["Kazdağan"]


def test_this_source_is_the_source_quoted_before() -> None:
    """« ... », a poursuivi cette source: a demonstrative refers back, and "source gouvernementale" is that source
    (in French the adjective follows the noun): one voice for the three quotes."""
    text = ("Pénurie de carburant\n\nLes stations sont presque à sec mardi. « Les livraisons reprendront jeudi », a "
            "poursuivi une source gouvernementale. « Les stocks sont bas », a poursuivi cette "
            "source. « Deux navires sont attendus », a poursuivi cette source gouvernementale.\n")
    assert language_of(text) == "fr"
    assert len(set(speakers_of(text))) == 1


def test_an_object_pronoun_before_the_verb_is_not_part_of_the_name() -> None:
    """"El ministro Tomás Ibarra le dijo a la agencia:": "le" is whom he told, not the end of his name."""
    text = ("Huelga en la planta\n\nLos trabajadores pararon el lunes en la planta. El ministro Tomás Ibarra le dijo "
            "a la agencia Kelnoticias: “No vamos a ceder”.\n")
    assert language_of(text) == "es"
    assert speakers_of(text) == ["Tomás Ibarra"]


def test_german_separable_verbs_and_a_dative_after_the_name() -> None:
    """"teilte die Polizei mit", "fügte ein Sprecher hinzu": the verb's particle comes last and is no name;
    "berichtete die Fahrerin Anna Wolf der Zeitung": the newspaper heard it, Anna Wolf said it."""
    text = ("Unfall auf der A7\n\nAuf der Autobahn kam es am Montag zu einem Unfall. „Zwei Menschen wurden "
            "verletzt“, teilte die Polizei mit. „Die Strecke bleibt gesperrt“, fügte ein Sprecher hinzu.\n\n„Das war "
            "knapp“, berichtete die Fahrerin Anna Wolf der Zeitung.\n")
    assert language_of(text) == "de"
    assert speakers_of(text) == ["Polizei", "Sprecher", "Anna Wolf"]


def test_a_quote_printed_twice_keeps_the_speaker_of_its_attributed_copy() -> None:
    """A deck under the title repeats words the body attributes: the copy nobody is named beside gets the speaker
    the body gives them."""
    text = ("Alerta por la bahía\n\n“Quieren cubrir la playa entera con torres de oficinas y "
            "garajes”\n\nLa diputada Rosa Ibarra advirtió el martes sobre el proyecto en la bahía. “Quieren "
            "cubrir la playa entera con torres de oficinas y garajes”, señaló Ibarra ante el "
            "pleno.\n")
    assert language_of(text) == "es"
    assert rule_speakers_of(text) == ["Rosa Ibarra", "Rosa Ibarra"]


def test_a_verb_without_its_subject_after_the_quote_keeps_the_quoted_person() -> None:
    """'«...», comentó.': Spanish leaves the subject out; it is the person the article was quoting, not one named
    in the narration between ("... que Boris Kessel ha ganado poder")."""
    text = ("Advertencia sobre la guerra\n\nEl periodista Dmitri Volkov habló este martes en Ginebra. “Todo puede "
            "pasar”, alertó Volkov.\n\nSegún el periodista, lo más aterrador es que Boris Kessel ha adquirido un poder "
            "absoluto. “Es un día muy triste”, comentó.\n")
    assert language_of(text) == "es"
    assert speakers_of(text) == ["Dmitri Volkov", "Dmitri Volkov"]


def test_a_verb_without_its_subject_after_a_sentence_about_someone_else_is_theirs() -> None:
    """'Torvim defende que ... «...», destaca.': the subject left out is the one the sentence before the quote opens
    with, when that is someone other than the person quoted before."""
    text = ("Título\n\nO senador Rodrigo Kelbas disse que vai pautar o tema. \"Vamos votar em breve\", afirmou "
            "Kelbas.\n\nO senador Eduardo Torvim também falou. Torvim defende que o indulto é legítimo e deve ser "
            "mantido. \"É uma atribuição do presidente\", destaca.\n")
    assert language_of(text) == "pt"
    assert rule_speakers_of(text) == ["Rodrigo Kelbas", "Eduardo Torvim"]


def test_narration_that_leads_into_the_next_quote_is_not_the_attribution_of_one_led_in_by_a_colon_before() -> None:
    """'X ha detto:' ending a paragraph, then '«A», mentre Y dice: «B»': Y introduces B; A is X's."""
    text = ("Titolo\n\nIl ciclone ha messo in ginocchio il paese. Il portavoce Marco Ventri ha detto:\n\n«Le vittime "
            "potrebbero essere più di centomila», mentre Andrea Kelbini, che dirige una associazione umanitaria nel "
            "paese, dice: «Molte aree sono ancora sommerse.»\n")
    assert language_of(text) == "it"
    assert rule_speakers_of(text) == ["Marco Ventri", "Andrea Kelbini"]
