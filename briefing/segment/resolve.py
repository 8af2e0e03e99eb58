"""From the phrase that names a speaker to the person: a pronoun is the person it refers to, a name a known
person, a role or group a speaker of its own ("a spokesman" is someone new, "the spokesman" the one named so)."""

from __future__ import annotations

import re

from briefing.segment.names import is_role_noun, names_a_person, organisation_in, split_name
from briefing.segment.patterns import NAME_WORD, POSSESSIVE_GENDER, PRONOUN_WORDS, VOCAB, LanguagePattern
from briefing.segment.people import People, Person
from briefing.segment.speaker_phrase import (
    Attribution,
    describes_a_noun,
    has_acronym,
    indefinite,
    is_pronoun,
    joint_speakers,
    role_of,
)

# "her statement said", "Ann Lee's letter says", "Kesslers Account" (a genitive without an apostrophe, where the
# language writes one so): a written thing that speaks for its owner
OWNED_THING = LanguagePattern(
    lambda w: rf"(?P<owner>{w.any_of('male_possessives', 'female_possessives', capitals=True)}|[^,]+?[’']s?|"
              rf"[^,]+?[^\W\d_]{w.any_of('genitive_endings')})\s+(?:[\w\-]+\s+){{0,2}}?{w.any_of('things')}")
GENITIVE_END = LanguagePattern(lambda w: rf"{w.any_of('genitive_endings')}$")
# "einer Erklärung des Vereins": a written thing, then whose it is in the genitive (a body, most often)
THING_OF = LanguagePattern(
    lambda w: rf"(?:{w.determiner}\s+|{w.any_of('indefinites', capitals=True)}\s+)?{w.any_of('things')}\s+"
              rf"{w.any_of('genitive_articles')}\s+(?P<owner>[\w\-]+(?:\s+[\w\-]+)?)")
DETERMINERS = {w.lower() for w in VOCAB.determiners}
# "der Konzernchef von KLB", "el director de KLB": a determiner, one role word, a particle, an acronym
ROLE_OF_AN_ACRONYM = LanguagePattern(lambda w: (
    rf"(?:{w.determiner}\s+)?(?P<head>[\w\-]+)\s+{w.particle}\s+(?:[\w\-]+\s+)?[A-ZÀ-Þ]{{2,}}[\w\-]*"))


def resolve_first(attribution: Attribution | None, people: People) -> tuple[Person | None, str | None]:
    if attribution is None:
        return None, None
    joint = None if attribution.group else joint_speakers(attribution.raw, people.article)
    if joint:  # "said Ana Roe and Bo Kim": one voice for the two
        return _one_voice(joint, people), " ".join(attribution.cue.split())
    if attribution.group:  # "die Eltern": one voice for the group, never a person named near it
        words = attribution.raw.split()
        name = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in DETERMINERS else attribution.raw
        return _one_voice(name, people), " ".join(attribution.cue.split())
    for raw, offset in ((attribution.raw, attribution.offset), *attribution.alternatives):
        person = resolve(raw, offset, people)
        if person:
            cue = f"pronoun→{person.name}" if is_pronoun(raw) else " ".join(attribution.cue.split())
            return person, cue
    return None, None


def _one_voice(name: str, people: People) -> Person:
    """The one speaker that stands for several people (a group, a joint statement), kept by its name as a role is."""
    return people.by_role.setdefault(name.lower(), Person(name))


def resolve(raw: str, offset: int, people: People) -> Person | None:
    if is_pronoun(raw):
        return _referent(raw, offset, people)
    owner = _owner_of_a_thing(raw, offset, people)
    if owner:
        return owner
    role = role_of(raw)
    name = _name_unless_nouns(raw, role, people)
    if name is None:
        return None
    if has_acronym(name):  # "WEEI said": an organisation speaks
        return people.organisation(name)
    named = bool(name) and not describes_a_noun(name, role)
    if role and not named and (indefinite(raw) or name):
        # "a spokesman", "one official", "many voters": someone not named before, never a known person's title;
        # "this Lee look-alike": not Lee
        person = None if indefinite(raw) else people.by_role.get(role.lower())
    else:
        person = people.lookup(raw, offset)
    if person is None and role and not named:
        person = _holder_of_the_head(role, offset, people)
    organisation = None if role else organisation_in(raw)
    if person is None and (role or organisation) and not named:
        name = role or organisation
        if role and indefinite(raw) == "another":
            name = f"another {role}"  # "another official said": not the official quoted before
        elif role and role.startswith("of "):
            name = f"{indefinite(raw)} {role}"  # "one of the organisers"
        person = people.by_role.setdefault(name.lower(), Person(name, organisation=bool(organisation)))
    return person


def _referent(pronoun: str, offset: int, people: People) -> Person | None:
    """The person a he/she refers to, who then has that gender."""
    gender = PRONOUN_WORDS[pronoun.lower()]
    person = people.last_mentioned(offset, gender)
    if person and person.gender is None:
        person.gender = gender
    return person


def _holder_of_the_head(role: str, offset: int, people: People) -> Person | None:
    """"der Konzernchef von KLB" after "Konzernchef Egon Kaltner": a role of an organisation whose acronym
    follows a particle is the person the article titled with the role's first word."""
    head = ROLE_OF_AN_ACRONYM.fullmatch(role.strip())
    if not head or people.article is None or not is_role_noun(head.group("head")):
        return None  # "o comunicado do STF": a thing speaks for the organisation, no person
    titled = re.search(rf"(?<![\w\-]){re.escape(head.group('head'))}\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})+)",
                       people.article.text[:offset])
    return people.lookup(titled.group("name"), offset) if titled else None


def _name_unless_nouns(raw: str, role: str | None, people: People) -> str | None:
    """The name in a phrase; but words the article writes as common nouns (German: after an article) name no one:
    "" for a role ("der Grünen-Politiker"), None for anything else ("das Tempo")."""
    name = split_name(raw).name
    if people.article is None or not name or not set(name.split()) <= people.article.nouns:
        return name
    return "" if role and names_a_person(role) else None


def _owner_of_a_thing(raw: str, offset: int, people: People) -> Person | None:
    """"her statement said": the person "her" refers to; "Ann Lee's letter said": Ann Lee, when the article names
    her. What someone wrote is their words, in their voice."""
    owned = OWNED_THING.fullmatch(raw.strip())
    of = THING_OF.fullmatch(raw.strip()) if not owned else None
    if of:  # "hieß es in einer Erklärung des Vereins": the club speaks, or the person it names
        owner = of.group("owner")
        person = people.lookup(owner, offset) or people.lookup(GENITIVE_END.sub("", owner), offset)
        return person or (people.organisation(GENITIVE_END.sub("", owner)) if owner[:1].isupper() else None)
    if not owned:
        return None
    owner = owned.group("owner")
    gender = POSSESSIVE_GENDER.get(owner.lower())
    if gender:
        return people.last_mentioned(offset, gender)
    person = people.lookup(re.sub(r"[’']s?$", "", owner), offset)
    if person is None and not re.search(r"[’']s?$", owner):  # "Kesslers": Kessler's
        person = people.lookup(GENITIVE_END.sub("", owner), offset)
    return person if person and not person.organisation else None
