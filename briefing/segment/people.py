"""The people an article names, and every form of their name resolved to one person: "President Dana K. Quill",
"Quill", "the president", "he", while people who share a surname stay apart ("Mr. Vell", "Mrs. Vell").
`People.settle` gives each speaker one name at the end: the fullest the article writes, and for a role the article
refers back to ("the spokesman said") the person it named with that role. Names are picked out of phrases by
names.py; what the article says about its words is article_words.py's."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from briefing.lang import vocabulary
from briefing.segment.article_words import INDEFINITE_WORDS, ArticleWords
from briefing.segment.names import (
    CAPITALISED,
    DESCRIBING_WORDS,
    LINKING_WORDS,
    NOUN_GENDER,
    RELATIVES,
    ROLE_LINK,
    SUFFIX_TOKEN,
    TITLE_TOKEN,
    names_a_person,
    split_name,
)
from briefing.segment.patterns import (
    FEMALE_TITLES,
    MALE_TITLES,
    NAME_WORD,
    PRONOUN_WORDS,
    STOP_NAMES,
    VOCAB,
    LanguagePattern,
)

# "un alto cargo de defensa aclaró", "a senior official said": someone the article does not name speaks; not
# "un año que nos prometen": a relative or an object pronoun between them opens a clause with a subject of its own
UNNAMED_SPEAKER = LanguagePattern(lambda w: (
    rf"(?<![\w’'])(?i:{w.any_of('indefinites')})\s+(?:(?!{w.any_of('relatives', 'clitics')}\s)[a-zà-ÿß][\w\-]*\s+)"
    rf"{{1,5}}{w.speech_verbs}(?!\w)"))
# "..., el liberal Ivo Lund, anunció": a name, then a comma and a speech verb
APPOSITIVE_SPEAKS = LanguagePattern(lambda w: rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}},\s+{w.speech_verbs}(?!\w)")
LOCATIVES = {w.lower() for w in VOCAB.locatives}
# "Unlike Ann Lee, he ...": a name right after a word that sets someone apart from the subject
# (or opening the mention: "Unlike Lee" reads as capitalised words)
AFTER_A_CONTRAST = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('contrasts', capitals=True)}\s+\Z")
OPENS_WITH_A_CONTRAST = LanguagePattern(lambda w: rf"{w.any_of('contrasts', capitals=True)}\s")


@dataclass
class Person:
    """One person the article quotes or names; every form of their name resolves to this."""

    name: str
    gender: str | None = None
    organisation: bool = False  # "Twitter said": speaks, but is never "he" or "she"


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


class RoleKeys(dict):
    """Roles and bodies by their words in lower case, one key however a compound is written: "Marathon-Sprecher"
    and "Marathonsprecher", "vice-ministro" and "viceministro" are one role, so one person."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, str] = {}  # each key as first written (in lower case), for items()

    @staticmethod
    def key(role: str) -> str:
        return role.lower().replace("-", "")

    def __getitem__(self, role: str) -> Person:
        return super().__getitem__(self.key(role))

    def __setitem__(self, role: str, person: Person) -> None:
        self.written.setdefault(self.key(role), role.lower())
        super().__setitem__(self.key(role), person)

    def items(self):
        return [(self.written.get(key, key), person) for key, person in super().items()]

    def __contains__(self, role: object) -> bool:
        return isinstance(role, str) and super().__contains__(self.key(role))

    def get(self, role: str, default: Person | None = None) -> Person | None:
        return super().get(self.key(role), default)

    def setdefault(self, role: str, person: Person) -> Person:
        if role not in self:
            self[role] = person
        return self[role]


