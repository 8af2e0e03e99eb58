"""The people an article names: pick the person's name out of a phrase ("Harbour Authority spokesman Tom Reyes"),
reject what only looks like a name (places, organisations, capitalised sentence starts, a word only ever inside a
longer name), and resolve every form of a name ("President Dana K. Quill", "Quill", "the president", "he") to
one person, while people who share a surname stay apart ("Mr. Vell", "Mrs. Vell"). `People.settle` gives each
speaker one name at the end: the fullest the article writes, and for a role the article refers back to ("the
spokesman said") the person it named with that role."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from briefing.lang import available, vocabulary
from briefing.segment.patterns import (
    FEMALE_TITLES,
    GAP,
    HYPHENED_PARTICLE,
    INITIAL,
    MALE_TITLES,
    NAME_WORD,
    NOT_A_PERSON,
    PRONOUN_WORDS,
    SENTENCE_END,
    STOP_NAMES,
    UPPER,
    VOCAB,
    LanguagePattern,
    stop_words_of,
)
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations

TOKEN = re.compile(r"[^\s,;:()]+")
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
LABEL = re.compile(r"[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*){0,2}:")  # "Ann Lee:" opening a line of a transcript
OPENING = "“\"«„「‘('[—–-"
CLOSING = "”\"»」’')]"
PARENTHESES = re.compile(r"\([^()]*\)")
QUOTE_MARKS = "“”\"«»„「」"  # not ’ or ': "Jones’ plan" keeps its possessive
OPENING_QUOTES = "“«„「"
CLOSING_QUOTES = "”»」"
QUOTED_TERM = re.compile(r"[“«„「][^”»」]+[”»」]")  # a balanced pair inside the phrase
CAPITALISED = re.compile(rf"^(?:[{UPPER}]|(?:O|D|L)[’'][{UPPER}]|{HYPHENED_PARTICLE}[{UPPER}])")
TITLE_TOKEN = LanguagePattern(lambda w: rf"^(?:{w.role_title}|{w.qualifier})$")
ROLE_TITLE_TOKEN = LanguagePattern(lambda w: rf"^{w.role_title}$")
TITLE_PHRASE = LanguagePattern(lambda w: rf"^{w.title}$")  # "Prime Minister", "Deputy Health Minister"
INITIAL_TOKEN = re.compile(rf"^{INITIAL}$")
PARTICLE_TOKEN = LanguagePattern(lambda w: rf"^{w.particle}$")
SUFFIX_TOKEN = LanguagePattern(lambda w: rf"^{w.suffix}$")
# as each language writes them: "sabato" is a day, "Sabato" a surname
CALENDAR_TOKEN = LanguagePattern(lambda w: rf"^{w.any_of('months', 'days')}$")
MONTH_TOKEN = LanguagePattern(lambda w: rf"^{w.any_of('months')}$")
# a month inside a name is the name's ("Tessa May"): _is_name_token decides that word by word
NOT_A_NAME = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('organisation_words', 'place_words', 'days')}(?!\w)")
POSSESSIVE = re.compile(r"[’']s?$")
SURNAME_TITLES = set(VOCAB.surname_titles)
ACRONYM = re.compile(rf"[{UPPER}]{{2,}}")  # "RNC", "NAACP"
ORGANISATION = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('organisation_words')}(?!\w)")
POSSESSED_BODY = re.compile(rf"(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}[’']s?\s+(?:[a-z][\w\-]*\s+)?(?P<body>[a-z]+)")
PARTY_LABEL = re.compile(rf"^[{UPPER}]-[{UPPER}]")
LOWER_AFTER_HYPHEN = re.compile(r"\w-[a-z]")
ELIDED_ARTICLE = re.compile(r"^[^\W\d_]{1,5}[’'][a-zà-ÿ]{2,}")  # "Dall’ambasciata": an article or preposition
# A long word with an ending only common nouns have (German capitalises them: "Vereinbarung", "Moderatorin")
COMMON_NOUN = LanguagePattern(lambda w: rf"^[{UPPER}][\w\-]{{3,}}{w.any_of('noun_endings')}$(?<=\w{{8}})")
ADJECTIVE_ENDING = LanguagePattern(lambda w: rf"{w.any_of('adjective_endings')}$")
PARTICIPLE = re.compile(r"Ge[a-zäöüß]{3,}(?:te|ter|tes|ene|ener|enes)$")  # "Geprüfte", "Gewaschene"
INFLECTIONS = ("", "e", "er", "es", "en", "em")
INFLECTION = re.compile(r"(?:e|er|es|en|em)$")
PART_BREAK = LanguagePattern(lambda w: rf",|\s+{w.conjunction}\s+|\s+[-–—]\s+")
LEADING_DETERMINER = LanguagePattern(lambda w: rf"^{w.determiner}\s+")
PLACE_WORD = LanguagePattern(lambda w: w.any_of('place_words'))
PLACE_AFTER_NAME = LanguagePattern(lambda w: rf"(?<![\w.])[{UPPER}][a-zà-ÿ]+\s+({w.any_of('place_words')})(?!\w)")
DEMONYM = re.compile(r"(?:an|ans|ese|ish|ians)$")  # "Americans", "Chinese", "British": a people, not a surname
LOCATIVE = LanguagePattern(lambda w: rf"\b{w.locative_word}\s+(?P<place>[{UPPER}][\w’'\-]*"
                                      rf"(?:\s+[{UPPER}][\w’'\-]*){{0,2}})")
# "his wife, Marta, called", "Zorana, who won the award": one capitalised word that a role noun introduces, or that a
# relative pronoun only people take follows, names a person although no first name or title goes with it
LONE_AFTER_ROLE = LanguagePattern(lambda w: rf"(?<!\w)(?P<role>{w.any_of('role_nouns', 'male_nouns', 'female_nouns')}),"
                                            rf"\s+(?P<name>{NAME_WORD}),")
# "his wife Marta said", "her son Olek": a kin or role noun after a possessive, then one name word
LONE_AFTER_KIN = LanguagePattern(
    lambda w: rf"(?<!\w){w.determiner}\s+(?P<role>{w.any_of('male_nouns', 'female_nouns')})\s+(?P<name>{NAME_WORD})"
              rf"(?![\w’'\-]|\s+{NAME_WORD})")
NOUN_GENDER = {w.lower(): "male" for w in VOCAB.male_nouns} | {w.lower(): "female" for w in VOCAB.female_nouns}
LONE_BEFORE_RELATIVE = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])(?P<name>{NAME_WORD}),\s+{w.any_of('person_relatives')}(?!\w)")
# "Kelbian President Kazdağan called", "Präsident Kessler sagte": a title, then one name word, then the sentence goes
# on in lower case
LONE_AFTER_TITLE = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])(?P<role>{w.role_title}|{w.any_of('role_nouns')})\s+(?P<name>{NAME_WORD})"
              rf"(?=\s+[a-zà-ÿß])")
# "un alto cargo de defensa aclaró", "a senior official said": someone the article does not name speaks
UNNAMED_SPEAKER = LanguagePattern(
    lambda w: rf"(?<![\w’'])(?i:{w.any_of('indefinites')})\s+(?:[a-zà-ÿß][\w\-]*\s+){{1,5}}{w.speech_verbs}(?!\w)")
LONE_NAME_PATTERNS = (LONE_AFTER_ROLE, LONE_AFTER_KIN, LONE_BEFORE_RELATIVE, LONE_AFTER_TITLE)
# "Asked about the vote, Torvale didn't wait": one capitalised word right after a leading clause's comma,
# then a word the article also writes after a subject pronoun ("I didn't"), a verb: the clause's subject, a person
LONE_SUBJECT = re.compile(rf"(?<=,\s)(?P<name>{NAME_WORD})\s+(?P<verb>[a-zà-ÿ][\w’']+)")
HE_OR_SHE = re.compile(rf"(?<![\w’'])(?:{'|'.join(map(re.escape, PRONOUN_WORDS))})(?![\w’'])", re.IGNORECASE)
NO_VERBS = {w.lower() for w in VOCAB.conjunctions + VOCAB.prepositions + VOCAB.clause_words + VOCAB.determiners
            + VOCAB.relatives}  # "he and his wife", "they in turn": what follows a pronoun is not always its verb
SUBJECT_PRONOUNS = {w.lower() for w in VOCAB.male_pronouns + VOCAB.female_pronouns + VOCAB.plural_pronouns
                    + VOCAB.other_pronouns} - {w.lower() for w in VOCAB.relatives + VOCAB.demonstratives}
ROLE_WORDS = {w.lower() for w in VOCAB.role_nouns}
THINGS = {w.lower() for w in VOCAB.things}
TITLE_LINKS = {"of", "de", "di", "du", "des", "del", "do", "da", "für"}  # "Minister of", "Ministro de", "Chef de"
COMPOUND_ROLES = tuple({w.lower() for w in VOCAB.role_nouns + VOCAB.titles if " " not in w and len(w) > 3})
CLAUSE_WORDS = set(VOCAB.clause_words)
DESCRIBING_WORDS = {w.lower() for w in VOCAB.determiners}
# "used by Kim", "when Kim asked": a name after one of these is seldom a clause's subject
RELATIVES = set(VOCAB.relatives)
LINKING_WORDS = {w.lower() for w in VOCAB.clause_words + VOCAB.subordinators + VOCAB.prepositions}
PREPOSITIONS = {w.lower() for w in VOCAB.prepositions}
LOCATIVES = {w.lower() for w in VOCAB.locatives}
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}
NICKNAMED = re.compile(rf"({NAME_WORD})\s+[“\"‘'(]({NAME_WORD})[”\"’')]\s+({NAME_WORD})")  # Robert “Bobby” Lund
NAME_WORD_ALONE = re.compile(rf"(?<![\w’'\-]){NAME_WORD}(?![\w’'\-])(?!\s+{NAME_WORD})")
# after a role: the name of the person who holds it ("spokesman Tom Reyes", "friend at Harbour College, Ned Arlow",
# "Sprecher des Ministeriums, Jan Albers")
NAMED_AFTER = LanguagePattern(
    lambda w: rf"(?:\s+{w.any_of('prepositions', 'definite_articles')}\s+[^,.;:!?]{{1,60}},)?,?\s+{NAME_WORD}")
# "Unlike Ann Lee, he ...": a name right after a word that sets someone apart from the subject
# (or opening the mention: "Unlike Lee" reads as capitalised words)
AFTER_A_CONTRAST = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('contrasts', capitals=True)}\s+\Z")
OPENS_WITH_A_CONTRAST = LanguagePattern(lambda w: rf"{w.any_of('contrasts', capitals=True)}\s")
# what may stand in the run of role words right before a name: "the ministry’s | deputy press secretary, Ann Lee"
ROLE_RUN_BREAK = re.compile(r"[.;:!?()\[\]“”\"«»„]|\n|,(?=\s*\S)")


@dataclass
class Person:
    """One person the article quotes or names; every form of their name resolves to this."""

    name: str
    gender: str | None = None
    organisation: bool = False  # "Twitter said": speaks, but is never "he" or "she"


@dataclass(frozen=True)
class NameParts:
    """A phrase split into the words that describe the person (titles, roles) and the person's name."""

    titles: tuple[str, ...]
    name: str
    role: str = ""


