"""Per-language vocabulary for finding quotes and speakers, as data: one TOML file a language (en.toml, fr.toml ...).

Adding a language means adding one file with the same tables. The segmenter's regular expressions use the lists of
the article's language, and of any language whose stop words it uses as often (those of every language when none has
a file): compiling them for all languages at once cost more than reading the article. Its plain word sets (stop
words, pronoun genders) are cheap and keep every language's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIELDS = {  # field -> (table, key) in a language file
    "speech_verbs": ("speech", "verbs"),
    "according_to": ("speech", "according_to"),
    "institution_verbs": ("speech", "institution_verbs"),
    "not_institutions": ("speech", "not_institutions"),
    "dialogue_dashes": ("speech", "dialogue_dashes"),
    "work_nouns": ("quotes", "work_nouns"),
    "complementizers": ("speech", "complementizers"),
    "plural_verbs": ("speech", "plural_verbs"),
    "verb_asides": ("speech", "verb_asides"),
    "reporting_gerunds": ("speech", "reporting_gerunds"),
    "document_verbs": ("speech", "document_verbs"),
    "display_gerunds": ("speech", "display_gerunds"),
    "displays": ("not_names", "displays"),
    "titles": ("titles", "roles"),
    "title_qualifiers": ("titles", "qualifiers"),
    "male_titles": ("titles", "male"),
    "female_titles": ("titles", "female"),
    "role_nouns": ("titles", "role_nouns"),
    "male_pronouns": ("pronouns", "male"),
    "female_pronouns": ("pronouns", "female"),
    "plural_pronouns": ("pronouns", "plural"),
    "other_pronouns": ("pronouns", "other"),
    "male_possessives": ("pronouns", "male_possessive"),
    "female_possessives": ("pronouns", "female_possessive"),
    "particles": ("names", "particles"),
    "name_suffixes": ("names", "suffixes"),
    "surname_titles": ("names", "surname_titles"),
    "genitive_endings": ("names", "genitive_endings"),
    "age_words": ("names", "age_words"),
    "genitive_articles": ("grammar", "genitive_articles"),
    "organisation_words": ("not_names", "organisation_words"),
    "place_words": ("not_names", "place_words"),
    "months": ("not_names", "months"),
    "days": ("not_names", "days"),
    "stop_words": ("not_names", "stop_words"),
    "things": ("not_names", "things"),
    "determiners": ("grammar", "determiners"),
    "articles": ("grammar", "articles"),
    "place_prepositions": ("grammar", "place_prepositions"),
    "relatives": ("grammar", "relatives"),
    "clause_words": ("grammar", "clause_words"),
    "locatives": ("grammar", "locatives"),
    "conjunctions": ("grammar", "conjunctions"),
    "indefinites": ("grammar", "indefinites"),
    "subordinators": ("grammar", "subordinators"),
    "demonstratives": ("grammar", "demonstratives"),
    "person_relatives": ("grammar", "person_relatives"),
    "male_nouns": ("names", "male_nouns"),
    "female_nouns": ("names", "female_nouns"),
    "prepositions": ("grammar", "prepositions"),
    "definite_articles": ("grammar", "definite_articles"),
    "gerund_endings": ("grammar", "gerund_endings"),
    "past_endings": ("grammar", "past_endings"),
    "recipients": ("grammar", "recipients"),
    "clitics": ("grammar", "clitics"),
    "noun_endings": ("not_names", "noun_endings"),
    "noun_markers": ("grammar", "noun_markers"),
    "adjective_endings": ("grammar", "adjective_endings"),
    "epithet_articles": ("grammar", "epithet_articles"),
    "male_articles": ("grammar", "male_articles"),
    "female_articles": ("grammar", "female_articles"),
    "contrasts": ("grammar", "contrasts"),
    "role_links": ("grammar", "role_links"),
    "neuter_pronouns": ("pronouns", "neuter"),
    "photo_words": ("not_names", "photo_words"),
    "venue_prepositions": ("grammar", "venue_prepositions"),
    "adversatives": ("grammar", "adversatives"),
}


@dataclass(frozen=True)
class Vocabulary:
    """Word lists of one or more languages; each field is a tuple of words or phrases, as the files write them."""

    languages: tuple[str, ...]
    speech_verbs: tuple[str, ...] = ()
    according_to: tuple[str, ...] = ()
    institution_verbs: tuple[str, ...] = ()  # "— сообщили в полиции": a plural verb, no subject, then "в" + a body
    not_institutions: tuple[str, ...] = ()  # "— сообщили в пятницу": what follows is a time or a channel
    dialogue_dashes: tuple[str, ...] = ()  # a paragraph opened by one is direct speech ("— Да, — сказал он")
    work_nouns: tuple[str, ...] = ()  # the book "...": what the quotation marks hold is a name, not speech
    complementizers: tuple[str, ...] = ()
    plural_verbs: tuple[str, ...] = ()
    verb_asides: tuple[str, ...] = ()
    reporting_gerunds: tuple[str, ...] = ()
    document_verbs: tuple[str, ...] = ()
    display_gerunds: tuple[str, ...] = ()
    displays: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    title_qualifiers: tuple[str, ...] = ()
    male_titles: tuple[str, ...] = ()
    female_titles: tuple[str, ...] = ()
    role_nouns: tuple[str, ...] = ()
    male_pronouns: tuple[str, ...] = ()
    female_pronouns: tuple[str, ...] = ()
    plural_pronouns: tuple[str, ...] = ()
    other_pronouns: tuple[str, ...] = ()
    male_possessives: tuple[str, ...] = ()
    female_possessives: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    name_suffixes: tuple[str, ...] = ()
    surname_titles: tuple[str, ...] = ()
    genitive_endings: tuple[str, ...] = ()
    age_words: tuple[str, ...] = ()
    genitive_articles: tuple[str, ...] = ()
    organisation_words: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    stop_words: tuple[str, ...] = ()
    things: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    relatives: tuple[str, ...] = ()
    clause_words: tuple[str, ...] = ()
    locatives: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    indefinites: tuple[str, ...] = ()
    subordinators: tuple[str, ...] = ()
    demonstratives: tuple[str, ...] = ()
    person_relatives: tuple[str, ...] = ()
    male_nouns: tuple[str, ...] = ()
    female_nouns: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    definite_articles: tuple[str, ...] = ()
    gerund_endings: tuple[str, ...] = ()
    past_endings: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    clitics: tuple[str, ...] = ()
    noun_endings: tuple[str, ...] = ()
    noun_markers: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    epithet_articles: tuple[str, ...] = ()
    male_articles: tuple[str, ...] = ()
    female_articles: tuple[str, ...] = ()
    contrasts: tuple[str, ...] = ()
    role_links: tuple[str, ...] = ()
    neuter_pronouns: tuple[str, ...] = ()
    photo_words: tuple[str, ...] = ()
    venue_prepositions: tuple[str, ...] = ()
    adversatives: tuple[str, ...] = ()  # "but": the clause it opens has a subject of its own


def available() -> tuple[str, ...]:
    """The languages that have a vocabulary file, e.g. ("de", "en", "fr")."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".toml")))


@cache
def _load(language: str) -> dict:
    """The language's file, parsed: kept between runs (briefing/kept.py), since every run reads every language's
    file (their stop words tell an article's languages) and parsing TOML takes ~1 ms a kilobyte."""
    from briefing import kept

    text = resources.files(__name__).joinpath(f"{language}.toml").read_text(encoding="utf-8")
    parsed = kept.load("vocabulary", text)
    if parsed is None:
        parsed = tomllib.loads(text)
        kept.store("vocabulary", text, parsed)
    return parsed


@cache
def vocabulary(languages: tuple[str, ...] | None = None) -> Vocabulary:
    """The union of the given languages' word lists (all languages by default), without repeats, in file order."""
    languages = languages or available()
    merged: dict[str, dict[str, None]] = {field: {} for field in FIELDS}
    for language in languages:
        data = _load(language)
        for field, (table, key) in FIELDS.items():
            merged[field].update(dict.fromkeys(data.get(table, {}).get(key, [])))
    return Vocabulary(languages=tuple(languages), **{field: tuple(words) for field, words in merged.items()})
