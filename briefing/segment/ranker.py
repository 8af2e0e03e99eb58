"""A small learned ranker over the people a quote may belong to: the people named near it, the rules' choice and
the previous and next quotes' speakers. Each candidate is described by general features (where its mentions stand,
whether a speech verb follows them, whether it spoke just before, what the rules decided), never by words of any
article; a linear model trained on PolNeAR's train split (benchmarks/train_speaker_ranker.py) scores them.

The weights ship as a small JSON file (speaker_ranker.json) and scoring is a dot product in plain Python."""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from briefing.model import Segment
from briefing.segment.patterns import ADVERB, PRONOUN_WORDS, LanguagePattern
from briefing.segment.people import Person
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations

WEIGHTS_FILE = "speaker_ranker.json"
CUES = ("said-after", "said-before", "according-to", "partial-intro", "colon-lead-in", "same-utterance",
        "paragraph-end", "continues-previous", "named-before", "pronoun")
PRONOUN_NEAR = LanguagePattern(lambda w: rf"^[\s,.–—-]*(?:({w.pronoun})\s+{ADVERB}{w.speech_verbs}\b|"
                                          rf"{w.speech_verbs}\s+({w.pronoun})\b)", re.IGNORECASE)
PRONOUN_BEFORE = LanguagePattern(lambda w: rf"\b({w.pronoun})\s+{ADVERB}{w.speech_verbs}[,:]?\s*$", re.IGNORECASE)
LOG_SCALE = 8.0  # log(1 + characters) / LOG_SCALE: distances of a few to a few thousand characters in 0..1


@dataclass
class Mention:
    """Where a person is named in the narration: offset, paragraph, and whether a speech verb follows ("X said")."""

    position: int
    person: Person
    paragraph: int
    speaks: bool
    sentence: int = 0  # offset of the sentence it stands in


@dataclass
class QuoteContext:
    """What the ranker knows about one quote: its segment, the rules' choice and cue, and its neighbours'
    speakers (by the rules)."""

    index: int
    segment: Segment
    rule_person: Person | None
    rule_cue: str | None
    previous: tuple[Person | None, int] = (None, -1)  # the previous quote's speaker and paragraph
    following: tuple[Person | None, int] = (None, -1)
    quoted_before: dict[int, int] = field(default_factory=dict)  # id(person) -> quotes the rules gave them so far
    quoted_after: dict[int, int] = field(default_factory=dict)  # id(person) -> quotes the rules give them later


def cue_class(cue: str | None) -> str | None:
    """'said-after: "Ann Lee said"' -> 'said-after'; 'pronoun→Ann Lee' -> 'pronoun'."""
    if not cue:
        return None
    head = cue.split(":")[0].split("→")[0].strip()
    return head if head in CUES else None


def feature_names() -> list[str]:
    """Every feature, in the order of the weight vector: each base feature, and its copy for each cue of the rules
    (so that, say, the previous speaker can weigh more after "he said" than after "said Ann Lee")."""
    base = base_feature_names()
    return base + [f"{cue}|{name}" for cue in (*CUES, "none") for name in base if not name.startswith("rule:")]


def base_feature_names() -> list[str]:
    return [*(f"rule:{cue}" for cue in CUES), "previous_speaker", "previous_speaker_same_paragraph",
            "previous_speaker_after_quote_opens_paragraph", "next_speaker", "next_speaker_same_paragraph",
            "before_same_paragraph", "before_distance", "after_same_paragraph", "after_distance",
            "same_sentence_before", "same_sentence_after", "speaks_adjacent_before", "speaks_adjacent_after",
            "speaks_same_paragraph", "speaks_previous_paragraph", "speaks_next_paragraph",
            "mentioned_previous_paragraph", "mentioned_next_paragraph", "last_named_before", "first_in_paragraph",
            "mention_count", "quoted_before", "organisation", "role_only", "single_word_name", "gender_agrees",
            "gender_disagrees", "paragraph_opens_with_quote_and_named_after", "only_candidate_named_in_paragraph",
            "subject_of_last_sentence", "gender_unknown", "named_in_quote", "quoted_after",
            "all_capitals"]


