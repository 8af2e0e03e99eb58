"""Who said each quote: the subject of a speech verb next to it ("X said", "said X", "according to X", "X: ..."),
resolved to one canonical name per person; quotes the text does not attribute follow the utterance they belong to.
Then a small learned ranker (ranker.py) weighs the rules' choice against the other people named near the quote, on
the cues where it beat the rules in cross-validation. Each quote keeps the evidence (cue) that decided its speaker:
the rules' cue, or "ranked: NAME (rules: CUE)" where the ranker chose someone else."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from briefing.model import Segment
from briefing.segment.patterns import (
    ADVERB,
    NAME_WORD,
    PRONOUN_WORDS,
    STOP_NAMES,
    UPPER,
    VOCAB,
    WHEN,
    LanguagePattern,
    Words,
    alternation,
    capitalised,
)
from briefing.segment.people import LINKING_WORDS, ArticleWords, People, Person, organisation_in, split_name
from briefing.segment.quotes import TRAILING_ATTRIBUTION
from briefing.segment.ranker import (
    Mention,
    QuoteContext,
    Ranker,
    candidates,
    cue_class,
    features,
    mentions_by_paragraph,
    named_in,
    shipped_ranker,
)
from briefing.segment.sentences import PARTIAL_QUOTE_INTRO, SENTENCE_BREAK, mask_abbreviations, sentence_start

SEP = r"^[\s,.–—-]*"
# The phrase that names the speaker, up to the sentence's end; people.split_name picks the person out of it
# ("White House spokesman Eric Schultz", "the economist Jared Bernstein, a former adviser").
PHRASE = r"[^.!?「」;:]{1,120}"
PARENTHESES = re.compile(r"\s*\([^()]*\)")  # "(D-N.Y.)"
NAME_IN_TEXT = LanguagePattern(lambda w: rf"(?:{w.title}\s+)*{w.name}")
LEADING_ARTICLE = LanguagePattern(lambda w: rf"{w.determiner}\s")
ROLE_PHRASE = LanguagePattern(
    lambda w: rf"(?:{w.determiner}|{w.any_of('indefinites', capitals=True)})\s+(?P<role>[\w’' \-]+)")
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}
CLAUSE_WORDS = set(VOCAB.clause_words)
CONJUNCTION_WORDS = set(VOCAB.conjunctions)
SUBORDINATORS = {w.lower() for w in VOCAB.clause_words + VOCAB.subordinators}
SUFFIX_WORD = LanguagePattern(lambda w: w.suffix)
# "this Lee look-alike": a demonstrative and at most three words ending in a common noun
DEMONSTRATIVE_PHRASE = LanguagePattern(
    lambda w: rf"{w.any_of('demonstratives', capitals=True)}\s+(?P<role>(?:[\w’'\-]+\s+){{0,2}}[a-z][\w’'\-]*)")
# "protesters", "Kelby High fans": a plural (or role) noun with at most three words before it, no article
GROUP_PHRASE = LanguagePattern(
    lambda w: rf"(?P<role>(?:[\w’'\-]+\s+){{0,3}}(?:[a-z][\w\-]+[a-z]s|{w.any_of('role_nouns')}))")
# After a verb, what reports speech of its own: "said that ...", "said he would ...", "announced a plan"
REPORTED_SPEECH = LanguagePattern(lambda w: rf"\s+(?:that\b|(?:{w.pronoun}|{w.determiner}|{NAME_WORD})\s+[\w’']+)")


def _clause_after(w: Words) -> str:
    """After "said", the speaker's phrase stops at a preposition or a clause ("wrote Ann Lee in The Daily Mail")."""
    return rf"(?:(?!\s{w.clause_word}\s)[^.!?“”\"«»「」;:,]){{1,100}}"


def _phrase_after(w: Words) -> str:
    """The speaker's phrase after "said": it may hold one comma ("son secrétaire général, Marc Lefèvre"), or be
    someone new out of a group ("one of the organisers", "some of his aides")."""
    part_of = rf"{w.any_of('indefinites', capitals=True)}\s+of\s+"
    return rf"(?!{w.clause_word}\b)(?:{part_of}{_clause_after(w)}|{_clause_after(w)}(?:,\s+{_clause_after(w)})?)"


def _document(w: Words) -> str:
    """Only a written thing "reads": "the email read", "read the statement", "a sign that read"."""
    return (rf"(?<!\w)(?:{w.determiner}|{w.any_of('indefinites', capitals=True)})\s+(?:[\w’'\-]+\s+){{0,3}}"
            rf"{w.any_of('things')}\b")


