"""What a phrase next to a quote names as its speaker: a pronoun, a person's name, a role ("the spokesman"),
a group ("protesters") or a document ("the statement"); the phrase is trimmed to the clause that speaks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.segment.article_words import ArticleWords
from briefing.segment.names import RELATIVES, ROLE_WORDS, organisation_in, split_name
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import PRONOUN_WORDS, STOP_NAMES, VOCAB, LanguagePattern, Words

# The phrase that names the speaker, up to the sentence's end; names.split_name picks the person out of it
# ("Harbour Authority spokesman Tom Reyes", "the economist Ivo Marrin, a former adviser").
PHRASE = r"[^.!?「」;:]{1,120}"
# The subject before a speech verb may fill most of its sentence: "Ann Lee, a consultant who early in the race had
# tried to start a campaign of her own, said" (cut at 120 characters, the phrase would start inside the name)
SUBJECT = r"[^.!?「」;:]{1,300}"
PARENTHESES = re.compile(r"\s*\([^()]*\)")  # "(D-N.Y.)"
NAME_IN_TEXT = LanguagePattern(lambda w: rf"(?:{w.title}\s+)*{w.name}")
ROLE_PHRASE = LanguagePattern(
    lambda w: rf"(?:{w.determiner}|{w.any_of('indefinites', capitals=True)})\s+(?P<role>[\w’' \-]+)")
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}
CLAUSE_WORDS = set(VOCAB.clause_words)
CONJUNCTION_WORDS = {w.lower() for w in VOCAB.conjunctions}
_CONJUNCTIONS = "|".join(map(re.escape, sorted(CONJUNCTION_WORDS)))
# "Ana Roe, Bo Kim and Eli Tan": what separates the names of a list, and the "and" that joins its last one
LIST_SEPARATOR = compiled(rf",\s*(?:(?:{_CONJUNCTIONS})\s+)?|\s+(?:{_CONJUNCTIONS})\s+")
LIST_CONJUNCTION = compiled(rf"(?:^|[\s,])(?:{_CONJUNCTIONS})\s")
CLITICS = set(VOCAB.clitics)  # "le dijo", "lui a dit": an object pronoun between the subject and its verb
SUBORDINATORS = {w.lower() for w in VOCAB.clause_words + VOCAB.subordinators}
SUFFIX_WORD = LanguagePattern(lambda w: w.suffix)
# "it", "they", "we": a subject that is no one person
NO_PERSON_PRONOUNS = {w.lower() for w in VOCAB.other_pronouns + VOCAB.plural_pronouns} - {
    w.lower() for w in VOCAB.relatives + VOCAB.demonstratives}
# "this Lee look-alike": a demonstrative and at most three words ending in a common noun
DEMONSTRATIVE_PHRASE = LanguagePattern(
    lambda w: rf"{w.any_of('demonstratives', capitals=True)}\s+(?P<role>(?:[\w’'\-]+\s+){{0,2}}[a-z][\w’'\-]*)")
# "protesters", "Kelby High fans": a plural (or role) noun with at most three words before it, no article
GROUP_PHRASE = LanguagePattern(
    lambda w: rf"(?P<role>(?:[\w’'\-]+\s+){{0,3}}(?:[a-z][\w\-]+[a-z]s|{w.any_of('role_nouns')}))")
APPOSITIVE_ROLE = re.compile(r",\s*((?:the|a|an|son|sa)\s+[^,.;:]+)")
CLAUSE_OPENERS = {w.lower() for w in VOCAB.subordinators} - {w.lower() for w in VOCAB.prepositions}  # "As", "When"


@dataclass
class Attribution:
    """A name (or pronoun) that the text next to a quote gives as its speaker, where it stands, and the cue.
    `alternatives` are further candidates from the same sentence, tried when this one names nobody known. `group`:
    the phrase names several people who speak as one ("die Eltern", by "sagten sie"), not a person."""

    raw: str
    offset: int
    cue: str
    alternatives: tuple[tuple[str, int], ...] = ()
    group: bool = False


def document(w: Words) -> str:
    """Only a written thing "reads": "the email read", "read the statement", "a sign that read"."""
    return (rf"(?<!\w)(?:{w.determiner}|{w.any_of('indefinites', capitals=True)})\s+(?:[\w’'\-]+\s+){{0,3}}"
            rf"{w.any_of('things')}\b")


def is_pronoun(raw: str) -> bool:
    return raw.lower() in PRONOUN_WORDS


def person_name(raw: str) -> str:
    name = split_name(raw).name
    return "" if has_acronym(name) else name


def has_acronym(name: str) -> bool:
    """"NYC Pride", "FULL TEXT", "WEEI": a word in capitals (not "II", not initials) names an organisation or is a
    heading, never a person."""
    return any(len(word) > 1 and word.isalpha() and word.isupper() and not SUFFIX_WORD.fullmatch(word)
               for word in name.split())


def usable(raw: str, article: ArticleWords | None = None) -> bool:
    """A pronoun, a phrase with a person's name in it, or a role ("the county's chief engineer"); with the article,
    a place's name it also gives as a person's surname ("Dana Paris ... Paris said")."""
    name = split_name(raw, article).name
    if len(name.split()) > 1 and name.isupper():
        return False  # "SHORT READS:", "FULL TEXT": a heading in capitals, not a speaker
    return is_pronoun(raw) or bool(name) or (role_of(raw) or organisation_in(raw)) is not None


def joint_speakers(raw: str, article: ArticleWords | None = None) -> str | None:
    """"said Ana Roe and Bo Kim, both members of the board", "wrote Ana Roe, Bo Kim and Eli Tan": people named one
    after another, the last joined by "and", speak as one; their names as the group's ("Ana Roe and Bo Kim"). None
    when a part is no person's name ("Ana Roe and her husband")."""
    joined = LIST_CONJUNCTION.findall(raw)
    if not joined:
        return None
    parts = LIST_SEPARATOR.split(raw.strip())
    if any(part.rstrip().endswith("-") for part in parts[:-1]):
        return None  # "der Bau-, Verkehrs- und Umweltdirektor X": one compound cut short, one role
    names = []
    for part in parts:
        name = split_name(part, article).name
        if not name or len(name.split()) < 2 or has_acronym(name):
            break
        names.append(name)
        if not part.strip().endswith(name):
            break  # "Bo Kim of the Fund for Parks and Rivers": what follows the name describes it
    if len(names) < 2 or raw.find(names[-1]) < raw.find(joined[0].strip()):
        return None
    return f"{', '.join(names[:-1])} {joined[0].strip()} {names[-1]}"


