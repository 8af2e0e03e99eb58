"""Person names in a phrase: pick the person's name out of "Harbour Authority spokesman Tom Reyes", keep initials and
particles ("Dana K. Quill", "van der Berg"), and reject what only looks like a name (places, organisations, roles,
capitalised sentence starts, a language's capitalised nouns). What the whole article says about a word comes from
article_words.ArticleWords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefing.lang import vocabulary
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import (
    HYPHENED_PARTICLE,
    INITIAL,
    NAME_WORD,
    NOT_A_PERSON,
    STOP_NAMES,
    UPPER,
    VOCAB,
    LanguagePattern,
)

if TYPE_CHECKING:
    from briefing.segment.article_words import ArticleWords


TOKEN = re.compile(r"[^\s,;:()]+")
PARENTHESES = re.compile(r"\([^()]*\)")
QUOTE_MARKS = "“”\"«»„「」"  # not ’ or ': "Jones’ plan" keeps its possessive
OPENING_QUOTES = "“«„「"
CLOSING_QUOTES = "”»」"
QUOTED_TERM = re.compile(r"[“«„「][^”»」]+[”»」]")  # a balanced pair inside the phrase
CAPITALISED = compiled(rf"^(?:[{UPPER}]|(?:O|D|L)[’'][{UPPER}]|{HYPHENED_PARTICLE}[{UPPER}])")
TITLE_TOKEN = LanguagePattern(lambda w: rf"^(?:{w.role_title}|{w.qualifier})$")
ROLE_TITLE_TOKEN = LanguagePattern(lambda w: rf"^{w.role_title}$")
TITLE_PHRASE = LanguagePattern(lambda w: rf"^{w.title}$")  # "Prime Minister", "Deputy Health Minister"
INITIAL_TOKEN = compiled(rf"^{INITIAL}$")
PARTICLE_TOKEN = LanguagePattern(lambda w: rf"^{w.particle}$")
SUFFIX_TOKEN = LanguagePattern(lambda w: rf"^{w.suffix}$")
# as each language writes them: "sabato" is a day, "Sabato" a surname
CALENDAR_TOKEN = LanguagePattern(lambda w: rf"^{w.any_of('months', 'days')}$")
MONTH_TOKEN = LanguagePattern(lambda w: rf"^{w.any_of('months')}$")
# a month inside a name is the name's ("Tessa May"): _is_name_token decides that word by word
NOT_A_NAME = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('organisation_words', 'place_words', 'days')}(?!\w)")
POSSESSIVE = re.compile(r"[’']s?$")
SURNAME_TITLES = set(VOCAB.surname_titles)
ACRONYM = compiled(rf"[{UPPER}]{{2,}}")  # "RNC", "NAACP"
ORGANISATION = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('organisation_words')}(?!\w)")
POSSESSED_BODY = compiled(rf"(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}[’']s?\s+(?:[a-z][\w\-]*\s+)?(?P<body>[a-z]+)")
PARTY_LABEL = compiled(rf"^[{UPPER}]-[{UPPER}]")
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
DEMONYM = re.compile(r"(?:an|ans|ese|ish|ians)$")  # "Americans", "Chinese", "British": a people, not a surname
NOUN_GENDER = {w.lower(): "male" for w in VOCAB.male_nouns} | {w.lower(): "female" for w in VOCAB.female_nouns}
ROLE_WORDS = {w.lower() for w in VOCAB.role_nouns}
THINGS = {w.lower() for w in VOCAB.things}
TITLE_LINKS = {"of", "de", "di", "du", "des", "del", "do", "da", "für"}  # "Minister of", "Ministro de", "Chef de"
COMPOUND_ROLES = frozenset(w.lower() for w in VOCAB.role_nouns + VOCAB.titles if " " not in w and len(w) > 3)
COMPOUND_ROLE_LENGTHS = sorted({len(role) for role in COMPOUND_ROLES})  # the endings looked up in a word
CLAUSE_WORDS = set(VOCAB.clause_words)
DESCRIBING_WORDS = {w.lower() for w in VOCAB.determiners}
ARTICLE_WORDS = {w.lower() for w in VOCAB.articles}
ROLE_LINK = LanguagePattern(lambda w: w.any_of("role_links"))  # "el candidato de ...": whose the role is
# "used by Kim", "when Kim asked": a name after one of these is seldom a clause's subject
RELATIVES = set(VOCAB.relatives)
LINKING_WORDS = {w.lower() for w in VOCAB.clause_words + VOCAB.subordinators + VOCAB.prepositions}
PREPOSITIONS = {w.lower() for w in VOCAB.prepositions}


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
    # Parts that start like a name come first ("Dara Quill" before "In a note sent to the Kelby Star"); then the
    # others, nearest the speech verb first.
    named = [t for t in parts if t and CAPITALISED.match(t[0]) and t[0].lower() not in STOP_NAMES
             and all(TITLE_TOKEN.match(token) or _is_name_token(t, i, article) for i, token in enumerate(t))]
    # An appositive ("once an aide in the Marsh White House") describes the person; its names come last.
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
        if _role_of_an_organisation(tokens, run_end - len(run), run):
            continue
        if _is_person_name(name, tokens, run_end - len(run), article) and not _is_sentence_start_word(
                run, tokens, article):
            titles = tuple(t for t in tokens[: run_end - len(run)] if TITLE_TOKEN.match(t))
            return NameParts(titles, name)
    return None


def _role_of_an_organisation(tokens: list[str], start: int, run: list[str]) -> bool:
    """"der Konzernchef von KLB", "el director de KLB": after a role noun, a particle says whose role it is, and an
    acronym after it is an organisation, not a noble surname ("von der Brack"). In a language that writes roles in
    lower case and links them with such a word ("el candidato de Avanza Norte", "la moglie di Ugo Sala"), what
    follows is whose role it is, whatever it is: the role speaks."""
    at = start if run and PARTICLE_TOKEN.match(run[0]) else start - 1
    link = start - 1  # "el portavoz de la Guardia Civil": the link, then an article and capitalised words
    while link > 0 and not ROLE_LINK.fullmatch(tokens[link]) and (
            tokens[link].lower() in ARTICLE_WORDS or CAPITALISED.match(tokens[link])):
        link -= 1
    role = tokens[link - 1] if link >= 1 and ROLE_LINK.fullmatch(tokens[link]) else ""
    if role.islower() and is_role_noun(role):
        return True
    return at >= 1 and PARTICLE_TOKEN.match(tokens[at]) is not None and is_role_noun(tokens[at - 1]) \
        and any(len(word) > 1 and word.isupper() for word in run)


def is_role_noun(word: str) -> bool:
    """"Konzernchef", "Sprecherin", "director": a noun for what a person is (a role or title, or a compound ending
    in one); not a thing that speaks ("comunicado")."""
    return word.lower() not in THINGS and names_a_person(word)


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
    phrase = LEADING_DETERMINER.sub("", _without_leading_stop_words(PART_BREAK.split(raw.strip())[0].strip()))
    body = POSSESSED_BODY.fullmatch(phrase)
    if body and ORGANISATION.fullmatch(body.group("body").capitalize()):
        return phrase
    tokens = TOKEN.findall(phrase)
    if 0 < len(tokens) <= 5 and all(CAPITALISED.match(t) for t in tokens) and ORGANISATION.search(phrase):
        return phrase
    return None


def _without_leading_stop_words(phrase: str) -> str:
    """"As Kelby News reported": a capitalised word that only opens a sentence or a clause ("As", "But", "When") is
    no part of the organisation's name after it."""
    words = phrase.split(" ")
    while len(words) > 1 and words[0].lower() in STOP_NAMES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