def split_name(raw: str, article: ArticleWords | None = None) -> NameParts:
    """The person a phrase names, and the titles before the name: "Harbour Authority spokesman Tom Reyes" -> Tom
    Reyes; "Google's chief executive, Jane Roe," -> Jane Roe; "Dana K. Quill", "Jan van Albers" kept
    whole. Parts between commas are tried in order, the last name in a part wins (descriptions come first). With no
    name, the role phrase ("the company's managing director"). Places, organisations and sentence starts are no
    names."""
    raw = PARENTHESES.sub(" ", raw).strip()  # "Ann Lee (R)"
    raw = _drop_determiner(raw if QUOTED_TERM.search(raw) else raw.strip(QUOTE_MARKS))  # a stray mark: "“Ann Lee"
    parts = [_name_tokens(part) for part in PART_BREAK.split(raw)]
    # Parts that start like a name come first ("Jake Sullivan" before "In a statement to the Observer"); then the
    # others, nearest the speech verb first.
    named = [t for t in parts if t and CAPITALISED.match(t[0]) and t[0].lower() not in STOP_NAMES
             and all(TITLE_TOKEN.match(token) or _is_name_token(t, i, article) for i, token in enumerate(t))]
    # An appositive ("a former adviser in the Marsh White House") describes the person; its names come last.
    # Only one closed by a comma: "At the rally, the Lee supporter said" - there the last part is the subject.
    closed = parts[1:] if raw.rstrip().endswith(",") else parts[1:-1]
    subject_role = _role_part(PART_BREAK.split(raw)[-1]) if len(parts) > 1 and parts[-1] not in closed else None
    if subject_role and not named and _last_name_in(parts[-1], article) is None and not _titled(parts[0], article):
        return NameParts((), "", subject_role)  # "At the rally, the Lee supporter said": the supporter speaks
    appositive = [t for t in reversed(closed) if t and t not in named and t[0].lower() in DESCRIBING_WORDS]
    # a relative clause ("Ada Ferri, che dirige la Casa Verde") describes the name before it: its names come last
    appositive += [t for t in reversed(parts) if t and t not in named and t not in appositive and t[0] in RELATIVES]
    ordered = named + [t for t in reversed(parts) if t not in named and t not in appositive] + appositive
    # "Ann Lee of Kelby University and contributor to The Daily Sun": a name only after "of"/"to" in one part
    # describes; another part's own name comes first
    for described_too in (False, True):
        for tokens in ordered:
            found = _last_name_in(tokens, article, described_too)
            if found:
                return found
    first = PART_BREAK.split(raw)[0]
    titles = tuple(t for t in TOKEN.findall(first) if TITLE_TOKEN.match(t))
    return NameParts(titles, "", first.strip())


def _titled(tokens: list[str], article: ArticleWords | None) -> bool:
    """"New Jersey Gov. Ann Lee": a part that is a title and a name, after capitalised words only; the appositive
    after it ("a staunch Lee ally") describes that person."""
    found = _last_name_in(tokens, article) if tokens else None
    if found is None or not found.titles:
        return False
    before = " ".join(tokens)[: " ".join(tokens).find(found.name)].split()
    return all(CAPITALISED.match(word) for word in before)  # not "Regarding Mr. Lee's aides, the campaign said"


def _name_tokens(part: str) -> list[str]:
    """The words of a part without quote marks. A term in quote marks ("the “Harbour Boys” movement") is written
    in lower case, since a quoted term names no person; a quoted word inside a name is a nickname, left out
    ("Ann “Bo” Lee" is Ann Lee)."""
    tokens, quoted = [], False
    for token in TOKEN.findall(part):
        opens = token[:1] in OPENING_QUOTES
        closes = token[-1:] in CLOSING_QUOTES or token.rstrip(".,!?")[-1:] in CLOSING_QUOTES
        word = token.strip(QUOTE_MARKS)
        if opens and closes and len(word) > 1:
            if not (tokens and CAPITALISED.match(tokens[-1])):
                tokens.append(word.lower())
            continue
        quoted = quoted or (opens and not closes and QUOTED_TERM.search(part) is not None)
        tokens.append(word.lower() if quoted else word)
        quoted = quoted and not closes
    return tokens


def _role_part(part: str) -> str | None:
    """"the Lee supporter" -> "Lee supporter": a part led by a determiner and ending in a role noun."""
    match = LEADING_DETERMINER.match(part.strip())
    words = part.split()
    return part.strip()[match.end() :] if match and words[-1].lower() in ROLE_WORDS else None


def _drop_determiner(raw: str) -> str:
    """"The spokesman" -> "spokesman"; but "Le Garrec", "De Luca": a determiner that is also a name particle, before
    a capitalised word, starts a surname."""
    match = LEADING_DETERMINER.match(raw)
    if match and PARTICLE_TOKEN.match(match.group(0).strip().lower()) and CAPITALISED.match(raw[match.end() :]):
        return raw
    return raw[match.end() :] if match else raw


def _last_name_in(tokens: list[str], article: ArticleWords | None, described_too: bool = True) -> NameParts | None:
    # "a senior Lee adviser", "the New Jersey governor", "a New Hampshire Republican", "the Marsh White House": a
    # name before a role or title word describes the role; the role, not that name, is the person
    runs = [run for run in reversed(_runs(tokens, article))
            if not (run[1] < len(tokens) and _describes(tokens[run[1]]))]
    # "Ann Lee of the Harbour Institute for Coastal Studies": a name after "of"/"for" belongs to what describes the
    # name before it ("as Ann Lee of Harbour News": Ann Lee)
    first = min((run[0] for run in runs), default=0)
    described = [run for run in runs if run[0] > first and _after_clause_word(tokens, run[0], article)]
    if not described_too:  # only a name that no clause word describes ("contributor to The Harbour Review": not it)
        runs = [run for run in runs if not _after_clause_word(tokens, run[0], article)]
    for run_start, run_end in [run for run in runs if run not in described] + (described if described_too else []):
        run = _drop_leading_non_names(tokens[run_start:run_end], article)
        name = " ".join(run)
        if _is_person_name(name, tokens, run_end - len(run), article) and not _is_sentence_start_word(
                run, tokens, article):
            titles = tuple(t for t in tokens[: run_end - len(run)] if TITLE_TOKEN.match(t))
            return NameParts(titles, name)
    return None


def _after_clause_word(tokens: list[str], start: int, article: ArticleWords | None = None) -> bool:
    """"of Harbour News", "of The Daily Sun": a clause word, maybe with a determiner, before the name; or a
    particle that here says where the person before it is from ("von der Kelby University", _affiliation)."""
    before = tokens[max(0, start - 2) : start]
    particles = [i for i in range(max(1, start - 2), start) if PARTICLE_TOKEN.match(tokens[i])]
    return (bool(before) and (before[-1] in CLAUSE_WORDS or (
        len(before) == 2 and before[-1].lower() in DESCRIBING_WORDS and before[0] in CLAUSE_WORDS))) or (
        bool(particles) and _affiliation(tokens, particles[0], article))