AFTER_QUOTE = [  # (pattern on the narration right after a quote, cue)
    (LanguagePattern(lambda w: rf"{SEP}{w.speech_verbs}{WHEN},?\s+(?P<name>{_phrase_after(w)})"), "said-after"),
    # '"..." for the mayor, said Ann Lee': the quote's sentence runs on in lower case, then the speaker follows
    # the verb
    (LanguagePattern(lambda w: rf"{SEP}(?!{w.pronoun}\b|{w.determiner}\b)[a-z][^.!?“”\"«»]{{0,120}}?,\s+"
                               rf"{w.speech_verbs}{WHEN},?\s+(?={NAME_WORD})(?P<name>{_phrase_after(w)})"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}(?P<name>{w.pronoun}|{PHRASE}?)\s+{ADVERB}(?P<verb>{w.speech_verbs})\b"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}{w.according_to}\s+(?P<name>{PHRASE})"), "according-to"),
    (LanguagePattern(lambda w: rf"{SEP}(?P<name>{_document(w)})\s+(?:that\s+)?{w.any_of('document_verbs')}\b"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}{w.any_of('document_verbs')}\s+(?P<name>{_document(w)})"), "said-after"),
]
BEFORE_QUOTE_VERB = LanguagePattern(lambda w: (
    # "Ann Lee said:", and "The ad claims", "said in a statement that": the verb ends the lead-in
    rf"(?P<name>{w.pronoun}\b|{PHRASE}?)\s+{ADVERB}(?P<verb>{w.speech_verbs})\b(?:[^.!?]*[,:]|(?:{WHEN}\s+that)?)\s*$|"
    rf"(?:{w.according_to}\s+(?P<name2>[^,.!?:]{{1,120}})[^.!?]*|"
    # "Said the mayor, ..."
    rf"^\s*{alternation(capitalised(w.vocab.speech_verbs))}\s+(?P<name3>[^,.!?:]{{1,80}}))[,:]\s*$|"
    rf"(?P<name4>{PHRASE}?),\s+{ADVERB}(?P<verb2>{w.speech_verbs})\s*$|"  # "Ann Lee posted a photo, writing"
    rf"(?P<name5>{_document(w)})\s+(?:that\s+)?{w.any_of('document_verbs')}[,:]?\s*$|"  # "a sign that read"
    # "..., the board writes.", "Ann Lee agreed.": a sentence whose short subject speaks, right before the quote
    rf"(?:^\s*|,\s+)(?P<name7>(?:[\w’'\-.]+\s+){{0,5}}?[\w’'\-.]+)\s+{ADVERB}(?P<verb4>{w.speech_verbs}){WHEN}\.\s*$"
))
CAPITALISED_RUN = rf"(?:[{UPPER}][\w.’'\-]*\s+){{0,4}}[{UPPER}][\w’'\-]*"  # "Rep. Ann Lee": _usable checks it
# ", but Ann Lee said", ", the source recalled": a later clause of the lead-in with a speaker of its own (a
# linking word in lower case may open it)
LATER_CLAUSE_SPEAKER = LanguagePattern(lambda w: (
    rf",\s+(?:(?:[^\W\d_{UPPER}][\w’']*\s+)?(?P<name>{w.pronoun}|{CAPITALISED_RUN})|"
    rf"(?P<role>{w.determiner}\s+(?:[\w’'\-]+\s+){{0,2}}[\w’'\-]+))\s+{ADVERB}(?P<verb>{w.speech_verbs})\b(?<!ing)"))
LEAD_IN_NAMES = ("name", "name2", "name3", "name4", "name5", "name7")  # BEFORE_QUOTE_VERB's groups
LEAD_IN_VERBS = ("verb", "verb2", "verb4")
# "— Ann Lee": a line of its own, or the end of the quote's paragraph, that signs the quote
SIGNATURE = re.compile(rf"^\s*[–—-]+\s*(?P<name>[{UPPER}][^,;:!?()]{{0,60}}?)[\s.,]*$")  # split_name checks it
NOT_INSIDE_A_WORD = r"(?<![\w\-])"  # "a pro-Lee group" names no one
CANDIDATE = LanguagePattern(lambda w: rf"{NOT_INSIDE_A_WORD}(?:{w.title}\s+)*{w.name}|\b{w.pronoun}\b")
APPOSITIVE_ROLE = re.compile(r",\s*((?:the|a|an|son|sa)\s+[^,.;:]+)")
PERSON_MENTION = LanguagePattern(lambda w: rf"{NOT_INSIDE_A_WORD}(?:(?P<title>{w.title})\s+)?(?P<name>{w.name})")
SUBJECT_PRONOUN = LanguagePattern(lambda w: rf"(?:^|[.!?]\s+|,\s+)({w.pronoun})\b")
LOWER_PRONOUN = LanguagePattern(lambda w: rf"\b{w.any_of('male_pronouns', 'female_pronouns')}\b")
TITLE_ONLY = LanguagePattern(lambda w: w.title)
ABBREVIATED_TITLE_NEXT = re.compile(rf"\.\s+{NAME_WORD}")
SPEECH = LanguagePattern(lambda w: rf"\b{w.speech_verbs}\b")
# "Former Kelby governor Ann Lee": after a titled word, a role noun and a name; the name is the person
ROLE_THEN_NAME = LanguagePattern(lambda w: rf"\s+{w.any_of('role_nouns')}\s+{w.name}")
# "the Kelby Ridge vigil": a determiner right before a name, a lower-case word right after it (_modifies_a_noun)
DETERMINER_ENDS = LanguagePattern(lambda w: rf"(?<!\w){w.determiner.lower()}\Z")
LONGEST_DETERMINER = max(map(len, VOCAB.determiners), default=0)
LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
LONE_SPEAKER = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])({NAME_WORD})(?:,[^,.!?]{{1,60}},)?\s+{ADVERB}{w.speech_verbs}\b")
SPEAKS = LanguagePattern(lambda w: rf"(?:,[^,.!?]{{1,60}},)?\s+{ADVERB}{w.speech_verbs}\b")
CLAUSE_OPENERS = {w.lower() for w in VOCAB.subordinators} - {w.lower() for w in VOCAB.prepositions}  # "As", "When"
ARTICLES = {"the", "a", "an"}
PREPOSITIONS = {"of", "in", "at", "from", "to", "for", "on", "by"}  # "in New Kelby", "by Ivo Marrin"
CONTINUING_CUES = ("continues-previous", "same-utterance")  # the speaker of the quote before, by the rules
OPENING_MARKS = "“\"«„「『‹»'‘"
CLOSING_MARKS = "”\"»“」』›«'’"


