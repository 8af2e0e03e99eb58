"""From the phrase that names a speaker to the person: a pronoun is the person it refers to, a name a known
person, a role or group a speaker of its own ("a spokesman" is someone new, "the spokesman" the one named so)."""

from __future__ import annotations

import re

from briefing.lang import vocabulary
from briefing.segment.patterns import PRONOUN_WORDS, VOCAB, LanguagePattern
from briefing.segment.people import ORGANISATION, People, Person, _noun_gender, organisation_in, split_name
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
DEFINITE = {w.lower() for w in VOCAB.definite_articles}
THINGS = {w.lower() for w in VOCAB.things}
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}
POSSESSIVE_GENDER = {w.lower(): "male" for w in VOCAB.male_possessives} | {
    w.lower(): "female" for w in VOCAB.female_possessives}


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
    if person is None and role and not named and _an_epithet(raw, role, people) \
            and not _written_before(role, offset, people):
        person = people.last_mentioned(offset, _noun_gender(role))
        person = None if person is None or person.organisation else person
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


def _an_epithet(raw: str, role: str, people: People) -> bool:
    """"the lanky, bespectacled professor said", "the Kelby Republican said": a definite description of a few words
    that no one holds by name; news uses it for the person it has just been writing about. Not a thing or a body
    ("the security firm", "the report"), not a role of someone's ("the club's coach"), not a bare role ("the
    spokesman", who may be someone not named)."""
    words = role.replace(",", " ").split()
    first = raw.strip().split()[:1]
    language = people.article.language if people.article is not None else None
    definite = {w.lower() for w in vocabulary((language,)).definite_articles} if language else DEFINITE
    return bool(first) and first[0].lower() in definite and 2 <= len(words) <= 4 and "’" not in role \
        and "'" not in role and words[-1].lower() not in THINGS and not ORGANISATION.search(role) \
        and not ORGANISATION.fullmatch(words[-1].capitalize()) and not _plural(words[-1])


def _written_before(role: str, offset: int, people: People) -> bool:
    """"Former Quill Pollster Says ..." then "the former pollster said": a role the article wrote before is someone
    it has already set apart, not an epithet for the person last named; unless it wrote it to introduce someone
    ("Set up by an engineering professor ... the professor said")."""
    text = people.article.text[:offset] if people.article is not None else ""
    head = role.replace(",", " ").split()[-1]
    for match in re.finditer(rf"(?<![\w’'\-]){re.escape(head)}(?![\w’'\-])", text, re.IGNORECASE):
        before = text[max(0, match.start() - 40) : match.start()].split()[-3:]
        if not INDEFINITE_WORDS & {word.lower() for word in before}:
            return True
    return False


def _plural(noun: str) -> bool:
    """"heavyweights", "officials": a group, not the one person written about (not "boss", "actress")."""
    return noun.endswith("s") and not noun.endswith("ss")