def _describes(token: str) -> bool:
    """A role noun ("adviser", "media") or a title word ("Republican", "House") right after a name: the name
    describes what follows ("a senior Lee adviser"). Any other lower-case word may be the sentence's verb."""
    return (token.islower() and token.lower() in ROLE_WORDS) or bool(TITLE_TOKEN.match(token))


def _runs(tokens: list[str], article: ArticleWords | None) -> list[tuple[int, int]]:
    """Maximal stretches of name words, each starting with a capitalised word."""
    runs, i = [], 0
    while i < len(tokens):
        if _is_name_token(tokens, i, article) and CAPITALISED.match(tokens[i]):
            j = i + 1
            while j < len(tokens) and _is_name_token(tokens, j, article) and not _possessive(tokens[j - 1], article):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def organisation_in(raw: str) -> str | None:
    """"Twitter", "the Justice Department": a phrase that is all capitalised words, one of them an organisation's;
    such a speaker speaks for itself (no person is named). So does a person's office or campaign ("Lee’s office"),
    which is not that person."""
    phrase = LEADING_DETERMINER.sub("", PART_BREAK.split(raw.strip())[0].strip())
    body = POSSESSED_BODY.fullmatch(phrase)
    if body and ORGANISATION.fullmatch(body.group("body").capitalize()):
        return phrase
    tokens = TOKEN.findall(phrase)
    if 0 < len(tokens) <= 5 and all(CAPITALISED.match(t) for t in tokens) and ORGANISATION.search(phrase):
        return phrase
    return None


def _is_name_token(tokens: list[str], i: int, article: ArticleWords | None = None) -> bool:
    token = tokens[i]
    if _is_word_of_a_name(tokens, i, article):
        return True
    if TITLE_TOKEN.match(token) or _is_stop_word(token, article) or CALENDAR_TOKEN.match(token):
        return False
    if i > 1 and tokens[i - 1] in TITLE_LINKS and _is_title_or_role(tokens[i - 2]):
        return False  # "Chief of Staff", "Minister of Finance", "Chef de Mission": the title goes on
    if article is not None and not article.is_name_word(token):
        return False
    if PARTY_LABEL.match(token):
        return False  # "D-Conn.", "R-Texas": party and state after a lawmaker's name
    if LOWER_AFTER_HYPHEN.search(token):
        return False  # "Marsh-era", "Qaeda-linked": a description, not a name
    if (ELIDED_ARTICLE.match(token) and not (article is not None and article.is_proper(token))) or \
            is_common_noun(token, article):
        # "Dall’ambasciata", "L'associazione" (only a sentence's first word; "Chief Na'kesh said" capitalises a
        # name inside it); German nouns: "Vereinbarung", "Geborgenheit", "am Telefon"
        return False
    if SUFFIX_TOKEN.match(token) or INITIAL_TOKEN.match(token):
        return True
    if PARTICLE_TOKEN.match(token):
        return 0 < i < len(tokens) - 1 and _may_follow_a_particle(tokens[i + 1], article)
    return bool(CAPITALISED.match(token)) and not any(ch.isdigit() for ch in token)  # "NY1" is no name


def is_common_noun(token: str, article: ArticleWords | None) -> bool:
    """German nouns: by their ending ("Vereinbarung", "Geborgenheit"), or written after an article or a number
    ("am Telefon", "fünf Jahren")."""
    return bool(COMMON_NOUN.match(token)) or (article is not None and POSSESSIVE.sub("", token) in article.nouns)


def _may_follow_a_particle(token: str, article: ArticleWords | None = None) -> bool:
    """"Anna Wolf der Zeitung", "Ana Ruiz de la Fundación", "ohne Not den Rücken": after the particle an
    organisation or a common noun, so the particle is an article and the name ended before it."""
    return not NOT_A_NAME.search(token) and not is_common_noun(token, article)


def _is_title_or_role(token: str) -> bool:
    return bool(TITLE_TOKEN.match(token)) or token.lower() in ROLE_WORDS


def _is_word_of_a_name(tokens: list[str], i: int, article: ArticleWords | None) -> bool:
    """A title, particle or month that here is part of a name: "Mr. King", "Anna de Vries", "Tessa May"."""
    token = tokens[i]
    # "County Sheriff Joe Lee", "Chief of Staff": a title word before a name or before "of" is a title
    title_before_name = i + 1 < len(tokens) and (CAPITALISED.match(tokens[i + 1]) or tokens[i + 1] in CLAUSE_WORDS)
    # "Ann Bishop", "Mr. King"; but "District Judge", "RNC Chief": after a word the article writes in lower case
    # or after an acronym, a title
    before = tokens[i - 1] if i else ""
    after_name = i and (TITLE_TOKEN.match(before) or (CAPITALISED.match(before) and not (
        article is not None and article.is_common_word(before)) and not ACRONYM.fullmatch(before)))
    if token in SURNAME_TITLES and after_name and not title_before_name:
        return True  # "Mr. King", "Charlie King": a title word used as a surname
    if PARTICLE_TOKEN.match(token) and _particles_between_names(tokens, i, article):
        return True  # "Anna de Vries", "Jan van Albers": a particle between two name words
    return bool(MONTH_TOKEN.match(token) and i > 0 and (TITLE_TOKEN.match(tokens[i - 1]) or _is_name_token(
        tokens, i - 1, article)) and not (i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()))  # not "May 5"


def _particles_between_names(tokens: list[str], i: int, article: ArticleWords | None) -> bool:
    """"Anna de Vries", "Ulla von der Brack", "Juan de la Cruz": the particle at i, alone or one of two, stands
    between two name words."""
    start = end = i
    while start > 0 and i - start < 1 and PARTICLE_TOKEN.match(tokens[start - 1]):
        start -= 1
    while end + 1 < len(tokens) and end - start < 1 and PARTICLE_TOKEN.match(tokens[end + 1]):
        end += 1
    return start > 0 and end < len(tokens) - 1 and bool(CAPITALISED.match(tokens[start - 1])) and \
        bool(CAPITALISED.match(tokens[end + 1])) and _may_follow_a_particle(tokens[end + 1], article) and \
        not _affiliation(tokens, start, article)


def _affiliation(tokens: list[str], start: int, article: ArticleWords | None) -> bool:
    """"Naomi Kessel von der Kelby University", "Rede von Jan Albers": in a language that capitalises its nouns
    "von" after two name words, or after a common noun, says where someone is from or whose something is; a
    particle follows the first name ("Ulla von der Brack"), or a capitalised particle ("Alexander Van der Bellen")."""
    if article is None or not article.capitalises_nouns:
        return False
    before = tokens[start - 1]
    if is_common_noun(before, article):
        return True
    return start > 1 and not PARTICLE_TOKEN.match(before.lower()) and _is_name_token(tokens, start - 2, article) \
        and not _compound_role(tokens[start - 2])


def _is_stop_word(token: str, article: ArticleWords | None) -> bool:
    """A word of any language's stop list ("the", "dan") that this article also writes in lower case: "Dan" is a
    name in an English article, "then" in a Dutch one."""
    word = token.lower()
    return word in STOP_NAMES and (article is None or (
        (word in article.lower or word in article.stop_words) and token not in article.surnames_like_stop_words()))


def _possessive(word: str, article: ArticleWords | None) -> bool:
    """"Lee’s", and in German "Cottens" ("Ann Cottens Gedichte") where the article also writes "Cotten" as a name:
    the name of whoever owns what follows, not a speaker."""
    if POSSESSIVE.search(word):
        return True
    return article is not None and article.capitalises_nouns and len(word) > 4 and word.endswith("s") and \
        not word.endswith("ss") and article.is_proper(word[:-1]) and word[:-1] not in article.nouns and \
        not re.search(rf"(?<![\w’'\-]){re.escape(word)}\s+[a-zäöüß]", article.text)  # "Jesus nimmt", "Jesu"


def _is_person_name(name: str, tokens: list[str], start: int, article: ArticleWords | None) -> bool:
    if not name or _possessive(name.split()[-1], article) or (article and article.is_place(name)):
        return False
    if article is not None and " " not in name and not article.stands_alone(name):
        return False  # "National" of "Republican National Committee", "Wall" of "Wall Street": part of a longer name
    if article is not None and article.capitalises_nouns and name.lower() in ROLE_WORDS:
        return False  # German: "Virologe", "Philosoph" alone is a role, not a name
    if NOT_A_NAME.search(name) and not _place_as_surname(name.split(), tokens, start, article):
        return False
    end = start + len(name.split())
    if end < len(tokens) and tokens[end][:1].isdigit():
        return False  # "Article 5", "Section 230", "Route 66": a numbered thing, not a person
    before = tokens[start - 1] if start else ""
    # "South Dakota", "Hong Kong"; but "Secretary of State Ann Lee": a title word ends the title, not a place
    return not (CAPITALISED.match(before) and NOT_A_PERSON.fullmatch(before) and not TITLE_TOKEN.match(before))


