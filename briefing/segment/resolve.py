"""From the phrase that names a speaker to the person: a pronoun is the person it refers to, a name a known
person, a role or group a speaker of its own ("a spokesman" is someone new, "the spokesman" the one named so)."""

from __future__ import annotations

import re

from briefing.lang import vocabulary
from briefing.segment.patterns import PRONOUN_WORDS, VOCAB, LanguagePattern
from briefing.segment.people import (
    NOUN_GENDER,
    ORGANISATION,
    ROLE_WORDS,
    TITLE_TOKEN,
    People,
    Person,
    _noun_gender,
    organisation_in,
    split_name,
)
from briefing.segment.speaker_phrase import (
    Attribution,
    describes_a_noun,
    has_acronym,
    indefinite,
    is_pronoun,
    role_of,
)

# "her statement said", "Ann Lee's letter says": a written thing that speaks for its owner
OWNED_THING = LanguagePattern(
    lambda w: rf"(?P<owner>{w.any_of('male_possessives', 'female_possessives', capitals=True)}|[^,]+?[’']s?)\s+"
              rf"(?:[\w\-]+\s+){{0,2}}?{w.any_of('things')}")
POSSESSIVE_GENDER = {w.lower(): "male" for w in VOCAB.male_possessives} | {
    w.lower(): "female" for w in VOCAB.female_possessives}
THINGS = {w.lower() for w in VOCAB.things}
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}


def resolve_first(attribution: Attribution | None, people: People) -> tuple[Person | None, str | None]:
    if attribution is None:
        return None, None
    for raw, offset in ((attribution.raw, attribution.offset), *attribution.alternatives):
        person = resolve(raw, offset, people)
        if person:
            cue = f"pronoun→{person.name}" if is_pronoun(raw) else " ".join(attribution.cue.split())
            return person, cue
    return None, None


def resolve(raw: str, offset: int, people: People) -> Person | None:
    if is_pronoun(raw):
        gender = PRONOUN_WORDS[raw.lower()]
        person = people.last_mentioned(offset, gender)
        if person and person.gender is None:
            person.gender = gender
        return person
    owner = _owner_of_a_thing(raw, offset, people)
    if owner:
        return owner
    role = role_of(raw)
    name = split_name(raw).name
    if has_acronym(name):  # "WEEI said": an organisation speaks
        return people.by_role.setdefault(name.lower(), Person(name, organisation=True))
    named = bool(name) and not describes_a_noun(name, role)
    if role and not named and (indefinite(raw) or name):
        # "a spokesman", "one official", "many voters": someone not named before, never a known person's title;
        # "this Lee look-alike": not Lee
        person = None if indefinite(raw) else people.by_role.get(role.lower())
    else:
        person = people.lookup(raw, offset)
    organisation = None if role else organisation_in(raw)
    if person is None and role and not named and _an_epithet(raw, role, offset, people):
        person = _written_about(offset, role, people)
    if person is None and (role or organisation) and not named:
        name = role or organisation
        if role and indefinite(raw) == "another":
            name = f"another {role}"  # "another official said": not the official quoted before
        elif role and role.startswith("of "):
            name = f"{indefinite(raw)} {role}"  # "one of the organisers"
        person = people.by_role.setdefault(name.lower(), Person(name, organisation=bool(organisation)))
    return person


def _owner_of_a_thing(raw: str, offset: int, people: People) -> Person | None:
    """"her statement said": the person "her" refers to; "Ann Lee's letter said": Ann Lee, when the article names
    her. What someone wrote is their words, in their voice."""
    owned = OWNED_THING.fullmatch(raw.strip())
    if not owned:
        return None
    owner = owned.group("owner")
    gender = POSSESSIVE_GENDER.get(owner.lower())
    if gender:
        return people.last_mentioned(offset, gender)
    person = people.lookup(re.sub(r"[’']s?$", "", owner), offset)
    return person if person and not person.organisation else None


def _an_epithet(raw: str, role: str, offset: int, people: People) -> bool:
    """"the lanky, bespectacled professor said", "the Kelby Republican said", "die neue Präsidentin": a definite
    phrase that describes a person (words before the role noun, or a compound role) and that the article has not
    used for anyone before; news uses it for the person it has just been writing about. Not a bare role ("the
    official" may be someone not named), a kin word ("the younger brother" is someone's), a thing or a body, a
    role of someone's ("the club's coach", "the Quill campaign", "the Lincoln actor": a person the article names
    stands inside it), nor a group ("the officials")."""
    words = role.replace(",", " ").split()
    head = words[-1] if words else ""
    first = raw.strip().split()[:1]
    language = people.article.language if people.article is not None else None
    definite = {w.lower() for w in vocabulary((language,)).definite_articles} if language else set()
    described = len(words) > 1 or "-" in head.strip("-")
    return bool(first) and first[0].lower() in definite and described and len(words) <= 4 \
        and not {w.lower() for w in words} & INDEFINITE_WORDS and "’" not in role and "'" not in role \
        and _names_a_person(head) and not ORGANISATION.search(role) and not _written_before(head, offset, people) \
        and not any(_a_persons_name(word, people) for word in re.split(r"[\s\-]+", role)[:-1])


def _a_persons_name(word: str, people: People) -> bool:
    """A surname of someone the article names ("Quill"), or a word it writes after a first name ("Ada Lincoln");
    not a title ("Kelby Republican")."""
    return word[:1].isupper() and not TITLE_TOKEN.match(word) and (word.lower() in people.by_surname or (
        people.article is not None and bool(people.article.first_names_of(word))))


def _names_a_person(head: str) -> bool:
    """A role or title noun ("professor", "Republican", "Grünen-Politiker"), in the singular; not a kin word
    (a gendered noun that is no title the language capitalises: "brother", "Vater")."""
    noun = head.split("-")[-1]
    lower = noun.lower()
    if lower in THINGS or lower.endswith(("men", "leute")) or (lower.endswith("s") and not lower.endswith("ss")):
        return False
    if lower in NOUN_GENDER and not (noun[:1].isupper() and TITLE_TOKEN.match(noun)):
        return False
    return lower in ROLE_WORDS or bool(TITLE_TOKEN.match(noun))


def _written_before(head: str, offset: int, people: People) -> bool:
    """"Former Quill Pollster Says ..." then "the former pollster said": a role noun the article wrote before is
    someone it has already set apart, not an epithet for the person last named; unless it wrote it to introduce
    someone ("Set up by an engineering professor ... the professor said")."""
    text = people.article.text[:offset] if people.article is not None else ""
    for match in re.finditer(rf"(?<![\w’'\-]){re.escape(head)}(?![\w’'\-])", text, re.IGNORECASE):
        before = text[max(0, match.start() - 40) : match.start()].split()[-3:]
        if not INDEFINITE_WORDS & {word.lower() for word in before}:
            return True
    return False


def _written_about(offset: int, role: str, people: People) -> Person | None:
    """The person named last before the epithet (of its gender), when the article named them in the paragraph
    before it or its own, and named them at least twice: the person the story is about, not one passing by."""
    person = people.last_mentioned(offset, _noun_gender(role))
    if person is None or person.organisation or not person.name[:1].isupper() or people.article is None:
        return None
    mentions = [position for position, someone, *_ in people.mentions if someone is person and position < offset]
    text = people.article.text
    if len(mentions) < 2 or len(re.findall(r"\n\s*", text[mentions[-1] : offset])) > 1:
        return None
    people.by_role.setdefault(role.lower(), person)
    return person