def _is_name_token(tokens: list[str], i: int, article: ArticleWords | None = None) -> bool:
    token = tokens[i]
    if _is_word_of_a_name(tokens, i, article):
        return True
    if TITLE_TOKEN.match(token) or _is_stop_word(token, article) or CALENDAR_TOKEN.match(token):
        return False
    if i > 1 and tokens[i - 1] in TITLE_LINKS and is_title_or_role(tokens[i - 2]):
        return False  # "Chief of Staff", "Minister of Finance", "Chef de Mission": the title goes on
    if article is not None and not article.is_name_word(token):
        return False
    if PARTY_LABEL.match(token):
        return False  # "D-Conn.", "R-Texas": party and state after a lawmaker's name
    if LOWER_AFTER_HYPHEN.search(token):
        return False  # "Marsh-era", "Qaeda-linked": a description, not a name
    if (ELIDED_ARTICLE.match(token) and not (article is not None and article.is_proper(token))) or \
            is_common_noun(token, article):
        # "Dall’ambasciata", "L'associazione" (only a sentence's first word; "Chief Ta'wen said" capitalises a
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


def is_title_or_role(token: str) -> bool:
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
        return True  # "Mr. King", "Ned King": a title word used as a surname
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
    particle follows the first name ("Ulla von der Brack"), or a capitalised particle ("Anton Van der Velde")."""
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
    """"Lee’s", and in German "Wendels" ("Ida Wendels Gedichte") where the article also writes "Wendel" as a name:
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
    if NOT_A_NAME.search(name) and not place_as_surname(name.split(), tokens, start, article):
        return False
    end = start + len(name.split())
    if end < len(tokens) and tokens[end][:1].isdigit():
        return False  # "Article 5", "Section 230", "Route 66": a numbered thing, not a person
    before = tokens[start - 1] if start else ""
    # "South Dakota", "Hong Kong"; but "Secretary of State Ann Lee": a title word ends the title, not a place
    return not (CAPITALISED.match(before) and NOT_A_PERSON.fullmatch(before) and not TITLE_TOKEN.match(before))


def place_as_surname(words: list[str], tokens: list[str], start: int, article: ArticleWords | None) -> bool:
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
        and words[-1] not in article.located  # "Parks and Trails Kelby" where the article writes "in Kelby"


def is_lone_name_word(word: str, article: ArticleWords | None) -> bool:
    """One word that split_name would take for a person's name were it not a sentence's first word."""
    return _is_name_token([word], 0, article) and CAPITALISED.match(word) is not None and \
        _is_person_name(word, [word], 0, article)


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
    return any(lower[-length:] in COMPOUND_ROLES for length in COMPOUND_ROLE_LENGTHS if len(lower) > length + 1)


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
    if stem == word.lower() or len(stem) < 3:
        return False
    # a short stem ("Neuer" beside "neuen") needs an inflected form as evidence, not the bare stem
    endings = INFLECTIONS if len(stem) >= 4 else INFLECTIONS[1:]
    return any(stem + ending in article.lower for ending in endings)


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