def _place_as_surname(words: list[str], tokens: list[str], start: int, article: ArticleWords | None) -> bool:
    """"Rep. Ann Israel", "Mr. Israel", "Dana Paris": a place's name as the surname of a person, after a title or
    after a first name that the article never writes in lower case ("Latin America", "Central Texas" stay places).
    Not a people's name ("Asian Americans")."""
    if not PLACE_WORD.fullmatch(words[-1]) or DEMONYM.search(words[-1]) or ORGANISATION.fullmatch(words[-1]) or \
            len(words) > 3 or \
            NOT_A_PERSON.search(" ".join(words[:-1])):
        return False
    if start and TITLE_TOKEN.match(tokens[start - 1]):
        return True
    if len(words) == 1:
        return article is not None and words[0] in article.place_surnames
    return article is not None and words[0].lower() not in article.lower and words[0].lower() not in STOP_NAMES \
        and words[-1] not in article.located  # "Library and Archives Canada" where the article writes "in Canada"


def _is_sentence_start_word(run: list[str], tokens: list[str], article: ArticleWords | None) -> bool:
    """"Taking it in, X said", "Additionally, X said", "Giant screens showed:": one capitalised word opening the
    phrase that the article never capitalises inside a sentence starts the sentence; it is not a name
    ("Kessling" is: the article writes it inside sentences too)."""
    word = run[0]
    if len(run) != 1 or not tokens or tokens[0] != word or word.isupper():
        return False
    return article is not None and not article.is_proper(word)


def _drop_leading_non_names(run: list[str], article: ArticleWords | None) -> list[str]:
    """"Hammering Ann Lee", "Now Jane Doe": a leading -ing word, or a leading word that the article uses in
    lower case, is the sentence's start, not a first name, unless the article capitalises it inside a sentence
    ("Sterling Vane"). So is a role noun opening a sentence before a full name ("Actress Mara Vell said")."""
    if len(run) > 1 and _is_adjective(run[0], article):
        return run[1:] if len(run) > 2 else []  # "Alkoholische Getränke": an adjective and a noun, no name
    while len(run) > 1 and _opens_sentence(run, article):
        run = run[1:]
    if len(run) > 2 and run[0].lower() in ROLE_WORDS | NOUN_GENDER.keys() and run[0] not in SURNAME_TITLES:
        run = run[1:]
    roles = [i for i, word in enumerate(run[:-1]) if _compound_role(word)]
    return run[roles[-1] + 1 :] if roles else run


def _compound_role(word: str) -> bool:
    """"KHW-Generalsekretär", "Pressesprecherin", "Vicepresidente": a word made of something and a role (German
    writes them as one word) stands before the name as a title, not as part of it."""
    lower = word.lower()
    return any(lower.endswith(role) and len(lower) > len(role) + 1 for role in COMPOUND_ROLES)


def names_a_person(noun: str) -> bool:
    """"Grünen-Politiker", "Sprecherin", "Landesbischof", "Mitteilung": a noun for a person (a role, title or kin
    word, or a compound ending in one) or for a thing that speaks ("the statement"); not "Tempo" or "Wunder"."""
    word = noun.split()[-1] if noun.split() else ""
    lower = word.lower()
    return bool(TITLE_TOKEN.match(word)) or lower in ROLE_WORDS or lower in NOUN_GENDER or lower in THINGS \
        or _compound_role(word)


def _is_adjective(word: str, article: ArticleWords | None) -> bool:
    """In a language that capitalises its nouns, a word that the article capitalises only where a sentence starts
    and that ends like an adjective ("Alkoholische", "Gewaschene") or is one the article writes in lower case with
    another ending ("Grauer" beside "grau")."""
    if article is None or not article.capitalises_nouns or len(word) < 5 or article.is_proper(word):
        return False
    if ADJECTIVE_ENDING.search(word) or PARTICIPLE.match(word):
        return True
    stem = INFLECTION.sub("", word).lower()
    return len(stem) >= 4 and stem != word.lower() and any(stem + ending in article.lower for ending in INFLECTIONS)


def _opens_sentence(run: list[str], article: ArticleWords | None) -> bool:
    if article is None:
        return run[0].lower().endswith("ing")
    return not article.is_proper(run[0]) and (
        run[0].lower().endswith("ing") or (len(run) > 1 and article.is_common_word(run[0]))
        or (len(run) == 2 and _another_first_name(run, article)))


def _another_first_name(run: list[str], article: ArticleWords) -> bool:
    """"Ayer Ruiz dijo", "Hier Vidal a déclaré" after "Pablo Ruiz", "Paul Vidal": the article gave the surname
    another first name before, so the word before it (never capitalised inside a sentence) opens the sentence."""
    here, first_names = article.text.find(" ".join(run)), article.first_names_of(run[-1])
    return run[0] not in first_names and any(0 <= article.text.find(f"{first} {run[-1]}") < here
                                             for first in first_names)


def _own_language(lower: set[str]) -> str | None:
    """The language whose stop words the article uses most."""
    return max(available(), key=lambda language: len(stop_words_of(language) & lower), default=None)


@cache
def _words_before_no_lone_name(language: str | None) -> set[str]:
    """Determiners, prepositions and locatives of the article's language ("the Marrites, who", "in Delmar, who")."""
    words = vocabulary((language,)) if language else VOCAB
    return {w.lower() for w in words.determiners + words.clause_words + words.locatives}


@cache
def _subordinators(language: str | None) -> set[str]:
    """Words of the article's language that open a clause leading into the main one ("when", "as"), not "in"."""
    words = vocabulary((language,)) if language else VOCAB
    return {w.lower() for w in words.subordinators if w not in words.locatives}


@cache
def _title_genders(language: str | None) -> tuple[set[str], set[str]]:
    """The titles that say a person is a man, and a woman, in the article's language: "Senator" is a man's title in
    German, anyone's in English. Without a language, those of any language."""
    if language is None:
        return MALE_TITLES, FEMALE_TITLES
    words = vocabulary((language,))
    return {t.lower() for t in words.male_titles}, {t.lower() for t in words.female_titles}


def _capitalised_words(masked: str) -> tuple[set[str], set[str], set[str]]:
    """The capitalised words of the running text that stand inside a sentence (not first in it), all capitalised
    words of the running text, and those of its heading-like lines ("ESPN Fires Coach Over Post")."""
    proper: set[str] = set()
    in_prose: set[str] = set()
    in_headings: set[str] = set()
    for line in masked.splitlines():
        words = list(WORD.finditer(line))
        # "al-Kelbab", "bin Tarek": a name that opens with a particle joined by a hyphen is capitalised
        capitalised = [m for m in words if m.group(0)[0].isupper() or CAPITALISED.match(m.group(0))]
        if _is_heading_line(words, capitalised):
            in_headings.update(POSSESSIVE.sub("", m.group(0)) for m in capitalised)
            continue
        for match in capitalised:
            word = POSSESSIVE.sub("", match.group(0))
            in_prose.add(word)
            if not _starts_sentence(line, match.start()):
                proper.add(word)
    return proper, in_prose, in_headings


def _is_heading_line(words: list[re.Match], capitalised: list[re.Match]) -> bool:
    """Title case or capitals throughout: every longer word of the line is capitalised."""
    longer = [m for m in words if len(m.group(0)) > 3]
    return len(longer) >= 2 and all(m.group(0)[0].isupper() for m in longer)


def _starts_sentence(line: str, position: int) -> bool:
    """Nothing before the word on its line but a sentence's end, a colon or an opening quote mark. After a quote
    that ends in "!" or "?", the sentence goes on ("“Stop!” Lee said"); a label opens its line ("Lee: Yes.")."""
    before = line[:position].rstrip()
    if not before:
        return not LABEL.match(line, position)
    if before[-1] in OPENING or line[position - 1] in OPENING:
        return True
    quoted = before.rstrip(CLOSING)
    if len(quoted) < len(before):
        return quoted[-1:] in ("", ".", "…", ":")
    return before[-1] in (*SENTENCE_END, ":")


@cache
def _noun_marked(language: str | None) -> re.Pattern | None:
    """A capitalised word right after a word that only stands before a noun ("am Telefon", "kein Wunder", "vor fünf
    Jahren", "die entscheidenden Stellen"), in a language that lists such words (one that capitalises its nouns);
    with an adjective between them (an inflected ending, not a verb's past "-te": "das betonte Jan Albers") only
    when no capitalised word follows ("der frühere Minister Jan Albers" has its name after the noun)."""
    markers = vocabulary((language,)).noun_markers if language else ()
    if not markers:
        return None
    before = rf"(?<![\w’'\-])(?:(?i:{'|'.join(map(re.escape, markers))})|\d+(?:[.,]\d+)*(?!\.))\s+"
    word = rf"[{UPPER}][\w’'\-]*"
    adjective = r"(?!\w*ten?\s)[a-zäöüß][\w\-]{2,}(?:e|en|er|es|em)"
    return re.compile(rf"{before}(?:(?P<noun>{word})|{adjective}\s+(?P<described>{word})(?![\w’'\-]|\s+[{UPPER}]))")