class People:
    """Resolves "President Dana Quill", "Quill", "the President" and "he" to one person."""

    def __init__(self, article: ArticleWords | None = None) -> None:
        self.article = article
        self.by_surname: dict[str, list[Person]] = {}  # everyone introduced with that surname, in order
        self.by_full: dict[str, Person] = {}  # "ann lee" -> that person
        self.by_role: dict[str, Person] = RoleKeys()
        self.holders: dict[str, list[Person]] = {}  # everyone given a title or role, in order ("minister")
        # (offset in the input, person, offset of the sentence, followed by a speech verb), narration only
        self.mentions: list[tuple[int, Person, int, bool]] = []
        # (offset, person) of each possessive opening a narration sentence that names no one ("Her message is ...")
        self.owners: list[tuple[int, Person]] = []
        self.captions: list[tuple[int, int]] = []  # where the photos' captions stand (they end with a credit)
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
        spelled_out = _spelled_out(unique, [*known.values(), *unique])
        for person in unique:
            person.name = nicknames.get(person.name, person.name)  # "Bobby Lund" of "Robert “Bobby” Lund"
            person.name = spelled_out.get(person.name, person.name)  # "Kelby Daily Courier" of "KDC"
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
        gender = _noun_gender(role) or gender
        person = self.last_mentioned(back, gender) if back is not None else None
        person = self._last_speaking(back, gender, person) if person is not None else None
        person = self._described_as(role, back) or person if person is not None else None
        if not person or person.organisation or _whose_role(role, person.name) or (
                len(person.name.split()) == 1 and not self._spoke_before(person, back)):
            return None  # a lone capitalised word is a person's name only if the article has had it speak
        since = max((at for at, mentioned, *_ in self.mentions if mentioned is person and at < back), default=0)
        # "un alto cargo ... aclaró ... manifestó el funcionario": someone unnamed spoke since
        return None if UNNAMED_SPEAKER.search(self.article.text, since, back) else person.name

    def _spoke_before(self, person: Person, back: int) -> bool:
        """"..., falou Zarko ... completou o treinador": the article has had the person speak before `back`."""
        return any(mentioned is person and speaks for at, mentioned, _, speaks in self.mentions if at < back)

    def _described_as(self, role: str, back: int) -> Person | None:
        """"Il presidente kelbiano Ugo Sala ... ha affermato il leader kelbiano": the person last named right after
        a word that describes the role's noun (an adjective after it, as the Romance languages place it)."""
        described = {word for word in role.split()[1:]
                     if word.islower() and len(word) > 3 and not ROLE_LINK.fullmatch(word)}
        if not described:
            return None
        text = self.article.text
        return next((person for at, person, *_ in reversed(self.mentions) if at < back and not person.organisation
                     and set(text[max(0, at - 60) : at].split()[-1:]) & described), None)

    def _last_speaking(self, back: int, gender: str | None, person: Person) -> Person:
        """"Tomás Rivas contó en la radio ... el informe firmado por Herrera. “...”, añadió el periodista": the person a
        role after a quote stands for is one the article has had speak, when the one named last never has."""
        text = self.article.text
        # "El primer ministro, el liberal Ivo Lund, anunció": the name that ends an appositive speaks too
        speaking = [mentioned for at, mentioned, sentence, speaks in self.mentions if at < back
                    and (speaks or ("," in text[sentence:at] and APPOSITIVE_SPEAKS.match(text, at)))
                    and (gender is None or mentioned.gender in (None, gender)) and not mentioned.organisation]
        if not speaking or person in speaking:
            return person
        return speaking[-1]

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
        # whom a photo's caption shows is someone the story's he/she means only if the story names no one else
        fitting = [mention for mention in fitting if not self._in_a_caption(mention[0])] or fitting
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
            # (German: a sentence whose people all stand after a preposition, "mit Intellektuellen wie Teo Brandt")
            after_prepositions = self.article.capitalises_nouns and _only_after_linking_words(self.article.text, latest)
            if gender and (_only_places(self.article.text, latest) or after_prepositions
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

    def _in_a_caption(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.captions)

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


def _whose_role(role: str, name: str) -> bool:
    """"candidato de Avanza" is not Avanza Norte: a role names whose it is after its link word, and that is not
    the one who holds it."""
    words = role.split()
    return len(words) > 2 and any(ROLE_LINK.fullmatch(word) for word in words[1:-1]) and \
        any(word[:1].isupper() and word in name.split() for word in words[2:])


def _pronoun_between(text: str, start: int, end: int, gender: str) -> bool:
    """Whether a he/she of this gender stands in text[start:end]."""
    return any(PRONOUN_WORDS.get(word) == gender for word in re.findall(r"[\w’']+", text[start:end].lower()))


def _only_places(text: str, mentions: list) -> bool:
    """"The crash was in Kelby Downs": names that all stand right after "in", "at", "near" are where something
    happened, whatever else the article lets them do; a he/she goes back to a person named before."""
    before = [text[max(0, mention[0] - 30) : mention[0]].lower().split()[-1:] for mention in mentions]
    return all(words and words[0] in LOCATIVES for words in before)


def _only_after_linking_words(text: str, mentions: list) -> bool:
    """"... Freundschaften mit Intellektuellen wie Teo Brandt.": everyone the sentence names stands after a
    preposition or a linking word; a he or she after it refers to a subject named before."""
    return all(_after_a_linking_word(text, mention[0]) for mention in mentions)


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


def _spelled_out(speakers: list[Person], known: list[Person]) -> dict[str, str]:
    """"KDC" or "Kdc" for "Kelby Daily Courier": a name of one word whose letters are the initials of one longer name
    the article gives (of three words or more, or of two when the short one is written in capitals) is that name."""
    longer = {person.name for person in known if len(person.name.split()) > 1}
    found = {}
    for person in speakers:
        word = person.name
        if not (word.isalpha() and 2 <= len(word) <= 6):
            continue
        matches = {name for name in longer if _initials(name) == word.lower()
                   and (len(name.split()) >= 3 or word.isupper())}
        if len(matches) == 1:
            found[word] = matches.pop()
    return found


def _initials(name: str) -> str:
    """"Kelby Daily Courier" -> "kdc" (words of one letter, initials of a middle name, left out)."""
    return "".join(word[0] for word in name.split() if len(word) > 1 and word[0].isupper()).lower()


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
            or [w.lower() for w in a] == [w.lower() for w in b[-len(a) :]]  # "Le Garrec", "Marie Le Garrec"
            or (len(a) == len(b) and _transposed(a[0], b[0])))


def _transposed(one: str, other: str) -> bool:
    """"Valdir" and "Vadlir": the same letters with two neighbours swapped, the commonest typo; in a first name that
    comes with the same surname it is the same person's name mistyped (names this close are not given to two)."""
    if len(one) != len(other) or len(one) < 4:
        return False
    differ = [i for i, (x, y) in enumerate(zip(one, other, strict=True)) if x != y]
    return len(differ) == 2 and differ[1] == differ[0] + 1 and one[differ[0]] == other[differ[1]] \
        and one[differ[1]] == other[differ[0]]


def surname(name: str) -> str:
    """The last name word, in lower case and without accents: a name written with and without one ("Murátov",
    "Muratov", as transliterations and wire copy differ) is one surname."""
    words = [w for w in name.split() if not SUFFIX_TOKEN.match(w)] or name.split()
    return _without_accents(words[-1].lower().replace("'", "’").rstrip(","))


def _without_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch)) \
        if not word.isascii() else word