@dataclass
class _Attribution:
    """A name (or pronoun) that the text next to a quote gives as its speaker, where it stands, and the cue.
    `alternatives` are further candidates from the same sentence, tried when this one names nobody known."""

    raw: str
    offset: int
    cue: str
    alternatives: tuple[tuple[str, int], ...] = ()


def attribute(segments: list[Segment], source: str,
              ranker: Ranker | None = None) -> tuple[list[Segment], dict[str, str]]:
    """Give every quote its speaker's canonical name (None when the text does not say) and the cue that decided
    it; also return the gender the article gives each speaker (by pronoun or title), for casting. The rules decide
    first; the learned ranker (the shipped one unless `ranker` is given) then weighs them against the other people
    named nearby."""
    people, speakers = _rule_speakers(segments, source)
    ranker = ranker or shipped_ranker()
    if ranker is not None:
        _rerank(segments, source, speakers, people, ranker)
    people.settle([person for person, _ in speakers.values() if person is not None])  # one name per person
    attributed = [
        replace(seg, speaker=speakers[i][0].name if speakers[i][0] else None,
                cue=speakers[i][1] if speakers[i][0] else None)
        if seg.kind == "quote" else seg
        for i, seg in enumerate(segments)
    ]
    genders = {p.name: p.gender for p, _ in speakers.values() if p is not None and p.gender}
    return attributed, genders


def ranking_inputs(segments: list[Segment], source: str) -> tuple[list[QuoteContext], list[Mention]]:
    """What the ranker sees for each quote (the rules' choice, neighbours, mentions); for training it."""
    people, speakers = _rule_speakers(segments, source)
    return _contexts(segments, speakers), mentions_by_paragraph(segments, people.mentions)


def _rule_speakers(segments: list[Segment], source: str) -> tuple[People, dict[int, tuple[Person | None, str | None]]]:
    people = People(ArticleWords(source))
    found = {i: _attribution_near(segments, i, people.article)
             for i, seg in enumerate(segments) if seg.kind == "quote"}
    for attribution in found.values():
        if attribution and not _is_pronoun(attribution.raw) and not attribution.alternatives \
                and not _has_acronym(split_name(attribution.raw).name):
            people.register(attribution.raw)
    _collect_mentions(segments, people)
    speakers: dict[int, tuple[Person | None, str | None]] = {}
    for index, attribution in found.items():
        speakers[index] = _resolve_first(attribution, people)
    _share_within_utterances(segments, speakers, source)
    _fill_unattributed(segments, speakers, people)
    return people, speakers


def _contexts(segments: list[Segment], speakers: dict) -> list[QuoteContext]:
    """Each quote with the rules' choice, the previous quote's speaker (up to two paragraphs back) and the next
    one's (up to a paragraph on), and how often the rules gave each person a quote before it."""
    order = sorted(speakers)
    counts: dict[int, int] = {}
    later = Counter(id(person) for person, _ in speakers.values() if person is not None)
    contexts = []
    for k, index in enumerate(order):
        paragraph = segments[index].paragraph
        previous = order[k - 1] if k else None
        following = order[k + 1] if k + 1 < len(order) else None
        contexts.append(QuoteContext(
            index, segments[index], *speakers[index],
            previous=(speakers[previous][0], segments[previous].paragraph)
            if previous is not None and segments[previous].paragraph >= paragraph - 2 else (None, -1),
            following=(speakers[following][0], segments[following].paragraph)
            if following is not None and segments[following].paragraph <= paragraph + 1 else (None, -1),
            quoted_before=dict(counts)))
        if speakers[index][0] is not None:
            counts[id(speakers[index][0])] = counts.get(id(speakers[index][0]), 0) + 1
            later[id(speakers[index][0])] -= 1
        contexts[-1].quoted_after = {key: n for key, n in later.items() if n > 0}
    return contexts


