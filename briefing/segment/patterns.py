"""Regular expressions over the per-language word lists (briefing/lang/*.toml), compiled for the language of the
article being read: compiling them over all languages' lists at once took 150 ms of every run."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from briefing.lang import Vocabulary, available, vocabulary
from briefing.segment import pattern_cache

VOCAB = vocabulary()  # every language's lists: the word sets below are cheap, so they keep them all


def alternation(words, flags: str = "") -> str:
    """A regex group matching any of `words` whole, longest first (so "said in a statement" beats "said"); words
    of one length in alphabetical order, so that a pattern's text is the same in every run (pattern_cache.py)."""
    return _alternation(tuple(words), flags)


@cache
def _alternation(words: tuple[str, ...], flags: str) -> str:
    """Made once a run: every pattern's text is written to find its compiled code, and lists recur in many."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)) if w]
    return f"(?{flags}:{'|'.join(escaped)})" if escaped else "(?!)"


def capitalised(words) -> tuple[str, ...]:
    return tuple(w[:1].upper() + w[1:] for w in words)


UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁΑ-ΩΆΈΉΊΌΎΏ"
INITIAL = rf"[{UPPER}][.\u2024](?:[{UPPER}][.\u2024])*"  # \u2024: a dot masked as an abbreviation's
# "Lee", "O’Neil", "al-Amin": a capitalised word, or a particle joined to one by an apostrophe or a hyphen
HYPHENED_PARTICLE = r"(?:al|el|ad|ash|bin|ibn|abu)-"
NAME_WORD = (rf"(?:[{UPPER}][\w’'\-]*|(?:O|D|L)[’'][{UPPER}][\w\-]*|"
             rf"(?<![\w\-]){HYPHENED_PARTICLE}[{UPPER}][\w’'\-]*)")
# The space between a name's words: a line may wrap inside a name, but a paragraph never holds half of one
GAP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
ADVERB = r"(?:\w+ly\s+)?"
WHEN = r"(?:\s+(?:on|last|this|in|at|during)\s+[\w’' ]{1,30}?)?"
PRONOUN_WORDS = {w: "male" for w in VOCAB.male_pronouns} | {w: "female" for w in VOCAB.female_pronouns}
# his/her, sein/ihr, ...: the gender a possessive gives whom it refers to
POSSESSIVE_GENDER = {w.lower(): "male" for w in VOCAB.male_possessives} | {
    w.lower(): "female" for w in VOCAB.female_possessives}
MALE_TITLES = {t.lower() for t in VOCAB.male_titles}
FEMALE_TITLES = {t.lower() for t in VOCAB.female_titles}
STOP_NAMES = {w.lower() for w in VOCAB.stop_words + VOCAB.other_pronouns + VOCAB.plural_pronouns}
SENTENCE_END = ".!?…。！？"


@dataclass(frozen=True)
class Words:
    """The regex pieces written over one language's word lists (or several languages'), that patterns combine."""

    vocab: Vocabulary
    particle: str
    suffix: str
    name: str  # a person's name: capitalised words, initials ("Dana K. Quill"), particles ("Jan van Albers")
    role_title: str
    qualifier: str
    title: str  # "former Secretary of State"
    speech_verbs: str
    according_to: str
    pronoun: str  # "he", "She"
    determiner: str
    clause_word: str
    locative_word: str
    conjunction: str

    def any_of(self, *fields: str, capitals: bool = False) -> str:
        """An alternation of the words of these vocabulary fields, also capitalised if `capitals`."""
        listed = tuple(w for field in fields for w in getattr(self.vocab, field))
        return alternation(listed + capitalised(listed) if capitals else listed)


@cache
def words(languages: tuple[str, ...]) -> Words:
    v = vocabulary(languages)
    particle, suffix = alternation(v.particles), alternation(v.name_suffixes)
    role_title, qualifier = alternation(v.titles), alternation(v.title_qualifiers)
    pronouns = v.male_pronouns + v.female_pronouns
    return Words(
        vocab=v, particle=particle, suffix=suffix,
        # up to six words, so that "Former Kelby-Mills CEO Dana Quill" is one phrase, not "... Dana" and "Quill"
        name=(rf"{NAME_WORD}(?:{GAP}(?:{INITIAL}{GAP})*(?:{particle}{GAP}){{0,2}}{NAME_WORD}){{0,5}}"
              rf"(?:,?\s+{suffix}(?!\w))?"),
        role_title=role_title, qualifier=qualifier, title=rf"(?:(?:{qualifier}\s+)*{role_title}(?!\w))",
        speech_verbs=alternation(v.speech_verbs),
        according_to=alternation(v.according_to + capitalised(v.according_to)),
        pronoun=alternation(pronouns + capitalised(pronouns)),
        determiner=alternation(v.determiners + capitalised(v.determiners)),
        clause_word=alternation(v.clause_words), locative_word=alternation(v.locatives),
        conjunction=alternation(v.conjunctions),
    )


ALL_LANGUAGES = available()
_LANGUAGES: ContextVar[tuple[str, ...] | None] = ContextVar("languages", default=None)


@cache
def stop_words_of(language: str) -> frozenset[str]:
    """One language's stop words, in lower case."""
    return frozenset(w.lower() for w in vocabulary((language,)).stop_words)


