"""The people an article names: pick the person's name out of a phrase ("White House spokesman Eric Schultz"),
reject what only looks like a name (places, organisations, capitalised sentence starts), and resolve every form
of a name ("President Vladimir V. Putin", "Putin", "the president", "he") to one person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.segment.patterns import (
    CALENDAR,
    DETERMINER,
    FEMALE_TITLES,
    INITIAL,
    MALE_TITLES,
    NOT_A_PERSON,
    PARTICLE,
    QUALIFIER,
    ROLE_TITLE,
    STOP_NAMES,
    SUFFIX,
    UPPER,
    VOCAB,
    alternation,
)

TOKEN = re.compile(r"[^\s,;:()]+")
CAPITALISED = re.compile(rf"^(?:[{UPPER}]|(?:O|D|L)[’'][{UPPER}])")
TITLE_TOKEN = re.compile(rf"^(?:{ROLE_TITLE}|{QUALIFIER})$")
INITIAL_TOKEN = re.compile(rf"^{INITIAL}$")
PARTICLE_TOKEN = re.compile(rf"^{PARTICLE}$")
SUFFIX_TOKEN = re.compile(rf"^{SUFFIX}$")
CALENDAR_TOKEN = re.compile(rf"^{alternation(CALENDAR)}$")
POSSESSIVE = re.compile(r"[’']s?$")
LEADING_DETERMINER = re.compile(rf"^{DETERMINER}\s+")
LOCATIVE = re.compile(rf"\b(?:in|at|from|to|across|near|of|across|into|visit|visited)\s+(?P<place>[{UPPER}][\w’'\-]*"
                      rf"(?:\s+[{UPPER}][\w’'\-]*){{0,2}})")
ROLE_WORDS = {w.lower() for w in VOCAB.role_nouns}


@dataclass
class Person:
    """One person the article quotes or names; every form of their name resolves to this."""

    name: str
    gender: str | None = None


@dataclass(frozen=True)
class NameParts:
    """A phrase split into the words that describe the person (titles, roles) and the person's name."""

    titles: tuple[str, ...]
    name: str
    role: str = ""


def split_name(raw: str, article: ArticleWords | None = None) -> NameParts:
    """The trailing run of name words in `raw` ("Gerald F. Seib", "Ludwig van Beethoven", "Martin Luther King
    Jr."), the titles before it, and a lower-case role phrase ("the company's managing director") when there is
    no name. A run that names a place or an organisation is no name."""
    raw = LEADING_DETERMINER.sub("", raw.strip())
    tokens = TOKEN.findall(raw)
    start = len(tokens)
    while start > 0 and _is_name_token(tokens, start - 1):
        start -= 1
    while start < len(tokens) and not CAPITALISED.match(tokens[start]):
        start += 1  # a name starts with a capital: not with a particle or an initial's dot
    run = tokens[start:]
    run = _drop_leading_non_names(run, article)
    name = " ".join(run)
    before = tokens[: len(tokens) - len(run)]
    titles = tuple(t for t in before if TITLE_TOKEN.match(t))
    if name and (NOT_A_PERSON.search(name) or (article and article.is_place(name))):
        name = ""
    role = " ".join(before).strip() if not name else ""
    return NameParts(titles, name, role)


def _is_name_token(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if TITLE_TOKEN.match(token) or token.lower() in STOP_NAMES or CALENDAR_TOKEN.match(token):
        return False
    if POSSESSIVE.search(token) and i != len(tokens) - 1:
        return False  # "Brazile’s CNN colleague": the possessor is not the person
    if SUFFIX_TOKEN.match(token) or INITIAL_TOKEN.match(token):
        return True
    if PARTICLE_TOKEN.match(token):
        return 0 < i < len(tokens) - 1
    return bool(CAPITALISED.match(token)) and any(ch.isalpha() for ch in token)


def _drop_leading_non_names(run: list[str], article: ArticleWords | None) -> list[str]:
    """"Hammering Hillary Clinton", "Now Jane Doe": a leading word that the article uses in lower case, or an -ing
    word, is the sentence's start, not a first name."""
    while len(run) > 1 and (run[0].lower().endswith("ing") or (
            len(run) > 2 and article is not None and article.is_common_word(run[0]))):
        run = run[1:]
    return run


class ArticleWords:
    """What the whole article says about words: which it also writes in lower case, which follow "in"/"from"."""

    def __init__(self, text: str) -> None:
        self.lower = {w for w in re.findall(r"\b[a-zà-ÿ][\w’'-]*", text)}
        self.places = {m.group("place") for m in LOCATIVE.finditer(text)}

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.lower and word.lower() not in ROLE_WORDS

    def is_place(self, name: str) -> bool:
        return name in self.places and len(name.split()) > 1


class People:
    """Resolves "President Vladimir Putin", "Putin", "the President" and "he" to one person."""

    def __init__(self, article: ArticleWords | None = None) -> None:
        self.article = article
        self.by_surname: dict[str, Person] = {}
        self.by_role: dict[str, Person] = {}
        self.mentions: list[tuple[int, Person]] = []  # (offset in the input, person), narration only

    def register(self, raw: str) -> Person | None:
        """Add a name seen with a title or next to a speech verb; return its person."""
        parts = split_name(raw, self.article)
        if not parts.name:
            return self.lookup(raw)
        key = surname(parts.name)
        person = self.by_surname.get(key)
        if person is None:
            person = self.by_surname[key] = Person(parts.name)
        elif len(parts.name.split()) > len(person.name.split()) and _compatible(person.name, parts.name):
            person.name = parts.name
        for title in parts.titles:
            self.by_role.setdefault(title.lower().rstrip("."), person)
            if title.lower() in MALE_TITLES:
                person.gender = "male"
            elif title.lower() in FEMALE_TITLES:
                person.gender = "female"
        return person

    def lookup(self, raw: str) -> Person | None:
        parts = split_name(raw, self.article)
        if parts.name:
            person = self.by_surname.get(surname(parts.name))
            if person:
                return person
        phrase = re.sub(r"^(?:the|The|le|la|Le|La|son|sa|his|her)\s+", "", raw.strip()).lower().rstrip(".")
        if phrase in self.by_role:
            return self.by_role[phrase]
        if parts.titles and not parts.name:
            return self.by_role.get(parts.titles[-1].lower().rstrip("."))
        return None

    def add_role(self, phrase: str, person: Person) -> None:
        phrase = re.sub(r"^(?:the|a|an|son|sa|le|la|its|his|her)\s+", "", phrase.strip(), flags=re.I).lower()
        if 2 < len(phrase) < 60:
            self.by_role.setdefault(phrase, person)

    def last_mentioned(self, offset: int, gender: str | None) -> Person | None:
        for position, person in reversed(self.mentions):
            if position < offset and (gender is None or person.gender in (None, gender)):
                return person
        return None


def _compatible(short: str, full: str) -> bool:
    """"Clinton" and "Hillary Clinton" are one person; "Bill Clinton" and "Hillary Clinton" are not."""
    a, b = short.split(), full.split()
    return len(a) == 1 or a[0].rstrip(".") == b[0].rstrip(".") or b[0].startswith(a[0].rstrip("."))


def surname(name: str) -> str:
    words = [w for w in name.split() if not SUFFIX_TOKEN.match(w)] or name.split()
    return words[-1].lower().replace("'", "’").rstrip(",")