def _written_as_nouns(text: str, language: str | None, proper: set[str]) -> set[str]:
    """The capitalised words the article writes as common nouns (_noun_marked), but not a marker that is a name's
    particle ("Van der Bellen", "von der Leyen") nor a word it also writes as a surname, right after a first name
    ("Tobias Kalmsen" besides "der optimistische Kalmsen")."""
    marked = _noun_marked(language)
    if marked is None:
        return set()
    nouns = set()
    for match in marked.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()].split()[-1:]
        if not (before and PARTICLE_TOKEN.match(before[0].lower())):
            nouns.add(POSSESSIVE.sub("", match.group("noun") or match.group("described")))
    surnames = {m.group(2) for m in re.finditer(rf"(?<![\w’'\-])(?=({NAME_WORD})\s+({NAME_WORD}))", text)
                if m.group(1) in proper and m.group(1) not in nouns and m.group(1).lower() not in STOP_NAMES}
    return nouns - surnames


def _places(text: str) -> set[str]:
    """Names the article mostly puts after "in"/"at": places. One "swinging at Ann Lee" among many "Ann Lee said"
    does not make a person a place."""
    after_locative = Counter(m.group("place") for m in LOCATIVE.finditer(text))
    return {name for name, count in after_locative.items()
            if 2 * count >= len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))}