def languages_of(language: str, text: str) -> tuple[str, ...]:
    """The languages whose word lists read this article: its stated or detected language, and any language whose
    stop words it uses as often (a short text is often undetected and taken for English); every language when
    none of them has a word list."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    uses = {code: len(stop_words_of(code) & words) for code in ALL_LANGUAGES}
    found = {code for code, used in uses.items() if code == language or (used and used >= uses.get(language, 0))}
    return tuple(sorted(found)) or ALL_LANGUAGES


@contextmanager
def reading(languages: tuple[str, ...]) -> Iterator[None]:
    """Within this block, patterns use the word lists of these languages."""
    token = _LANGUAGES.set(languages)
    try:
        yield
    finally:
        _LANGUAGES.reset(token)


class LanguagePattern:
    """A regex written over the word lists, compiled once for each language it is used in; otherwise used as
    a compiled `re.Pattern` is (`.search`, `.finditer`, `.pattern` ...). The usual methods are written out: the
    segmenter calls them thousands of times an article, and `__getattr__` cost as much as the matching."""

    def __init__(self, build: Callable[[Words], str], flags: int = 0):
        self._build, self._flags = build, flags
        self._by_languages: dict[tuple[str, ...], re.Pattern] = {}

    def compiled(self) -> re.Pattern:
        languages = _LANGUAGES.get() or ALL_LANGUAGES
        found = self._by_languages.get(languages)
        if found is None:
            found = self._by_languages[languages] = pattern_cache.compiled(self.source(words(languages)), self._flags)
        return found

    def source(self, w: Words) -> str:
        """The pattern's text for these words, to write into a larger pattern."""
        return self._build(w)

    def search(self, *arguments) -> re.Match | None:
        return self.compiled().search(*arguments)

    def match(self, *arguments) -> re.Match | None:
        return self.compiled().match(*arguments)

    def fullmatch(self, *arguments) -> re.Match | None:
        return self.compiled().fullmatch(*arguments)

    def finditer(self, *arguments) -> Iterator[re.Match]:
        return self.compiled().finditer(*arguments)

    def findall(self, *arguments) -> list:
        return self.compiled().findall(*arguments)

    def sub(self, *arguments) -> str:
        return self.compiled().sub(*arguments)

    def __getattr__(self, attribute: str):
        if attribute.startswith("_"):  # not set yet (a copy being made): no compiled pattern has it either
            raise AttributeError(attribute)
        return getattr(self.compiled(), attribute)


# as each language writes them: "sabato" is a day, "Sabato" a surname
NOT_A_PERSON = LanguagePattern(
    lambda w: rf"(?<!\w){w.any_of('organisation_words', 'place_words', 'months', 'days')}(?!\w)")