class Ranker:
    """A linear scorer over named features; `overrides` are the rules' cues (and "none": the rules found nobody)
    where its choice replaces the rules' (those where it won in cross-validation)."""

    def __init__(self, weights: dict[str, float], overrides: set[str] | frozenset[str] = frozenset(CUES)) -> None:
        self.weights = weights
        self.overrides = set(overrides)

    def may_override(self, cue: str | None) -> bool:
        return (cue_class(cue) or "none") in self.overrides

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())


@cache
def shipped_ranker() -> Ranker | None:
    """The ranker trained on PolNeAR's train split, or None when the weights file is missing."""
    try:
        data = json.loads(resources.files("briefing.segment").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return None
    return Ranker(dict(zip(data["features"], data["weights"], strict=True)), set(data.get("overrides", CUES)))


def mentions_by_paragraph(segments: list[Segment], mentions: list[tuple]) -> list[Mention]:
    """People.mentions (offset, person, sentence, speaks) with the paragraph each stands in."""
    starts = [seg.start for seg in segments]
    found = []
    for position, person, sentence, speaks in mentions:
        at = max(0, bisect.bisect_right(starts, position) - 1)
        found.append(Mention(position, person, segments[at].paragraph, speaks, sentence))
    return found


def candidates(context: QuoteContext, mentions: list[Mention], segments: list[Segment] | None = None) -> list[Person]:
    """The people named from the paragraph before the quote's to the one after it, plus the rules' choice and the
    previous and next quotes' speakers; each once. With the segments: not an organisation nor someone of the other
    gender when "he said"/"she said" stands next to the quote."""
    paragraph = context.segment.paragraph
    people: dict[int, Person] = {}
    for person in (context.rule_person, context.previous[0], context.following[0]):
        if person is not None:
            people.setdefault(id(person), person)
    for mention in mentions:
        if paragraph - 1 <= mention.paragraph <= paragraph + 1:
            people.setdefault(id(mention.person), mention.person)
    gender = pronoun_gender(segments, context.index) if segments else None
    return [person for person in people.values()
            if not (gender and (person.organisation or person.gender not in (None, gender)))]


def _distance(chars: int) -> float:
    return math.log1p(max(chars, 0)) / LOG_SCALE


def _no_sentence_break(source: str, start: int, end: int) -> bool:
    return SENTENCE_BREAK.search(mask_abbreviations(source[start:end])) is None


def features(person: Person, context: QuoteContext, mentions: list[Mention], segments: list[Segment],
             source: str) -> dict[str, float]:
    """The features of one candidate for one quote (absent features are 0)."""
    own = [m for m in mentions if m.person is person]
    values: dict[str, float] = {}
    cue = cue_class(context.rule_cue)
    if cue and person is context.rule_person:
        values[f"rule:{cue}"] = 1.0
    _neighbour_features(person, context, segments, values)
    _mention_features(own, context, segments, source, values)
    _context_features(person, context, mentions, segments, values)
    group = cue_class(context.rule_cue) if context.rule_person else "none"
    return values | {f"{group}|{name}": value for name, value in values.items() if not name.startswith("rule:")}


def _neighbour_features(person: Person, context: QuoteContext, segments: list[Segment], values: dict) -> None:
    seg = context.segment
    previous, previous_paragraph = context.previous
    if previous is person:
        values["previous_speaker"] = 1.0
        values["previous_speaker_same_paragraph"] = float(previous_paragraph == seg.paragraph)
        opens = context.index == 0 or segments[context.index - 1].paragraph != seg.paragraph
        values["previous_speaker_after_quote_opens_paragraph"] = float(opens)
    following, following_paragraph = context.following
    if following is person:
        values["next_speaker"] = 1.0
        values["next_speaker_same_paragraph"] = float(following_paragraph == seg.paragraph)
    for name, counts in (("quoted_before", context.quoted_before), ("quoted_after", context.quoted_after)):
        if counts.get(id(person)):
            values[name] = math.log1p(counts[id(person)])


def _adjacent(segments: list[Segment], index: int, step: int) -> Segment | None:
    """The narration right before (step -1) or after (step 1) the quote in its paragraph."""
    at = index + step
    if 0 <= at < len(segments) and segments[at].paragraph == segments[index].paragraph:
        return segments[at] if segments[at].kind == "narration" else None
    return None


def _mention_features(own: list[Mention], context: QuoteContext, segments: list[Segment], source: str,
                      values: dict) -> None:
    seg = context.segment
    paragraph = seg.paragraph
    before = [m for m in own if m.position < seg.start and m.paragraph == paragraph]
    after = [m for m in own if m.position >= seg.end and m.paragraph == paragraph]
    if before:
        values["before_same_paragraph"] = 1.0
        values["before_distance"] = 1.0 - _distance(seg.start - before[-1].position)
        values["same_sentence_before"] = float(_no_sentence_break(source, before[-1].position, seg.start))
    if after:
        values["after_same_paragraph"] = 1.0
        values["after_distance"] = 1.0 - _distance(after[0].position - seg.end)
        values["same_sentence_after"] = float(_no_sentence_break(source, seg.end, after[0].position))
    _speech_features(own, context, segments, values)
    earlier = sum(1 for m in own if m.position < seg.start)
    if earlier:
        values["mention_count"] = math.log1p(earlier) / 3
    opens = context.index == 0 or segments[context.index - 1].paragraph != paragraph
    if opens and after:
        values["paragraph_opens_with_quote_and_named_after"] = 1.0


def _speech_features(own: list[Mention], context: QuoteContext, segments: list[Segment], values: dict) -> None:
    """Named with a speech verb ("X said") right next to the quote, in its paragraph, or the ones around it."""
    paragraph = context.segment.paragraph
    for step, name in ((-1, "speaks_adjacent_before"), (1, "speaks_adjacent_after")):
        near = _adjacent(segments, context.index, step)
        if near and any(m.speaks and near.start <= m.position < near.end for m in own):
            values[name] = 1.0
    for offset, name in ((0, "speaks_same_paragraph"), (-1, "speaks_previous_paragraph"),
                         (1, "speaks_next_paragraph")):
        if any(m.speaks and m.paragraph == paragraph + offset for m in own):
            values[name] = 1.0
    for offset, name in ((-1, "mentioned_previous_paragraph"), (1, "mentioned_next_paragraph")):
        if any(m.paragraph == paragraph + offset for m in own):
            values[name] = 1.0


def _context_features(person: Person, context: QuoteContext, mentions: list[Mention], segments: list[Segment],
                      values: dict) -> None:
    seg = context.segment
    earlier = [m for m in mentions if m.position < seg.start]
    if earlier and earlier[-1].person is person:
        values["last_named_before"] = 1.0
    if earlier and next(m for m in earlier if m.sentence == earlier[-1].sentence).person is person:
        values["subject_of_last_sentence"] = 1.0
    in_paragraph = [m for m in mentions if m.paragraph == seg.paragraph]
    if in_paragraph and in_paragraph[0].person is person:
        values["first_in_paragraph"] = 1.0
    if in_paragraph and all(m.person is person for m in in_paragraph):
        values["only_candidate_named_in_paragraph"] = 1.0
    if named_in(person, seg.text):
        values["named_in_quote"] = 1.0  # people seldom name themselves: "We beat Lee," said Kim
    if person.organisation:
        values["organisation"] = 1.0
    if person.name.isupper():
        values["all_capitals"] = 1.0  # "FULL TEXT", "WATCH": a heading, seldom a person
    if person.name[:1].islower():
        values["role_only"] = 1.0
    elif len(person.name.split()) == 1:
        values["single_word_name"] = 1.0
    _gender_features(person, context, segments, values)


def _gender_features(person: Person, context: QuoteContext, segments: list[Segment], values: dict) -> None:
    gender = pronoun_gender(segments, context.index)
    if gender and person.gender:
        values["gender_agrees" if person.gender == gender else "gender_disagrees"] = 1.0
    elif gender:
        values["gender_unknown"] = 1.0


def named_in(person: Person, text: str) -> bool:
    """The person's surname stands in the text (people seldom name themselves)."""
    last = person.name.split()[-1] if person.name.split() else ""
    return len(last) > 1 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", text) is not None


def pronoun_gender(segments: list[Segment], index: int) -> str | None:
    """'..., she said' right after the quote (or 'He added:' right before it): the gender the text gives."""
    after = _adjacent(segments, index, 1)
    match = PRONOUN_NEAR.match(after.text) if after else None
    if match:
        return PRONOUN_WORDS.get((match.group(1) or match.group(2)).lower())
    before = _adjacent(segments, index, -1)
    match = PRONOUN_BEFORE.search(before.text) if before else None
    return PRONOUN_WORDS.get(match.group(1).lower()) if match else None