def _rerank(segments: list[Segment], source: str, speakers: dict, people: People, ranker: Ranker) -> None:
    """Where the ranker prefers another candidate to the rules' choice, that candidate speaks; its cue says so.
    Quotes the rules gave the same speaker because they continue this one follow the change."""
    mentions = mentions_by_paragraph(segments, people.mentions)
    change = None  # (the rules' person, the ranker's) of the quote before
    for context in _contexts(segments, speakers):
        cue = cue_class(context.rule_cue) if context.rule_person else "none"
        if change and cue in CONTINUING_CUES and context.rule_person is change[0]:
            speakers[context.index] = (change[1], f"ranked: {change[1].name} (rules: {cue}, as the quote before)")
            continue
        change = None
        people_near = candidates(context, mentions, segments)
        if not people_near or not ranker.may_override(context.rule_cue if context.rule_person else None):
            continue
        scored = [(ranker.score(features(p, context, mentions, segments, source)), p) for p in people_near]
        best = max(scored, key=lambda item: item[0])[1]
        if best is not context.rule_person:
            speakers[context.index] = (best, f"ranked: {best.name} (rules: {cue or 'none'})")
            change = (context.rule_person, best)


def _resolve_first(attribution: _Attribution | None, people: People) -> tuple[Person | None, str | None]:
    if attribution is None:
        return None, None
    for raw, offset in ((attribution.raw, attribution.offset), *attribution.alternatives):
        person = _resolve(raw, offset, people)
        if person:
            cue = f"pronoun→{person.name}" if _is_pronoun(raw) else " ".join(attribution.cue.split())
            return person, cue
    return None, None


def _is_pronoun(raw: str) -> bool:
    return raw.lower() in PRONOUN_WORDS


def _resolve(raw: str, offset: int, people: People) -> Person | None:
    if _is_pronoun(raw):
        gender = PRONOUN_WORDS[raw.lower()]
        person = people.last_mentioned(offset, gender)
        if person and person.gender is None:
            person.gender = gender
        return person
    role = _role_of(raw)
    name = split_name(raw).name
    if _has_acronym(name):  # "WEEI said": an organisation speaks
        return people.by_role.setdefault(name.lower(), Person(name, organisation=True))
    named = bool(name) and not _describes_a_noun(name, role)
    if role and not named and (_indefinite(raw) or name):
        # "a spokesman", "one official", "many voters": someone not named before, never a known person's title;
        # "this Lee look-alike": not Lee
        person = None if _indefinite(raw) else people.by_role.get(role.lower())
    else:
        person = people.lookup(raw, offset)
    organisation = None if role else organisation_in(raw)
    if person is None and (role or organisation) and not named:
        name = role or organisation
        if role and _indefinite(raw) == "another":
            name = f"another {role}"  # "another official said": not the official quoted before
        elif role and role.startswith("of "):
            name = f"{_indefinite(raw)} {role}"  # "one of the organisers"
        person = people.by_role.setdefault(name.lower(), Person(name, organisation=bool(organisation)))
    return person


def _describes_a_noun(name: str, role: str | None) -> bool:
    """"this Lee look-alike", "the Kelby businessman": a name inside a phrase headed by a common noun describes
    that noun; the phrase, not the named person, speaks."""
    words = role.split() if role else []
    return bool(name and words and name in role and len(words) <= 4 and words[-1][:1].islower()
                and not any(word in CLAUSE_WORDS for word in words))


def _person_name(raw: str) -> str:
    name = split_name(raw).name
    return "" if _has_acronym(name) else name


def _has_acronym(name: str) -> bool:
    """"NYC Pride", "FULL TEXT", "WEEI": a word in capitals (not "II", not initials) names an organisation or is a
    heading, never a person."""
    return any(len(word) > 1 and word.isalpha() and word.isupper() and not SUFFIX_WORD.fullmatch(word)
               for word in name.split())


def _usable(raw: str, article: ArticleWords | None = None) -> bool:
    """A pronoun, a phrase with a person's name in it, or a role ("the county's chief engineer"); with the article,
    a place's name it also gives as a person's surname ("Dana Paris ... Paris said")."""
    name = split_name(raw, article).name
    if len(name.split()) > 1 and name.isupper():
        return False  # "SHORT READS:", "FULL TEXT": a heading in capitals, not a speaker
    return _is_pronoun(raw) or bool(name) or (_role_of(raw) or organisation_in(raw)) is not None


def _first_named_part(raw: str) -> str:
    """After the verb the speaker comes first: "said Ann Lee (D), a Bo Kim supporter" -> "Ann Lee"."""
    return next((part for part in raw.split(",") if split_name(part).name), raw)


def _role_of(raw: str) -> str | None:
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


def _indefinite(raw: str) -> str | None:
    """The word that makes a speaker phrase indefinite ("another official" -> "another"), if any."""
    first = raw.split(",")[-1].split()[:1]
    return first[0].lower() if first and first[0].lower() in INDEFINITE_WORDS else None


