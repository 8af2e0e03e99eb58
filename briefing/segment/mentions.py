"""Where the narration names each person: titled and full names are registered, every mention of a known
person is noted in order (with whether a speech verb follows), genders are learnt from the pronouns that follow a
lone name, and a he/she opening a sentence is a mention of the person it refers to."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter

from briefing.lang import vocabulary
from briefing.model import Segment
from briefing.segment.names import PARTICLE_TOKEN, is_common_noun, is_lone_name_word, organisation_in, split_name
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import (
    ADVERB,
    NAME_WORD,
    NOT_A_PERSON,
    POSSESSIVE_GENDER,
    PRONOUN_WORDS,
    STOP_NAMES,
    VOCAB,
    LanguagePattern,
)
from briefing.segment.people import People, Person, surname
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations, sentence_start
from briefing.segment.speaker_phrase import APPOSITIVE_ROLE, has_acronym

NAME_WORD_ONLY = compiled(rf"{NAME_WORD}")  # a capitalised word, alone
LEADING_ARTICLE = LanguagePattern(lambda w: rf"{w.determiner}\s")
NOT_INSIDE_A_WORD = r"(?<![\w\-])"  # "a pro-Lee group" names no one
CANDIDATE = LanguagePattern(lambda w: rf"{NOT_INSIDE_A_WORD}(?:{w.title}\s+)*{w.name}|\b{w.pronoun}\b")
PERSON_MENTION = LanguagePattern(lambda w: rf"{NOT_INSIDE_A_WORD}(?:(?P<title>{w.title})\s+)?(?P<name>{w.name})")
SUBJECT_PRONOUN = LanguagePattern(lambda w: rf"(?:^|[.!?]\s+|,\s+)({w.pronoun})\b")
# "Her advice is blunt": a possessive opening a sentence, before a noun, is about the person written about
OPENING_POSSESSIVE = LanguagePattern(
    lambda w: rf"(?:^|[.!?]\s+)({w.any_of('male_possessives', 'female_possessives', capitals=True)})\s+[a-zà-ÿ]")
LOWER_PRONOUN = LanguagePattern(lambda w: rf"\b{w.any_of('male_pronouns', 'female_pronouns')}\b")
TITLE_ONLY = LanguagePattern(lambda w: w.title)
ABBREVIATED_TITLE_NEXT = compiled(rf"\.\s+{NAME_WORD}")
# "Former Kelby governor Ann Lee": after a titled word, a role noun and a name; the name is the person
ROLE_THEN_NAME = LanguagePattern(lambda w: rf"\s+{w.any_of('role_nouns')}\s+{w.name}")
# "the Kelby Ridge vigil": a determiner right before a name, a lower-case word right after it (_modifies_a_noun)
DETERMINER_ENDS = LanguagePattern(lambda w: rf"(?<!\w){w.determiner.lower()}\Z")
# "a 1930s-era Kelby Deco theater", "the 19th-century Kelby Hall roof": a determiner, then a compound modifier with a
# number (not an age: "the 38-year-old Ann Lee said"; nor an adjective: "a choked-up Ann Lee") before the name
DETERMINER_AND_COMPOUND_ENDS = LanguagePattern(
    lambda w: rf"(?<!\w){w.determiner.lower()}\s+[\w’']*\d[\w’'\-]*-(?!old\b)[a-z][\w’']*\s+\Z")
LONGEST_DETERMINER = max(map(len, VOCAB.determiners), default=0)
LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
# "Quintela said", "Quintela afirmó": one name word right before a speech verb; or right after one, the name alone
# ("Das Ziel, sagt Quintela, ...", "disse Quintela.")
SPEAKS_RIGHT_AFTER = LanguagePattern(lambda w: rf"(?<![\w’'\-])({NAME_WORD})\s+{ADVERB}{w.speech_verbs}\b")
SPOKEN_BY = LanguagePattern(lambda w: rf"(?<![\w’'\-]){w.speech_verbs}\s+({NAME_WORD})(?=\s*[,.;:!?]|\s+[a-zà-ÿß])")
LONE_SPEAKER = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])({NAME_WORD})(?:,[^,.!?]{{1,60}},)?\s+{ADVERB}{w.speech_verbs}\b")
# "On Thursday, Brask unloaded on the paper": a capitalised word opening a sentence or a clause after a comma, then
# a lower-case word that is no stop word (a verb, most often): the word is that sentence's subject
LONE_SUBJECT = LanguagePattern(
    lambda w: rf"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=,\s))({NAME_WORD})\s+(?!{w.any_of('stop_words')}\b)[a-zà-ÿ][\w’']+")
SPEAKS = LanguagePattern(lambda w: rf"(?:,[^,.!?]{{1,60}},)?\s+{ADVERB}{w.speech_verbs}\b")
# "the port's director, Ann Lee, says": a name set off by commas after a role, then the verb
SPEAKS_AS_APPOSITIVE = LanguagePattern(lambda w: rf",\s+{ADVERB}{w.speech_verbs}\b")
ARTICLE = LanguagePattern(lambda w: w.any_of("articles"))  # "the Kelby Ridge"
POSSESSIVE_END = re.compile(r"[’']s?$")
# "... at the station. (Ivo Lund/Kelby Press)", "( Kelby Star file photo )": a photo's caption ends with its credit,
# in brackets: a name and an agency or paper with a slash, or a word for a photo
PHOTO_CREDIT = LanguagePattern(lambda w: rf"\(\s*(?:[^()\n/]{{2,40}}\s?/\s?[^()\n]{{2,40}}|"
                                         rf"[^()\n]{{0,60}}\b(?i:{w.any_of('photo_words')})\b[^()\n]{{0,30}})\)\s*$")
PLACE_PREPOSITION = LanguagePattern(lambda w: w.any_of("place_prepositions"))  # "in New Kelby", "by Ivo Marrin"


def collect_mentions(segments: list[Segment], people: People) -> None:
    """Register titled names, then note every mention of a known person in the narration, in order."""
    narration = [seg for seg in segments if seg.kind in ("narration", "headline", "title")]
    for seg in narration:
        for match in PERSON_MENTION.finditer(seg.text):
            if match.group("title"):
                person = people.register(titled_span(seg.text, match))
                appositive = APPOSITIVE_ROLE.match(seg.text[match.end() :])
                if person and appositive:
                    people.add_role(appositive.group(1), person)
    for seg in narration:  # untitled full names in running text ("John Park spoke", "according to Sara Cole")
        for match in PERSON_MENTION.finditer(seg.text):
            if _looks_like_person(seg.text, match, people):  # also lengthens a known name: "King" -> "Lena King"
                people.register(_without_possessive(match.group("name")))
    _register_lone_speakers(narration, people)
    for seg in narration:
        _note_mentions(seg, people)
    people.mentions.sort(key=lambda item: item[0])
    captions = {seg.paragraph for seg in narration if PHOTO_CREDIT.search(seg.text)}
    people.captions = [(seg.start, seg.end) for seg in narration if seg.paragraph in captions]
    _learn_genders(narration, people)
    _follow_pronouns(narration, people)


def _register_lone_speakers(narration: list[Segment], people: People) -> None:
    """"Quintela said the plan was brave": one name word that the narration has speak is a person, registered as the
    article's lone names are (People), since split_name takes a sentence's first word for no name."""
    for seg in narration:
        found = [*SPEAKS_RIGHT_AFTER.finditer(seg.text), *SPOKEN_BY.finditer(seg.text)]
        for match in found:
            if _a_lone_speaker(seg.text, match, people) and people.lookup(match.group(1)) is None:
                people.by_surname.setdefault(surname(match.group(1)), []).append(Person(match.group(1)))


def _a_lone_speaker(text: str, match: re.Match, people: People) -> bool:
    """"Quintela said the plan was brave", "Quintela afirmó que ...": one capitalised word as the subject of a speech
    verb in the narration is someone who speaks, in any language, even one that leaves its pronouns out; not the end
    of a longer name ("the White House said"), a pronoun, a word the article also writes in lower case or as a
    common noun, a place, an organisation or an acronym."""
    word = match.group(1)
    before = text[: match.start(1)].split()[-1:]
    if before and (NAME_WORD_ONLY.fullmatch(before[0]) or PARTICLE_TOKEN.match(before[0])
                   or LEADING_ARTICLE.fullmatch(before[0] + " ")):
        # "Ann Lee said", "the White House said", "von der Leyen": the end of a longer name, registered as that;
        # "el Olmedal dijo": a thing’s name takes an article, a person’s seldom does
        return False
    article = people.article
    if article is None or not article.is_proper(word) or word.lower() in PRONOUN_WORDS or \
            word.lower() in STOP_NAMES or has_acronym(word) or word.lower() in article.lower or \
            NOT_A_PERSON.search(word) or organisation_in(word) or word in article.places or \
            is_common_noun(word, article):
        return False  # capitalised inside a sentence somewhere: not "Meanwhile said", "Nun erklärte"
    # a name by split_name's tests, but for the one against a sentence's first word: a subject opens its sentence,
    # and the speech verb after it, the word never written in lower case, make it a name there
    return is_lone_name_word(word, article)


def titled_span(text: str, match: re.Match) -> str:
    """"Former Kelby governor Ann Lee": capitalised words, a role noun, then the person's name; the whole phrase
    (the words before the role noun describe the role, they are not a person)."""
    role_then_name = ROLE_THEN_NAME.match(text, match.end())
    return match.group(0) + (role_then_name.group(0) if role_then_name else "")


def _learn_genders(narration: list[Segment], people: People) -> None:
    """"Ann Lee says she will run": a sentence that names one person and then says he or she refers to that
    person; the gender most such sentences give a person (one not fixed by a title) is theirs."""
    votes: dict[int, Counter] = {}
    by_id = {}
    for seg in narration:
        masked = mask_abbreviations(seg.text)
        sentences = _sentences(masked)
        named_in = [{id(m[1]): m for m in people.mentions if seg.start + start <= m[0] < seg.start + end}
                    for start, end in sentences]
        for k, (sentence, named) in enumerate(zip(sentences, named_in, strict=True)):
            if len(named) != 1:
                continue
            (position, person, *_), = named.values()
            if person.organisation:
                continue
            pronoun = LOWER_PRONOUN.search(masked, position - seg.start, sentence[1])
            # "Mayor Ivo Marrin has led the city since 2019. He wants ...": the next sentence's subject, when it
            # names no one
            names_no_one = k + 1 < len(sentences) and not named_in[k + 1]
            following = _opening_pronoun(masked, sentences[k + 1]) if names_no_one else None
            for found in (pronoun.group(0) if pronoun else None, following):
                if found:
                    by_id[id(person)] = person
                    votes.setdefault(id(person), Counter())[PRONOUN_WORDS[found.lower()]] += 1
    for key, counter in votes.items():
        person = by_id[key]
        (gender, count), *rest = counter.most_common()
        if person.gender is None and count >= 2 and (not rest or count > 2 * rest[0][1]):
            person.gender = gender


def _opening_pronoun(masked: str, sentence: tuple[int, int]) -> str | None:
    """The he or she that opens a sentence ("He wants the pier closed"), if one does."""
    words = masked[sentence[0] : sentence[1]].split()[:1]
    return words[0] if words and words[0].lower() in PRONOUN_WORDS else None


def _sentences(masked: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in SENTENCE_BREAK.finditer(masked)] + [len(masked)]
    return list(itertools.pairwise([0, *ends]))


def _follow_pronouns(narration: list[Segment], people: People) -> None:
    """"She was a booster of Ann Lee. ... 'I was there,' she said": a he/she opening a narration sentence (or a
    clause) refers to someone named before it, and keeps that person the latest one named. A his/her opening a
    sentence that names no one ("Her message is simple") is noted apart, in `people.owners`."""
    for seg in narration:
        for match in SUBJECT_PRONOUN.finditer(seg.text):
            position = seg.start + match.start(1)
            gender = PRONOUN_WORDS[match.group(1).lower()]
            person = people.last_mentioned(position, gender)
            if person is None:
                continue
            sentence = seg.start + sentence_start(seg.text, match.start(1))
            speaks = SPEAKS.match(seg.text, match.end(1)) is not None
            bisect.insort(people.mentions, (position, person, sentence, speaks), key=lambda item: item[0])
        for match in OPENING_POSSESSIVE.finditer(seg.text):  # kept apart: the ranker was trained without them
            if not match.group(1)[:1].isupper():
                continue  # "... and her message": inside a sentence, maybe anyone's
            position = seg.start + match.start(1)
            sentence = seg.start + sentence_start(seg.text, match.start(1))
            if any(mention[2] == sentence for mention in people.mentions):
                continue  # "His plan is bold, said Ann Lee": the sentence names its own people
            person = people.last_mentioned(position, POSSESSIVE_GENDER[match.group(1).lower()])
            if person is not None:
                people.owners.append((position, person))


def _note_mentions(seg: Segment, people: People) -> None:
    for match in PERSON_MENTION.finditer(seg.text):
        if _in_parentheses(seg.text, match.start()):
            continue
        person = people.lookup(titled_span(seg.text, match), seg.start + match.start())
        if person:
            sentence = seg.start + sentence_start(seg.text, match.start())
            speaks = SPEAKS.match(seg.text, match.end()) is not None or (  # "Sexton said", "Sexton, a pastor, said"
                seg.text[: match.start()].rstrip().endswith(",") and SPEAKS_AS_APPOSITIVE.match(seg.text, match.end()))
            people.mentions.append((seg.start + match.start(), person, sentence, speaks))
            appositive = APPOSITIVE_ROLE.match(seg.text[match.end() :])
            if appositive:
                people.add_role(appositive.group(1), person)
    articles = _definite_articles(people.article.language if people.article else None)
    for role, person in list(people.by_role.items()):
        for match in re.finditer(rf"\b(?:{articles})\s+{re.escape(role)}\b", seg.text):
            sentence = seg.start + sentence_start(seg.text, match.start())
            people.mentions.append((seg.start + match.start(), person, sentence, False))


@functools.cache
def _definite_articles(language: str | None) -> str:
    """"the", "la", "der": the definite articles of the article's language, as "the minister", "la ministra" may
    refer back to the person holding that role (English ones when the language has none)."""
    words = vocabulary((language,)).definite_articles if language else ()
    words = tuple(w for w in words if w[-1:].isalpha()) or ("the",)
    return "|".join(re.escape(w) for w in sorted({*words, *(w.capitalize() for w in words)}, key=len, reverse=True))


def _in_parentheses(text: str, position: int) -> bool:
    """"(Ann Lee/Kelby Times)", "(Photo: Ann Lee)": a name in parentheses is a credit or an aside, never the person
    a following "he" or "she" refers to, nor the one who speaks next."""
    opened = text.rfind("(", 0, position)
    return opened > text.rfind(")", 0, position) and text.find(")", position) > position


def _without_possessive(name: str) -> str:
    """"Ann Lee’s" -> "Ann Lee": a person named in the possessive ("Ann Lee’s hair was whiter") is a person."""
    return POSSESSIVE_END.sub("", name)


def _looks_like_person(text: str, match: re.Match, people: People) -> bool:
    """Two or three capitalised words, not an institution or place, not introduced as a place or a thing; a name
    in the possessive as well ("Ann Lee’s plan")."""
    if LEADING_ARTICLE.match(match.group("name")) and not _noun_then_name(match.group("name"), people.article):
        return False  # "The Huffington Post", "The Daily Mail": a title, not a person
    if ABBREVIATED_TITLE_NEXT.match(text, match.end()) and TITLE_ONLY.fullmatch(match.group("name").split()[-1] + "."):
        return False  # "former Ohio Gov. Ann Lee": "Ohio Gov" is a place and a title, not a person
    name = split_name(_without_possessive(match.group("name")), people.article).name
    words = name.split()
    if not 2 <= len(words) <= 4 or has_acronym(name):
        return False
    before = text[: match.start()].lower().split()[-2:] or [""]
    if before == ["according", "to"]:
        return True
    if _modifies_a_noun(name, people.article.text) and not (
            surname(name) in people.by_surname and _a_subject_somewhere(name, people.article.text)):
        return False  # but "Ivo Lund walked in ... the Ivo Lund jams", a Lund known: a relative of theirs
    if ARTICLE.fullmatch(before[-1]):
        return False  # "the Kelby Ridge": a thing's name
    if PLACE_PREPOSITION.fullmatch(before[-1]):
        return _speaks_alone(words[-1], people.article.text)
    return True


def _noun_then_name(phrase: str, article) -> bool:
    """"Die Bloggerin Wanda Pirsch", "Der Anwalt Jens Hobel": in a language that capitalises its nouns, an article and
    a common noun before a name open the sentence; not "Der Spiegel", "Die Zeit"."""
    words = phrase.split()
    return article is not None and article.capitalises_nouns and len(words) > 3 and is_common_noun(words[1], article)


def _speaks_alone(surname: str, text: str) -> bool:
    """"joined by Dana Quill ... Quill said", "attacks on Dana Quill ... On Monday, Quill hit back": a name after a
    preposition is a person's when the article lets its last word speak alone, or stand alone as a sentence's
    subject."""
    return surname in _lone_speakers(text, LONE_SPEAKER.compiled()) or \
        surname in _lone_speakers(text, LONE_SUBJECT.compiled())


@functools.lru_cache(maxsize=4)
def _lone_speakers(text: str, pattern: re.Pattern) -> frozenset[str]:
    """The capitalised words the article puts right before a speech verb ("Quill said", "Quill, a pilot, said")."""
    return frozenset(match.group(1) for match in pattern.finditer(text))


def _a_subject_somewhere(name: str, text: str) -> bool:
    """"At the fair, Ivo Lund walked between the stalls" as well as "the Ivo Lund jams": a name the article also opens a
    clause with, a lower-case verb after it, is someone's, whatever else it names."""
    return re.search(rf"(?:^|\n|[,.;]\s+){re.escape(name)}\s+[a-z]", text) is not None


def _modifies_a_noun(name: str, text: str) -> bool:
    """"the Kelby Ridge vigil", "the Dorne Valley fires": a name the article puts right between an article
    and a common noun names a place, an event or a style, not a person. Each place the name stands is looked
    at, with patterns compiled once (a pattern made per name took a third of segmenting's time)."""
    start = text.find(name)
    while start >= 0:
        gap = start
        while gap and text[gap - 1].isspace():
            gap -= 1
        if gap < start and LOWER_WORD_NEXT.match(text, start + len(name)) and (
                DETERMINER_ENDS.search(text, max(0, gap - LONGEST_DETERMINER), gap)
                or DETERMINER_AND_COMPOUND_ENDS.search(text, max(0, start - 40), start)):
            return True
        start = text.find(name, start + 1)
    return False