def first_named_part(raw: str) -> str:
    """After the verb the speaker comes first: "said Ann Lee (D), a Bo Kim supporter" -> "Ann Lee"."""
    return next((part for part in raw.split(",") if split_name(part).name), raw)


def role_of(raw: str) -> str | None:
    """The role, group or document a phrase names as the speaker: its last part between commas that starts with an
    article or a quantifier ("the spokesman", "many reporters", "the statement"), or a bare plural of people
    ("protesters", "Kelby High fans")."""
    for part in reversed(raw.split(",")):
        part = _without_a_linking_word(part.strip())  # "As one employee told ...": the subject after "As"
        role = ROLE_PHRASE.fullmatch(part) or _group_or_demonstrative(part)
        if role:
            return role.group("role")
    return None


def _without_a_linking_word(phrase: str) -> str:
    """"As one employee", "as the board's website": a clause opened by a subordinator names its subject after it
    (read with English lists only, "as" is no article as it is in Portuguese)."""
    first, _, rest = phrase.partition(" ")
    return rest.strip() if rest and first.lower() in CLAUSE_OPENERS else phrase


def _group_or_demonstrative(part: str) -> re.Match | None:
    phrase = DEMONSTRATIVE_PHRASE.fullmatch(part) or GROUP_PHRASE.fullmatch(part)
    plain = phrase and not organisation_in(part) and not any(
        w.lower() in STOP_NAMES or w.lower() in PRONOUN_WORDS for w in phrase["role"].split())
    return phrase if plain else None


def indefinite(raw: str) -> str | None:
    """The word that makes a speaker phrase indefinite ("another official" -> "another"), if any."""
    first = raw.split(",")[-1].split()[:1]
    return first[0].lower() if first and first[0].lower() in INDEFINITE_WORDS else None