def _trim(raw: str, verb: str = "", stop_words: set[str] = frozenset()) -> str:
    """"she later", "When he arrived, he" -> the pronoun. Before an -ing verb ("X took a risk by winking at Y,
    telling the crowd") the subject is the first name of the last clause, not the one nearest the verb."""
    words = _main_clause(PARENTHESES.sub("", raw).strip(" ,")).split()
    coordinated = bool(words) and words[-1] in CONJUNCTION_WORDS  # "he backed Lee over Kim and said"
    while len(words) > 1 and words[-1] in stop_words:  # the article's own language's
        words.pop()  # "the star then recalled", "the president will say": the subject ends before the adverb
    raw = " ".join(words)
    last = raw.split(",")[-1]
    words = last.split()
    if words and words[0].lower() in PRONOUN_WORDS and (len(words) <= 2 or coordinated):
        return words[0]  # "she later said", "he backed Lee over Kim and said": the clause's own subject
    if verb.endswith("ing"):
        names = [m.group(0) for m in NAME_IN_TEXT.finditer(last) if split_name(m.group(0)).name]
        # A full name before a lone capitalised word that may only start the sentence ("Band member Ann Lee")
        return next((name for name in names if len(split_name(name).name.split()) > 1), names[0] if names else raw)
    if "," in raw and words and not any(word[:1].islower() for word in words) and split_name(last).name:
        return last.strip()  # "They meet next week, Dana Quill said": the name right before the verb speaks
    return raw


def _main_clause(phrase: str) -> str:
    """"As Tom Vale attacked Kim, the crowd" -> "the crowd": a leading clause names no subject of the verb (but in
    "As Ann Lee, a pilot, put it" the name has its role between commas: she is the subject)."""
    first, comma, rest = phrase.partition(",")
    if not comma or not rest.strip() or not _opens_a_leading_clause(first):
        return phrase
    name_alone = not any(word[:1].islower() for word in first.split()[1:])
    return phrase if name_alone and APPOSITIVE_ROLE.match(phrase, len(first)) else rest.lstrip()


def _attribution_near(segments: list[Segment], index: int, article: ArticleWords | None = None) -> _Attribution | None:
    """The speaker named right after the quote, or in the sentence that leads into it."""
    stop_words = article.stop_words if article else frozenset()
    quote = segments[index]
    preceding = segments[index - 1] if index else None
    if quote.partial and preceding and preceding.paragraph == quote.paragraph:
        start = sentence_start(preceding.text, len(preceding.text))
        match = PARTIAL_QUOTE_INTRO.search(mask_abbreviations(preceding.text[start:]))
        if match:
            end = start + match.end("name")
            role_then_name = ROLE_THEN_NAME.match(preceding.text, end)  # "Former Kelby governor Ann Lee calls"
            name = preceding.text[start + match.start("name") : role_then_name.end() if role_then_name else end]
            return _Attribution(name, preceding.start + start + match.start("name"), "partial-intro")
    after = _right_after(segments, index, stop_words, article)
    if after:
        return after
    lead_in = preceding and preceding.kind == "narration" and (
        preceding.paragraph == quote.paragraph
        or (preceding.paragraph == quote.paragraph - 1 and preceding.text.rstrip().endswith(":")))
    # '"A," he claimed. "B."': a sentence that attributes the quote before it is no lead-in of its own
    attributes_previous = index >= 2 and segments[index - 2].kind == "quote" and not segments[index - 2].partial \
        and segments[index - 2].paragraph == quote.paragraph
    return _lead_in(preceding, stop_words, attributes_previous) if lead_in else None


def _right_after(segments: list[Segment], index: int, stop_words: set[str],
                 article: ArticleWords | None) -> _Attribution | None:
    """The attribution in the narration right after the quote: in its paragraph, or a signature line ("— Ann Lee")
    that ends the paragraph or makes up the next one."""
    quote = segments[index]
    following = segments[index + 1] if index + 1 < len(segments) else None
    if not following or following.kind != "narration" or following.paragraph > quote.paragraph + 1:
        return None
    signature = SIGNATURE.match(following.text)
    if signature and _signs(signature.group("name")):
        return _Attribution(signature.group("name"), following.start + signature.start("name"),
                            f'said-after: "{following.text.strip()}"')
    return _after_quote(quote, following, stop_words, article) if following.paragraph == quote.paragraph else None


def _signs(phrase: str) -> bool:
    """"Rep. Ann Lee" signs a quote; "Reporting by Ann Lee" (a credit line) does not."""
    name = split_name(phrase).name
    before = phrase[: phrase.rfind(name)].split() if name else []
    return bool(name) and all(word[:1].isupper() for word in before)


def _after_quote(quote: Segment, following: Segment, stop_words: set[str],
                 article: ArticleWords | None = None) -> _Attribution | None:
    """'..., said Ann Lee' / '..., she said' / '..., according to X' right after the quote. Not a new sentence that
    reports other speech ('"We lost." Lee said that the vote was unfair') or opens with a linking word ('"We lost."
    And as Lee noted, ...'): that is narration of its own."""
    masked = _blank_parentheses(mask_abbreviations(following.text))
    for pattern, cue in AFTER_QUOTE:
        match = pattern.match(masked)
        verb = (match.groupdict().get("verb") or "") if match else ""
        if verb and quote.text.rstrip().endswith(".") and (REPORTED_SPEECH.match(masked, match.end())
                                                          or _opens_a_new_clause(masked[match.start("name") :])):
            continue
        name = _trim(following.text[match.start("name") : match.end("name")], verb, stop_words) if match else ""
        if match and pattern in (AFTER_QUOTE[0][0], AFTER_QUOTE[1][0]):
            name = _first_named_part(name)
        if match and _usable(name, article):
            evidence = following.text[: match.end()].strip(" ,.–—-")
            return _Attribution(name, following.start + match.start("name"), f'{cue}: "{evidence}"')
    return None