class ArticleWords:
    """What the whole article says about words: which it also writes in lower case, which follow "in"/"from",
    which it capitalises inside a sentence (names), which only its headings capitalise."""

    def __init__(self, text: str) -> None:
        masked = mask_abbreviations(text)
        # where each sentence of the whole article starts (a quote that ends mid-sentence does not end it)
        # ("Rep. Bo Lee (D-Ore.) spoke": no sentence starts with a lower-case word)
        self.sentence_starts = [0, *(m.end() for m in re.finditer(rf"{SENTENCE_BREAK.pattern}|\n\s*\n", masked)
                                     if not masked[m.end() : m.end() + 1].islower())]
        self.text = text
        self.masked = masked
        self._alone: set[str] | None = None
        self._stop_surnames: set[str] | None = None
        self._roles_before: dict[str, list[tuple[str, int]]] = {}
        self.lower = {w for w in re.findall(r"\b[a-zà-ÿ][\w’'-]*", text)}
        self.language = _own_language(self.lower)
        self.stop_words = stop_words_of(self.language) if self.language else frozenset()
        self.places = _places(text)
        self.located = {m.group("place") for m in LOCATIVE.finditer(text)}  # "in Canada", "at Harbour Point"
        self.proper, in_prose, in_headings = _capitalised_words(masked)
        self.heading_only = in_headings - in_prose
        # "am Telefon", "kein Wunder": words the article writes as common nouns (German capitalises them)
        self.nouns = _written_as_nouns(text, self.language, self.proper)
        self.capitalises_nouns = _noun_marked(self.language) is not None
        # "Dana Paris" somewhere: "Paris, who worked there, said" is that person
        self.place_surnames = {match.group(1) for match in PLACE_AFTER_NAME.finditer(text)
                               if _place_as_surname(match.group(0).split(), [], 0, self)}

    def lone_names(self) -> dict[str, str | None]:
        """One-word names the article gives a person ("his wife, Marta,", "Zorana, who"), in order, with the gender a
        kin word gives them; not a word it also writes beside another name word ("Marta Lee", "Mr. Lee"), which the
        fuller name already covers."""
        matches = [m for pattern in LONE_NAME_PATTERNS for m in pattern.finditer(self.text)]
        found = sorted(((m.start("name"), m.group("name"), NOUN_GENDER.get((m.groupdict().get("role") or "").lower()))
                        for m in matches), key=lambda item: item[0])
        verbs = self._verbs_after_pronouns()
        found += [(m.start("name"), m.group("name"), None) for m in LONE_SUBJECT.finditer(self.text)
                  if m.group("verb") in verbs and m.group("verb") not in NO_VERBS
                  and re.split(r"[’']", m.group("name"))[0].lower() not in STOP_NAMES  # not "I’m"
                  and HE_OR_SHE.search(self.text, m.end(), m.end() + 200)]  # a person the text goes on about
        names: dict[str, str | None] = {}
        for start, name, gender in sorted(found, key=lambda item: item[0]):
            if self._is_lone_name(name, start):
                names[name] = names.get(name) or gender
        return names

    def _verbs_after_pronouns(self) -> set[str]:
        """The lower-case words the article writes right after a subject pronoun ("she didn't", "I hesitated")."""
        return {m.group(2) for m in re.finditer(r"(?<![\w’'])([^\W\d_]+)\s+([a-zà-ÿ][\w’']+)", self.text)
                if m.group(1).lower() in SUBJECT_PRONOUNS}

    def _is_lone_name(self, name: str, start: int) -> bool:
        before = [word for word in self.text[:start].split()[-1:] if not word.endswith(",")]
        titled = bool(before) and _is_title_or_role(before[0])
        if titled:
            before = []  # "President Kazdağan": a title before it, not a first name (nor a people: "Americans")
        if before and ((CAPITALISED.match(before[0]) and before[0].lower() not in STOP_NAMES)
                       or PARTICLE_TOKEN.match(before[0].lower()) or NOT_A_NAME.search(before[0])):
            return False  # "Ann Lee, who", "de Blasio, who", "New York, who": the end of a longer name
        if before and before[0].lower() in _words_before_no_lone_name(self.language):
            return False  # "the Marrites, who", "voters in Delmar, who": a noun, or a place "who" does not refer to
        if POSSESSIVE.search(name) or ACRONYM.search(name) or not self.is_proper(name) or name.lower() in self.lower \
                or name.lower() in STOP_NAMES or TITLE_TOKEN.match(name) or NOT_A_NAME.search(name) \
                or (DEMONYM.search(name) and not titled) or name in self.places:
            return False
        beside = re.finditer(rf"({NAME_WORD})\s+{re.escape(name)}(?!\w)|(?<!\w){re.escape(name)}\s+({NAME_WORD})",
                             self.text)
        return not any(self._is_name_beside(m.group(1) or m.group(2)) for m in beside)

    def _is_name_beside(self, word: str) -> bool:
        """"Ann" in "Ann Lee"; not "Meanwhile" in "Meanwhile Zorana" nor "The" in "The Lee": a word that is neither
        a stop word nor one the article writes in lower case."""
        word = POSSESSIVE.sub("", word)
        return bool(CAPITALISED.match(word)) and word.lower() not in STOP_NAMES and word.lower() not in self.lower \
            and not TITLE_TOKEN.match(word)  # "President Kazdağan": a title, not a first name

    def after_heading(self, phrase: str) -> str:
        """"... Keep Kelby Open" + a new line + "Dana Quill returned": a phrase that runs on from a heading's line
        into the text's is only its part after the line break; a name wrapped by hand across lines is kept."""
        start = self.text.find(phrase)
        head, _, tail = phrase.rpartition("\n")
        if start < 0 or not tail.strip():
            return phrase
        line = self.text[self.text.rfind("\n", 0, start + len(head)) + 1 : start + len(head)]
        words = list(WORD.finditer(re.split(r"[.:!?]\s", line)[-1]))  # its last sentence: "Lee: Make Roads Safe"
        return tail.strip() if _is_heading_line(words, [m for m in words if m.group(0)[0].isupper()]) else phrase

    def is_name_word(self, token: str) -> bool:
        """Not a word only the headings capitalise ("Fires" in "ESPN Fires Coach"), nor a word in capitals that the
        article also writes in lower case ("FULL TEXT", "BREAKING"): those are headings' words, not names."""
        word = POSSESSIVE.sub("", token)
        return word not in self.heading_only and not (
            len(word) > 1 and word.isupper() and word.lower() in self.lower)

    def is_proper(self, word: str) -> bool:
        """Capitalised inside a sentence somewhere in the running text: a name, not a sentence's first word."""
        return POSSESSIVE.sub("", word) in self.proper

    def sentence_of(self, position: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.lower and word.lower() not in ROLE_WORDS

    def is_place(self, name: str) -> bool:
        return name in self.places and len(name.split()) > 1

    def refers_back_to(self, role: str) -> int | None:
        """Where the article first writes this role with a definite article and no name after it ("the spokesman
        said"): a later mention of someone. The text's end when it writes the role only right before names ("said
        his best friend at Harbour College, Ned Arlow", however the speaker's phrase was cut): one of them. None
        when it also writes the role alone without a definite article ("a spokesman said": someone not named; "her
        friend said": not one the article named before)."""
        if not (role[:1].islower() or role.split()[-1].lower() in ROLE_WORDS) or not self.language:
            return None  # a role, in lower case ("spokesman") or as the language writes nouns ("Sprecher")
        definite = {w.lower() for w in vocabulary((self.language,)).definite_articles}
        pattern = rf"(?:(?<![\w’'])(?P<det>[\w’']+)\s+)?(?<![\w’'\-]){re.escape(role)}(?![\w’'\-])"
        mentions = [(m.start(), (m.group("det") or "").lower(), NAMED_AFTER.match(self.text, m.end()) is not None)
                    for m in re.finditer(pattern, self.text, re.IGNORECASE)]
        alone = [(at, determiner) for at, determiner, named in mentions if not named]
        back = [at for at, determiner in alone if determiner in definite]
        return back[0] if back else (len(self.text) if mentions and not alone else None)

    def first_epithet(self, role: str) -> tuple[int | None, str | None]:
        """Where the article first writes this role after a definite article that in its language may stand for
        the person written about ("el mandatario"), with no name after it, and the gender that article gives ("la
        titular": a woman); None if it never does, or also writes the role with an indefinite article."""
        words = vocabulary((self.language,)) if self.language else None
        if not words or not words.epithet_articles:
            return None, None
        role_at = rf"(?<![\w’'\-]){re.escape(role)}(?![\w’'\-])"
        if re.search(rf"(?<![\w’'])(?i:{'|'.join(map(re.escape, INDEFINITE_WORDS))})\s+{role_at}", self.text):
            return None, None
        articles = "|".join(map(re.escape, words.epithet_articles))
        for match in re.finditer(rf"(?<![\w’'])(?P<article>(?i:{articles}))\s*{role_at}", self.text):
            if NAMED_AFTER.match(self.text, match.end()) is None:
                article = match.group("article").lower()
                gender = "male" if article in words.male_articles else "female" if article in words.female_articles \
                    else None
                return match.start(), gender
        return None, None

    def stands_alone(self, word: str) -> bool:
        """Whether the article writes this capitalised word anywhere without another name word right after it:
        "Quill said", "Quill’s plan"; not "National" if it only writes "National Committee" and "National Guard"."""
        if re.search(r"[^\w’'\-]", word):  # "St.": not a word of one token
            pattern = rf"(?<![\w’'\-]){re.escape(word)}(?:[’']s?)?(?![\w’'\-])(?!\s+{NAME_WORD})"
            return re.search(pattern, self.text) is not None
        if self._alone is None:
            self._alone = {POSSESSIVE.sub("", m.group(0)) for m in NAME_WORD_ALONE.finditer(self.text)}
        return word in self._alone

    def nicknames(self) -> dict[str, str]:
        """"Bobby Lund" -> "Robert Lund": the names the article writes with a nickname in quote marks or brackets
        between first name and surname ("Robert “Bobby” Lund"), the nickname's form to the full one."""
        return {f"{m.group(2)} {m.group(3)}": f"{m.group(1)} {m.group(3)}" for m in NICKNAMED.finditer(self.text)}

    def named_later_as(self, role: str) -> set[str]:
        """The full names the article gives, after it first writes this role, right after a definite article and
        the role's head noun (with no word the role does not have): "The spokeswoman, Ada Kern," for "company
        spokeswoman"; not "The union's spokesman, Tom Reyes," for "company spokesman"."""
        words = role.lower().split()
        first = self.text.lower().find(role.lower())
        articles = vocabulary((self.language,)).definite_articles if self.language else ()
        if first < 0 or not articles:
            return set()
        pattern = (rf"(?<![\w’'])(?i:{'|'.join(map(re.escape, articles))})\s+(?P<between>(?:[\w’'\-]+\s+){{0,2}}?)"
                   rf"(?i:{re.escape(words[-1])}),?\s+(?P<name>{NAME_WORD}(?:{GAP}{NAME_WORD}){{1,3}})")
        return {m.group("name") for m in re.finditer(pattern, self.text[first:])
                if set(m.group("between").lower().split()) <= set(words)}

    def surnames_like_stop_words(self) -> set[str]:
        """"Dana Every, a strategist", "columnist Ivo Will": a stop word the article capitalises right after a
        first name (and before no other name word) is that person's surname, wherever it stands."""
        if self._stop_surnames is None:
            pairs = re.finditer(rf"(?<![\w’'\-])({NAME_WORD})\s+({NAME_WORD})(?![\w’'\-])(?!\s+{NAME_WORD})", self.text)
            self._stop_surnames = {m.group(2) for m in pairs if m.group(2).lower() in STOP_NAMES
                                   and m.group(2)[1:].islower() and self._is_first_name(m.group(1), inside=False)
                                   and not self._capitalised_sentence_start(m.group(1), m.group(2))}
        return self._stop_surnames

    def _capitalised_sentence_start(self, first: str, stop_word: str) -> bool:
        """German capitalises nouns, the polite "Sie" and a heading's next sentence's first word ("Entdecken Sie die
        Stadt", "Kalbeck Im Norden der Stadt"): there a stop word of the article's own language is no surname,
        and a first name is capitalised inside a sentence and no noun the article writes after an article."""
        return self.capitalises_nouns and (stop_word.lower() in self.stop_words or not self.is_proper(first)
                                           or first in self.nouns)

    def _is_first_name(self, word: str, inside: bool = True) -> bool:
        """Capitalised (`inside` a sentence somewhere), never in lower case; no stop word, title, role, place or
        organisation."""
        return (self.is_proper(word) or not inside) and self.is_name_word(word) and word.lower() not in self.lower and \
            word.lower() not in STOP_NAMES and word.lower() not in ROLE_WORDS and not (
                TITLE_TOKEN.match(word) or NOT_A_NAME.search(word) or POSSESSIVE.search(word))

    def first_names_of(self, word: str) -> set[str]:
        """The words the article writes right before this name word as a first name: capitalised inside a sentence,
        never in lower case, no title, role, place or organisation ("Jan" of "Jan Albers", not "President")."""
        found = set()
        for match in re.finditer(rf"(?<![\w’'\-])({NAME_WORD})\s+{re.escape(word)}(?![\w\-])", self.text):
            if self._is_first_name(match.group(1)):
                found.add(match.group(1))
        return found

    def roles_before(self, name: str) -> list[tuple[str, int]]:
        """"Prime Minister Ola Brekke", "the ministry’s spokesman, Tom Reyes": the role words the article writes
        right before a full name, and where, as "the prime minister" or "the spokesman" may later stand for that
        person."""
        if name not in self._roles_before:
            found: list[tuple[str, int]] = []
            for match in re.finditer(rf"(?<![\w’'\-]){re.escape(name)}(?![\w’'\-])", self.text):
                before = ROLE_RUN_BREAK.split(self.masked[max(0, match.start() - 80) : match.start()])[-1]
                found += [(phrase, match.start()) for phrase in role_phrases(before, self.language)]
            self._roles_before[name] = found
        return self._roles_before[name]


class People:
    """Resolves "President Dana Quill", "Quill", "the President" and "he" to one person."""

    def __init__(self, article: ArticleWords | None = None) -> None:
        self.article = article
        self.by_surname: dict[str, list[Person]] = {}  # everyone introduced with that surname, in order
        self.by_full: dict[str, Person] = {}  # "ann lee" -> that person
        self.by_role: dict[str, Person] = {}
        self.holders: dict[str, list[Person]] = {}  # everyone given a title or role, in order ("minister")
        # (offset in the input, person, offset of the sentence, followed by a speech verb), narration only
        self.mentions: list[tuple[int, Person, int, bool]] = []
        for name, gender in (article.lone_names() if article is not None else {}).items():
            self.by_surname.setdefault(surname(name), []).append(Person(name, gender))

    def register(self, raw: str) -> Person | None:
        """Add a name seen with a title or next to a speech verb; return its person."""
        if "\n" in raw and self.article is not None:
            raw = self.article.after_heading(raw)
        parts = split_name(raw, self.article)
        if not parts.name:
            return self.lookup(raw)
        gender = _gender_of(parts.titles, self.article) or _noun_gender(raw[: raw.find(parts.name)])
        person = self.by_full.get(parts.name.lower()) or self._bearer(parts.name, gender)
        if person is None:
            person = Person(parts.name)  # "Ruth Marsh" after "Tom Marsh": someone else
            self.by_surname.setdefault(surname(parts.name), []).append(person)
        elif _lengthens(person.name, parts.name):
            person.name = parts.name
        if len(parts.name.split()) > 1:
            self.by_full[parts.name.lower()] = person
        for title in parts.titles:
            self._hold(title.lower().rstrip("."), person)
        person.gender = gender or person.gender
        return person

    def lookup(self, raw: str, offset: int | None = None) -> Person | None:
        """The known person a phrase names (a name form, a role, a title) at `offset` in the article, if known."""
        parts = split_name(raw, self.article)
        if parts.name:
            person = self.by_full.get(parts.name.lower()) or self._bearer(
                parts.name, _gender_of(parts.titles, self.article), offset)
            if person:
                return person
        stripped = re.sub(r"^(?:the|The|le|la|Le|La|son|sa|his|her)\s+", "", raw.strip())
        phrase = stripped.lower().rstrip(".")
        if phrase in self.by_role:
            return self._latest_holder(phrase, offset) or self.by_role[phrase]
        words = stripped.split()
        if parts.titles and not parts.name and all(TITLE_TOKEN.match(word) for word in words):
            title = parts.titles[-1].lower().rstrip(".")  # "the Senator"; not "the former pollster"
            return self._latest_holder(title, offset) or self.by_role.get(title)
        if len(words) == 1 and CAPITALISED.match(stripped):
            return self._bearer(stripped, None, offset)  # "Israel said" after "Rep. Tom Israel"
        return None

    def organisation(self, name: str) -> Person:
        """The one speaker an organisation is ("WEEI said", "Kelby Power said ... it said"), the same each time the
        article has it speak."""
        return self.by_role.setdefault(name.lower(), Person(name, organisation=True))

    def _hold(self, role: str, person: Person) -> None:
        self.by_role.setdefault(role, person)
        if person not in self.holders.setdefault(role, []):
            self.holders[role].append(person)

    def _latest_holder(self, role: str, offset: int | None) -> Person | None:
        """"Foreign Minister Ada Vorn ... Prime Minister Teo Brask ... Vorn said ... 'the minister said'": of several
        people with the role, the one the article mentioned last before `offset`."""
        holders = self.holders.get(role, [])
        if len(holders) < 2 or offset is None:
            return None
        return next((mention[1] for mention in reversed(self.mentions)
                     if mention[0] < offset and mention[1] in holders), None)

    def _bearer(self, name: str, gender: str | None = None, offset: int | None = None) -> Person | None:
        """The known person a name form fits: "Ruth Marsh" fits "Marsh" or "R. Marsh", not "Tom Marsh". A lone
        surname that several people share ("Mr. Marsh") goes to the one of that gender named in full last in the
        same paragraph, else to the one the article introduced first: news calls its main person by surname and
        the relatives it brings in later by their full or first names."""
        fitting = [person for person in self.by_surname.get(surname(name), [])
                   if _compatible(person.name, name) or _compatible(name, person.name)]
        # "Mrs. Vell" is not Mr. Vell: a title's gender keeps apart the people sharing a surname, and picks the one
        # known to be of that gender over one whose gender the article has not given
        if gender is not None:
            fitting = [person for person in fitting if person.gender in (None, gender)]
            fitting = [person for person in fitting if person.gender == gender] or fitting
        if len(fitting) < 2 or self.article is None:
            return fitting[0] if fitting else None
        text = self.article.text
        if offset is not None:
            paragraph = text.rfind("\n", 0, offset) + 1
            latest = max(fitting, key=lambda person: text.rfind(person.name, paragraph, offset))
            if text.rfind(latest.name, paragraph, offset) >= 0:
                return latest
        return min(fitting, key=lambda person: text.find(person.name) % (len(text) + 1))  # not found: last

    def add_role(self, phrase: str, person: Person) -> None:
        phrase = re.sub(r"^(?:the|a|an|son|sa|le|la|its|his|her)\s+", "", phrase.strip(), flags=re.I).lower()
        if 2 < len(phrase) < 60:
            self._hold(phrase, person)
        person.gender = person.gender or _noun_gender(phrase.split(",")[0])  # "Ann Lee, a spokeswoman for the club"

    def settle(self, speakers) -> None:
        """One name per person, the fullest the article gives: a lone first name ("Ruth said"), surname ("Mrs.
        Marsh", of her gender) or first surname ("Ortiz" for "Lucía Ortiz Ferrer") that belongs to exactly one fuller
        name among the people the article names becomes that name; so does a role the article refers back to ("the
        spokesman") when it links that role to one name ("the ministry's spokesman, Tom Reyes") or to one longer
        role ("a Kelby Mills executive")."""
        bearers = [person for people in self.by_surname.values() for person in people]
        known = {id(person): person for person in [*self.by_full.values(), *bearers, *speakers]}
        fuller = [person for person in known.values()
                  if len(person.name.split()) > 1 and not person.organisation and person.name[:1].isupper()]
        unique = list({id(person): person for person in speakers}.values())
        for person in unique:
            if len(person.name.split()) == 1 and not person.organisation and person.name[:1].isupper():
                person.name = _fullest(person, fuller) or self._written_in_full(person.name, fuller) or person.name
                if len(person.name.split()) > 1 and person not in fuller:  # a role ("resident") is no lone name
                    fuller.append(person)
        nicknames = self.article.nicknames() if self.article is not None else {}
        for person in unique:
            person.name = nicknames.get(person.name, person.name)  # "Bobby Lund" of "Robert “Bobby” Lund"
        for person in unique:
            if self.article is not None and not person.organisation:
                person.name = self._role_holder(person.name, fuller, unique) or self._epithet_of(person.name) \
                    or person.name

    def _role_holder(self, role: str, fuller: list[Person], speakers: list[Person]) -> str | None:
        """Who a role speaker is: the one the article named with that role before "the ROLE" refers back to it,
        else the one it names later as "the ROLE, NAME" ("a company spokeswoman said ... The spokeswoman, Ada
        Kern, added")."""
        back = self.article.refers_back_to(role)
        named = self._named_role(role, back, fuller, speakers) if back is not None else None
        if named or not role[:1].islower() or role.split()[0].lower() in INDEFINITE_WORDS:
            return named  # "another official" is someone else
        later = self.article.named_later_as(role)
        return later.pop() if len(later) == 1 else None

    def _epithet_of(self, role: str) -> str | None:
        """"dijo el mandatario", "der Grünen-Politiker sagte", when the article links the role to no name: in a
        language whose news names a person once and then varies the words for them, the person the article wrote
        about last (as a he or she would refer) before it first writes the role with a definite article; not a role
        it also writes with an indefinite one ("un funcionario": someone not named)."""
        if not (role[:1].islower() or names_a_person(role)):
            return None
        back, gender = self.article.first_epithet(role)
        person = self.last_mentioned(back, _noun_gender(role) or gender) if back is not None else None
        if not person or len(person.name.split()) == 1 or person.organisation:
            return None
        since = max((at for at, mentioned, *_ in self.mentions if mentioned is person and at < back), default=0)
        # "un alto cargo ... aclaró ... manifestó el funcionario": someone unnamed spoke since
        return None if UNNAMED_SPEAKER.search(self.article.text, since, back) else person.name

    def _written_in_full(self, word: str, fuller: list[Person]) -> str | None:
        """"Jan Albers" for "Albers said" when no one the article names in full has that surname or first name, but
        it writes one full name ending in it ("Sprecher Jan Albers sprach", "Dana Quill’s campaign")."""
        if self.article is None or any(word.lower() in (surname(p.name), p.name.split()[0].lower()) for p in fuller):
            return None
        firsts = self.article.first_names_of(word)
        return f"{firsts.pop()} {word}" if len(firsts) == 1 else None

    def _named_role(self, role: str, back: int, fuller: list[Person], speakers: list[Person]) -> str | None:
        """What "the ROLE" at `back` refers to: of the people the article named with this role before it
        ("spokesman Tom Reyes") and the longer roles among the speakers that end in it ("a Kelby Mills executive"
        for "the executive"), the one it last mentioned before, within the paragraph before."""
        text = self.article.text
        named = {person.name for person in fuller
                 if any(phrase == role.lower() and at < back for phrase, at in self.article.roles_before(person.name))}
        # "a Kelby Mills executive" for "the executive"; "source gouvernementale" for "cette source" (the adjective
        # after the noun)
        longer = {person.name for person in speakers
                  if (person.name.endswith(f" {role}") or person.name.startswith(f"{role} "))
                  and person.name.split()[-1].islower() and 0 <= _first_place(text, person.name) < back}
        if back == len(text) and len(named | longer) > 1:
            return None  # only ever right before names, and several of them: which one is not known
        found = [(_last_place(text, surname(name) if name in named else name, back), name) for name in named | longer]
        latest = max(found, default=(-1, None))
        if back < len(text) and len(re.findall(r"\n\s*", text[latest[0] : back])) > 2:
            return None  # last mentioned paragraphs before: "the senator" is more likely someone named since
        return latest[1]

    def last_mentioned(self, offset: int, gender: str | None, since: int = 0) -> Person | None:
        """The person a pronoun at `offset` refers to, in the latest sentence before it that names someone of that
        gender: among the people of its main clause (not named after a preposition or a linking word, nor inside a
        leading or a relative clause: "the term used by Kim, Lee fought back", "Lee frowned when Kim asked", "a text
        that Kim sent to Lee"), the one the sentence says spoke ("X said"), else the first (the subject, more often).
        Never one set apart from the subject ("Unlike Kim, he ...")."""
        fitting = [mention for mention in self.mentions
                   if since <= mention[0] < offset and (gender is None or mention[1].gender in (None, gender))
                   and not (gender and mention[1].organisation) and not self._set_apart(mention[0])]
        if not fitting:
            return None
        sentence = self.article.sentence_of if self.article else None
        if sentence:  # the sentence in the whole article, not in the narration piece between two quotes
            latest = [mention for mention in fitting if sentence(mention[0]) == sentence(fitting[-1][0])]
            main = [mention for mention in latest if not _after_a_linking_word(self.article.text, mention[0])
                    and not _in_a_leading_clause(self.article.text, sentence(mention[0]), mention[0])
                    and not _in_a_relative_clause(self.article.text, sentence(mention[0]), mention[0])]
            if main:
                return ([mention for mention in main if mention[3]] or main)[0][1]
            start = sentence(fitting[-1][0])
            if gender and (_only_places(self.article.text, latest)
                           or _pronoun_between(self.article.text, start, latest[0][0], gender)):
                earlier = self._named_in_a_main_clause_before(start, gender, since)
                if earlier:
                    return earlier
            # "a text that Kim sent to Lee": one named in a relative clause only after the others
            latest.sort(key=lambda mention: _in_a_relative_clause(self.article.text, start, mention[0]))
        else:
            latest = [mention for mention in fitting if mention[2] == fitting[-1][2]]
        speaking = [mention for mention in latest if mention[3] and not self._in_subordinate_clause(mention[0])]
        return (speaking or latest)[0][1]

    def _set_apart(self, position: int) -> bool:
        """"Unlike Ann Lee, he has no work": a name set apart from the sentence's subject is not whom a he or
        she refers to."""
        text = self.article.text if self.article is not None else ""
        return bool(text) and (AFTER_A_CONTRAST.search(text, max(0, position - 30), position) is not None
                               or OPENS_WITH_A_CONTRAST.match(text, position) is not None)

    def _named_in_a_main_clause_before(self, start: int, gender: str | None, since: int) -> Person | None:
        """"Lee chairs the board. It is what she said it will write to Kim. 'We will,' she said": when the latest
        sentence names people only after a preposition, and a "she" there already stands for someone before them,
        the "she" is the subject of a sentence before it."""
        if start <= since or not any(since <= mention[0] < start for mention in self.mentions):
            return None
        person = self.last_mentioned(start, gender, since)
        latest = [mention for mention in self.mentions if since <= mention[0] < start and mention[1] is person]
        text = self.article.text
        return person if latest and not _after_a_linking_word(text, latest[-1][0]) else None

    def _in_subordinate_clause(self, position: int) -> bool:
        """"Reyes doubted it when Vell asked": a name right after "when", "as", "after" speaks in a clause leading
        into or hanging off the main one; the main clause's subject is who goes on speaking."""
        before = self.article.text[max(0, position - 20) : position].split() if self.article else []
        return bool(before) and before[-1].lower() in _subordinators(self.article.language)


def _pronoun_between(text: str, start: int, end: int, gender: str) -> bool:
    """Whether a he/she of this gender stands in text[start:end]."""
    return any(PRONOUN_WORDS.get(word) == gender for word in re.findall(r"[\w’']+", text[start:end].lower()))


def _only_places(text: str, mentions: list) -> bool:
    """"The crash was in Kelby Downs": names that all stand right after "in", "at", "near" are where something
    happened, whatever else the article lets them do; a he/she goes back to a person named before."""
    before = [text[max(0, mention[0] - 30) : mention[0]].lower().split()[-1:] for mention in mentions]
    return all(words and words[0] in LOCATIVES for words in before)


def _after_a_linking_word(text: str, position: int) -> bool:
    before = text[max(0, position - 30) : position].lower().split()[-1:]
    return bool(before) and before[0] in LINKING_WORDS


def _in_a_leading_clause(text: str, sentence: int, position: int) -> bool:
    """"Asked about Kim's plan, Lee ...", "But pressed on Kim's role, Lee ...": a name before the first comma of a
    sentence that opens with a linking word or a participle (a word ending in -ed or -ing, after a conjunction)."""
    opening = text[sentence:position]
    words = opening.split()[:2]
    if len(words) == 2 and words[0].lower() in STOP_NAMES - DESCRIBING_WORDS:
        words = words[1:]  # "But", "And"; not "The" ("The embattled Ann Lee, ...")
    first = words[0].lower() if words else ""
    return bool(first) and (first in LINKING_WORDS or first.endswith(("ed", "ing"))) and "," not in opening


def _in_a_relative_clause(text: str, sentence: int, position: int) -> bool:
    """"a text message that captain Kim sent to Lee", "Ann Lee, who met Bo Park, said": a name a few words after a
    relative word inside its clause (not the sentence's first word: "That includes ...") describes something else;
    it is not the subject of the sentence."""
    clauses = re.split(r"[,;:()\[\]–—]", text[sentence:position])
    words = clauses[-1].split()
    return any(word in RELATIVES for i, word in enumerate(words)
               if i >= len(words) - 5 and (i > 0 or len(clauses) > 1))


def _gender_of(titles: tuple[str, ...], article: ArticleWords | None = None) -> str | None:
    """"Mr." -> male, "Congresswoman" -> female: the gender the titles give in the article's language, if any."""
    male, female = _title_genders(article.language if article is not None else None)
    for title in titles:
        if title.lower() in male:
            return "male"
        if title.lower() in female:
            return "female"
    return None


def _noun_gender(phrase: str) -> str | None:
    """"White House spokeswoman", "his wife": the gender a noun in a phrase about a person gives, if one does."""
    found = {NOUN_GENDER[word] for word in re.findall(r"[\w’']+", phrase.lower()) if word in NOUN_GENDER}
    return found.pop() if len(found) == 1 else None


def _fullest(person: Person, fuller: list[Person]) -> str | None:
    """The one fuller name a lone name belongs to: as its surname, else as its first name, else as a first surname
    ("Ortiz" in "Lucía Ortiz Ferrer"); of the person's gender when a title gave it ("Mrs. Marsh")."""
    word = person.name.lower()
    for fits in (lambda words: surname(" ".join(words)) == word, lambda words: words[0].lower() == word,
                 lambda words: word in (w.lower() for w in words[1:-1])):
        matches = [other for other in fuller if fits(other.name.split())]
        if person.gender is not None:
            matches = [other for other in matches if other.gender in (None, person.gender)]
            matches = [other for other in matches if other.gender == person.gender] or matches
        if matches:
            names = {other.name for other in matches}
            return names.pop() if len(names) == 1 else None
    return None


def _first_place(text: str, phrase: str) -> int:
    """Where a phrase first stands in the text, or its first word when something comes between its words ("the
    Vox Nova (New Voice) column" for "Vox Nova column"); -1 if nowhere."""
    at = text.find(phrase)
    return at if at >= 0 else text.find(phrase.split()[0])


def _last_place(text: str, word: str, before: int) -> int:
    """Where the text last writes a word or phrase (in any case) before a position."""
    found = [m.start() for m in re.finditer(rf"(?<![\w’'\-]){re.escape(word)}(?![\w\-])", text[:before], re.I)]
    return found[-1] if found else -1


def role_phrases(before: str, language: str | None = None) -> list[str]:
    """"deputy press secretary" -> "deputy press secretary", "press secretary", "secretary": the words naming a role
    that end a phrase before a name (a role noun or title last, no determiner or possessor among them), with their
    shorter endings, also before what the role is of ("his best friend at Harbour College, "); none when the phrase
    does not end in a role ("said Ann Lee", "on Monday, Ann Lee"). An abbreviated title is read in full, as the
    article's language writes it ("Gov." -> "governor")."""
    words = before.replace("\u2024", ".").rstrip(", ").split()
    if words and language:
        words[-1] = _title_in_full(words[-1], language)
    phrases = _role_run(words)
    cut = max((i for i, word in enumerate(words) if word in PREPOSITIONS), default=0)
    return phrases or (_role_run(words[:cut]) if cut else [])


def _role_run(words: list[str]) -> list[str]:
    titled = _title_words(words)
    run: list[str] = []
    for i in reversed(range(len(words))):
        word, bare = words[i], words[i].rstrip(".").lower()
        if POSSESSIVE.search(word) or bare in DESCRIBING_WORDS or bare in STOP_NAMES or not (
                word.islower() or i in titled or bare in ROLE_WORDS):
            break
        run.insert(0, bare)
    if not run or not (run[-1] in ROLE_WORDS or run[-1] in NOUN_GENDER or ROLE_TITLE_TOKEN.match(words[-1])):
        return []
    return [" ".join(run[i:]) for i in range(len(run)) if run[i] not in LINKING_WORDS]


@cache
def _title_in_full(word: str, language: str) -> str:
    """"Gov." -> "Governor", "Sen." -> "Senator": the one title of the language, also a role noun, that the
    abbreviation begins."""
    stem = word.rstrip(".").lower()
    if not word.endswith(".") or len(stem) < 2:
        return word
    words = vocabulary((language,))
    roles = {noun.lower() for noun in words.role_nouns}
    full = {title for title in words.titles if title.lower() in roles and title.lower().startswith(stem)}
    return full.pop() if len(full) == 1 else word


def _title_words(words: list[str]) -> set[int]:
    """The positions of the words that are part of a title ("Prime Minister", "Rep.")."""
    return {k for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)
            if TITLE_PHRASE.match(" ".join(words[i:j])) for k in range(i, j)}


def _lengthens(known: str, new: str) -> bool:
    """"Kern" -> "Ada Kern", "Ann Lee" -> "Ann B. Lee", "Vargas Lora" -> "Ines Vargas Lora": a fuller form of the
    same name (middle names, or one first name before a known name); not "Ann Lee" -> "Bo Hits Ann Lee" (capitalised
    words before a full name are a heading's)."""
    old, longer = known.split(), new.split()
    return len(longer) > len(old) and (len(old) == 1 or old[0] == longer[0] or len(longer) == len(old) + 1)


def _compatible(short: str, full: str) -> bool:
    """"Marsh" and "Ruth Marsh" are one person; "Tom Marsh" and "Ruth Marsh" are not."""
    a, b = short.split(), full.split()
    return (len(a) == 1 or a[0].rstrip(".") == b[0].rstrip(".") or b[0].startswith(a[0].rstrip("."))
            or [w.lower() for w in a] == [w.lower() for w in b[-len(a) :]])  # "Le Garrec", "Marie Le Garrec"


def surname(name: str) -> str:
    words = [w for w in name.split() if not SUFFIX_TOKEN.match(w)] or name.split()
    return words[-1].lower().replace("'", "’").rstrip(",")