def trim(raw: str, verb: str = "", stop_words: set[str] = frozenset()) -> str:
    """"she later", "When he arrived, he" -> the pronoun. Before an -ing verb ("X took a risk by winking at Y,
    telling the crowd") the subject is the first name of the last clause, not the one nearest the verb."""
    bare = PARENTHESES.sub("", raw).strip()
    if bare.endswith(",") and bare.count(",") == 1 and opens_a_leading_clause(bare):
        return ""  # "Quando gli è stato chiesto delle tariffe, ha detto": the main clause leaves its subject out
    words = main_clause(bare.strip(" ,")).split()
    if _clause_of_its_own(words):
        return words[-1]
    coordinated = bool(words) and words[-1] in CONJUNCTION_WORDS  # "he backed Lee over Kim and said"
    while len(words) > 1 and (words[-1] in stop_words or words[-1] in CLITICS):  # the article's own language's
        words.pop()  # "the star then recalled", "the president will say": the subject ends before the adverb
    raw = " ".join(words)
    last = raw.split(",")[-1]
    words = _without_a_joining_word(last.split())
    if words and words[0].lower() in PRONOUN_WORDS and (len(words) <= 2 or coordinated):
        return words[0]  # "she later said", "he backed Lee over Kim and said": the clause's own subject
    opening_pronoun = next((word for word in words[:3] if word.lower() in PRONOUN_WORDS), None)
    if coordinated and opening_pronoun and all(word[:1].islower() for word in words[1 : words.index(opening_pronoun)]):
        # "Then she showed the Kelberg Collection and said", "Dann zeigte sie die Sammlung Kelberg und betonte":
        # after an opening adverb (and, in German, the verb) the pronoun is the subject of both verbs; what stands
        # before "and" is the first verb's object
        return opening_pronoun
    if verb.endswith("ing"):
        names = [m.group(0) for m in NAME_IN_TEXT.finditer(last) if split_name(m.group(0)).name]
        if not names and words and words[0].lower() in PRONOUN_WORDS:
            return words[0]  # "she released a statement saying": the clause's subject
        # A full name before a lone capitalised word that may only start the sentence ("Band member Ann Lee")
        return next((name for name in names if len(split_name(name).name.split()) > 1), names[0] if names else raw)
    if "," in raw and words and not any(word[:1].islower() for word in words) and split_name(last).name \
            and last.strip().lower() not in ROLE_WORDS:  # not "sagte Ian Korben, Virologe": a German role noun
        return last.strip()  # "They meet next week, Dana Quill said": the name right before the verb speaks
    return raw


def _clause_of_its_own(words: list[str]) -> bool:
    """"..., including Port Selby, it said": after a comma a pronoun that is no one person ("it", "they") is the
    verb's subject; the name before the comma belongs to the sentence before it, and does not speak."""
    return len(words) >= 2 and words[-1].lower() in NO_PERSON_PRONOUNS and words[-2].endswith(",")


def _without_a_joining_word(words: list[str]) -> list[str]:
    """"..., and he said", "..., but she later said": a clause joined on by a lower-case word has its subject after
    that word."""
    if len(words) >= 2 and words[0][:1].islower() and words[0].lower() not in PRONOUN_WORDS \
            and words[1].lower() in PRONOUN_WORDS:
        return words[1:]
    return words


def main_clause(phrase: str) -> str:
    """"As Tom Vale attacked Kim, the crowd" -> "the crowd": a leading clause names no subject of the verb (but in
    "As Ann Lee, a pilot, put it" the name has its role between commas: she is the subject)."""
    first, comma, rest = phrase.partition(",")
    if not comma or not rest.strip() or not opens_a_leading_clause(first) or rest.split()[0] in RELATIVES:
        return phrase  # "mentre Ada Ferri, che dirige la Casa Verde": the relative clause describes Ada Ferri
    name_alone = not any(word[:1].islower() for word in first.split()[1:])
    return phrase if name_alone and APPOSITIVE_ROLE.match(phrase, len(first)) else rest.lstrip()


def opens_a_leading_clause(phrase: str) -> bool:
    return any(word.lower() in SUBORDINATORS for word in phrase.split()[:1])


def describes_a_noun(name: str, role: str | None) -> bool:
    """"this Lee look-alike", "the Kelby businessman": a name inside a phrase headed by a common noun describes
    that noun; the phrase, not the named person, speaks."""
    words = role.split() if role else []
    return bool(name and words and name in role and len(words) <= 4 and words[-1][:1].islower()
                and not any(word in CLAUSE_WORDS for word in words))