def _blank_parentheses(text: str) -> str:
    """"Rep. Bo Karsten (D-Ore.) said": an aside in parentheses (party, state, age) is blanked, offsets kept, so its
    full stops do not end the speaker's phrase."""
    return PARENTHESES.sub(lambda m: " " * len(m.group(0)), text)


def _lead_in(preceding: Segment, stop_words: set[str] = frozenset(),
             attributes_previous: bool = False) -> _Attribution | None:
    """'X said:' / 'According to X,' / 'In a statement, the board said:' / 'X: ...' before the quote."""
    sentence_at = sentence_start(preceding.text, len(preceding.text))
    sentence = preceding.text[sentence_at:]
    offset = preceding.start + sentence_at
    masked = mask_abbreviations(sentence)
    match = BEFORE_QUOTE_VERB.search(masked)
    later = _later_clause_speaker(masked, match)
    if later:
        group = "name" if later.group("name") else "role"
        return _Attribution(later.group(group), offset + later.start(group),
                            f'said-before: "{sentence[later.start(group) :].strip(" ,:")}"')
    group = next((g for g in LEAD_IN_NAMES if match.group(g)), "") if match else ""
    verb = next((match.group(g) for g in LEAD_IN_VERBS if match.group(g)), "") if match else ""
    name = _trim(sentence[match.start(group) : match.end(group)], verb, stop_words) if match else ""
    if group == "name7" and ((attributes_previous and sentence_at == 0) or _opens_a_leading_clause(name)):
        match = None  # "..., as the crowd cheered.": a leading clause's subject, not the sentence's
    if match and _usable(name):
        cue = {"name2": "according-to", "name3": "said-before"}.get(group, "said-before")
        evidence = f'{cue}: "{sentence[match.start() : match.end()].strip(" ,:")}"'
        return _Attribution(name, offset + match.start(group), evidence)
    if sentence.rstrip().endswith(":"):
        return _colon_lead_in(sentence, offset)
    return None


def _later_clause_speaker(masked: str, match: re.Match | None) -> re.Match | None:
    """"His wife had warned him, but Tom Vale said: ..." -> the speaker of the last clause before the quote."""
    verb = next((group for group in LEAD_IN_VERBS if match and match.group(group)), None)
    if verb is None:
        return None
    verb_end = match.end(verb)
    found = [m for m in LATER_CLAUSE_SPEAKER.finditer(masked, verb_end) if _usable(m.group("name") or m.group("role"))]
    return found[-1] if found else None


def _opens_a_new_clause(text: str) -> bool:
    """"And as Lee noted, ...", "But when Kim said": a capitalised linking word opens a sentence of its own."""
    first = text.split()[:1]
    return bool(first) and first[0][:1].isupper() and first[0].lower() in LINKING_WORDS | CONJUNCTION_WORDS


def _opens_a_leading_clause(phrase: str) -> bool:
    return any(word.lower() in SUBORDINATORS for word in phrase.split()[:1])


def _colon_lead_in(sentence: str, offset: int) -> _Attribution | None:
    """'When Lee died, Mayor Kim released a statement:' -> the main clause's subject (Kim), a person before an
    organisation; 'The Kelby campaign, in a note to voters, wrote:' -> the role or group that opens the main clause."""
    main = _main_clause_start(sentence)
    subject, *rest = sentence[main:].split(",")
    if len(subject.split()) <= 6 and _role_of(subject) and not split_name(subject).name:
        appositive = rest[0] if rest and len(rest[0].split()) <= 5 else ""
        if split_name(appositive).name:  # "One early backer, Rep. Ann Lee, put it this way:": the name
            return _Attribution(appositive.strip(), offset + main + len(subject) + 1, "colon-lead-in")
        return _Attribution(subject.strip(), offset + main, "colon-lead-in")
    found = [(c.group(0), offset + c.start()) for c in CANDIDATE.finditer(sentence) if _usable(c.group(0))] or [
        (c.group(0), offset + c.start()) for c in CANDIDATE.finditer(sentence)
        if _has_acronym(c.group(0)) and not c.group(0).isupper()]  # "SHORT READS:" is a heading
    # People before organisations ("Asked by Harbour News, Ana Roe wrote:"), the main clause before the one leading
    # into it; a name with an acronym ("Kelby Action USA") only when nothing else is named
    candidates = sorted(found, key=lambda c: (not (_is_pronoun(c[0]) or _person_name(c[0])), c[1] < offset + main))
    if candidates:
        return _Attribution(*candidates[0], "colon-lead-in", alternatives=tuple(candidates[1:]))
    return None


def _main_clause_start(sentence: str) -> int:
    """Where the main clause starts: after a leading clause ("When Lee died in May, ..."; not after "As Ann Lee,")."""
    main = _main_clause(sentence)
    return len(sentence) - len(main) if main is not sentence else len(sentence) - len(sentence.lstrip())


def _collect_mentions(segments: list[Segment], people: People) -> None:
    """Register titled names, then note every mention of a known person in the narration, in order."""
    narration = [seg for seg in segments if seg.kind in ("narration", "headline", "title")]
    for seg in narration:
        for match in PERSON_MENTION.finditer(seg.text):
            if match.group("title"):
                person = people.register(_titled_span(seg.text, match))
                appositive = APPOSITIVE_ROLE.match(seg.text[match.end() :])
                if person and appositive:
                    people.add_role(appositive.group(1), person)
    for seg in narration:  # untitled full names in running text ("John Park spoke", "according to Sara Cole")
        for match in PERSON_MENTION.finditer(seg.text):
            if _looks_like_person(seg.text, match, people):  # also lengthens a known name: "King" -> "Lena King"
                people.register(match.group("name"))
    for seg in narration:
        _note_mentions(seg, people)
    people.mentions.sort(key=lambda item: item[0])
    _learn_genders(narration, people)
    _follow_pronouns(narration, people)


def _titled_span(text: str, match: re.Match) -> str:
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
        for sentence in _sentences(masked):
            named = {id(m[1]): m for m in people.mentions if seg.start + sentence[0] <= m[0] < seg.start + sentence[1]}
            if len(named) != 1:
                continue
            (position, person, *_), = named.values()
            pronoun = LOWER_PRONOUN.search(masked, position - seg.start, sentence[1])
            if pronoun and not person.organisation:
                by_id[id(person)] = person
                votes.setdefault(id(person), Counter())[PRONOUN_WORDS[pronoun.group(0)]] += 1
    for key, counter in votes.items():
        person = by_id[key]
        (gender, count), *rest = counter.most_common()
        if person.gender is None and count >= 2 and (not rest or count > 2 * rest[0][1]):
            person.gender = gender


def _sentences(masked: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in SENTENCE_BREAK.finditer(masked)] + [len(masked)]
    return list(itertools.pairwise([0, *ends]))


def _follow_pronouns(narration: list[Segment], people: People) -> None:
    """"She was a booster of Ann Lee. ... 'I was there,' she said": a he/she opening a narration sentence (or a
    clause) refers to someone named before it, and keeps that person the latest one named."""
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


def _note_mentions(seg: Segment, people: People) -> None:
    for match in PERSON_MENTION.finditer(seg.text):
        person = people.lookup(_titled_span(seg.text, match), seg.start + match.start())
        if person:
            sentence = seg.start + sentence_start(seg.text, match.start())
            speaks = SPEAKS.match(seg.text, match.end()) is not None  # "Sexton said", "Sexton, a pastor, said"
            people.mentions.append((seg.start + match.start(), person, sentence, speaks))
            appositive = APPOSITIVE_ROLE.match(seg.text[match.end() :])
            if appositive:
                people.add_role(appositive.group(1), person)
    for role, person in list(people.by_role.items()):
        for match in re.finditer(rf"\b(?:the|The)\s+{re.escape(role)}\b", seg.text):
            sentence = seg.start + sentence_start(seg.text, match.start())
            people.mentions.append((seg.start + match.start(), person, sentence, False))


def _looks_like_person(text: str, match: re.Match, people: People) -> bool:
    """Two or three capitalised words, not an institution or place, not introduced as a place or a thing."""
    if LEADING_ARTICLE.match(match.group("name")):
        return False  # "The Huffington Post", "The Daily Mail": a title, not a person
    if ABBREVIATED_TITLE_NEXT.match(text, match.end()) and TITLE_ONLY.fullmatch(match.group("name").split()[-1] + "."):
        return False  # "former Ohio Gov. Ann Lee": "Ohio Gov" is a place and a title, not a person
    name = split_name(match.group("name"), people.article).name
    words = name.split()
    if not 2 <= len(words) <= 4 or _has_acronym(name):
        return False
    before = text[: match.start()].lower().split()[-2:] or [""]
    if before == ["according", "to"]:
        return True
    if _modifies_a_noun(name, people.article.text):
        return False
    if before[-1] in ARTICLES:
        return False  # "the Kelby Ridge": a thing's name
    if before[-1] in PREPOSITIONS:
        return _speaks_alone(words[-1], people.article.text)
    return True


def _speaks_alone(surname: str, text: str) -> bool:
    """"joined by Dana Quill ... Quill said": a name after a preposition is a person's when the article lets
    its last word speak alone."""
    return surname in _lone_speakers(text, LONE_SPEAKER.compiled())


@functools.lru_cache(maxsize=4)
def _lone_speakers(text: str, pattern: re.Pattern) -> frozenset[str]:
    """The capitalised words the article puts right before a speech verb ("Quill said", "Quill, a pilot, said")."""
    return frozenset(match.group(1) for match in pattern.finditer(text))


def _modifies_a_noun(name: str, text: str) -> bool:
    """"the Kelby Ridge vigil", "the Dorne Valley fires": a name the article puts right between an article
    and a common noun names a place, an event or a style, not a person. Each place the name stands is looked
    at, with patterns compiled once (a pattern made per name took a third of segmenting's time)."""
    start = text.find(name)
    while start >= 0:
        gap = start
        while gap and text[gap - 1].isspace():
            gap -= 1
        if gap < start and LOWER_WORD_NEXT.match(text, start + len(name)) and \
                DETERMINER_ENDS.search(text, max(0, gap - LONGEST_DETERMINER), gap):
            return True
        start = text.find(name, start + 1)
    return False


def _share_within_utterances(segments: list[Segment], speakers: dict, source: str) -> None:
    """Quotes with nothing spoken between them, and a quote running on over several paragraphs (no closing
    mark at the paragraph's end, an opening mark at the next one's start), are one utterance: one speaker."""
    quotes = sorted(speakers)
    for _ in range(2):
        for a, b in itertools.pairwise(quotes):
            same = (b == a + 1 and segments[a].paragraph == segments[b].paragraph) or _runs_on(segments, a, b, source)
            if same and speakers[a][0] is None and speakers[b][0] is not None:
                speakers[a] = (speakers[b][0], "same-utterance")
            if same and speakers[b][0] is None and speakers[a][0] is not None:
                speakers[b] = (speakers[a][0], "same-utterance")


def _runs_on(segments: list[Segment], a: int, b: int, source: str) -> bool:
    """Quote a ends its paragraph unclosed and quote b opens the next paragraph."""
    if b != a + 1 or segments[b].paragraph != segments[a].paragraph + 1:
        return False
    after = source[segments[a].end : segments[a].end + 3].lstrip(" .,!?…")
    before = source[max(0, segments[b].start - 2) : segments[b].start].strip()
    return not after.startswith(tuple(CLOSING_MARKS)) and before.endswith(tuple(OPENING_MARKS))


def _fill_unattributed(segments: list[Segment], speakers: dict, people: People) -> None:
    """Quotes the text does not attribute directly: follow the paragraph's trailing attribution, or carry over
    into a quote paragraph that continues the previous speaker's (when nothing in it says otherwise)."""
    last: Person | None = None
    last_paragraph = -1
    for index in sorted(speakers):
        seg = segments[index]
        if speakers[index][0] is None:
            speakers[index] = _unattributed_speaker(segments, index, people, last, last_paragraph)
        if speakers[index][0] is not None:
            last, last_paragraph = speakers[index][0], seg.paragraph
        elif seg.paragraph != last_paragraph:
            last = None


def _unattributed_speaker(segments, index, people, last, last_paragraph) -> tuple[Person | None, str | None]:
    seg = segments[index]
    paragraph_end = _trailing_speaker(segments, index, people)
    if paragraph_end:
        return paragraph_end, "paragraph-end"
    between = [s for s in segments if last_paragraph < s.paragraph < seg.paragraph]
    names_someone = any(s.paragraph == seg.paragraph and s.kind == "narration" and SPEECH.search(s.text)
                        for s in segments[max(0, index - 3) : index + 4])
    after_last = [s for s in segments[:index] if s.paragraph == last_paragraph and s.kind == "quote"]
    since = after_last[-1].end if after_last else seg.start
    another_named = any(person is not last for position, person, *_ in people.mentions if since <= position < seg.start)
    continues = last is not None and (seg.paragraph == last_paragraph or (
        seg.paragraph == last_paragraph + 1 and not names_someone and not another_named
        and not any(s.kind == "headline" for s in between) and not _names_themself(last, seg.text)))
    if continues:
        return last, "continues-previous"
    return _named_just_before(segments, index, people)


def _names_themself(person: Person, text: str) -> bool:
    """"Lee has no plan": a quote naming a person is seldom that person's own."""
    return person.name[:1].isupper() and named_in(person, text)


def _named_just_before(segments: list[Segment], index: int, people: People) -> tuple[Person | None, str | None]:
    """A quote nothing attributes: the person the text named last, in this paragraph or the two before it (a
    headline or the title ends the search)."""
    seg = segments[index]
    earlier = [s for s in segments[:index] if seg.paragraph - 2 <= s.paragraph <= seg.paragraph]
    headings = [i for i, s in enumerate(earlier) if s.kind in ("headline", "title")]
    earlier = earlier[headings[-1] + 1 :] if headings else earlier
    if not earlier:
        return None, None
    person = people.last_mentioned(seg.start, None, since=earlier[0].start)
    if person is None or _names_themself(person, seg.text):
        return None, None  # left to the ranker, which weighs everyone named nearby
    return person, f"named-before: {person.name}"


def _trailing_speaker(segments: list[Segment], index: int, people: People) -> Person | None:
    """'... stressed Vladimir Putin' at the end of the quote's paragraph."""
    paragraph = [s for s in segments[index + 1 :] if s.paragraph == segments[index].paragraph]
    if not paragraph or paragraph[-1].kind != "narration":
        return None
    match = TRAILING_ATTRIBUTION.search(paragraph[-1].text)
    if not match:
        return None
    raw = match.group("name") or match.group("name2")
    return _resolve(raw, paragraph[-1].start + match.start(), people)
