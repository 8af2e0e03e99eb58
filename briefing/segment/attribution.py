"""Who said each quote: the subject of a speech verb next to it ("X said", "said X", "according to X", "X: ..."),
resolved to one canonical name per person; quotes the text does not attribute follow the utterance they belong to.
Then a small learned ranker (ranker.py) weighs the rules' choice against the other people named near the quote, on
the cues where it beat the rules in cross-validation. Each quote keeps the evidence (cue) that decided its speaker:
the rules' cue, or "ranked: NAME (rules: CUE)" where the ranker chose someone else.

The phases, one module each: `lead_in` and `after_quote` read the sentences next to a quote, `speaker_phrase` what
the phrase they find names, `mentions` where the narration names each person (and whom a he/she refers to),
`resolve` which person a phrase means, `unattributed` the quotes the text does not attribute directly."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from briefing.model import Segment
from briefing.segment.after_quote import right_after
from briefing.segment.article_words import ArticleWords
from briefing.segment.lead_in import BEFORE_QUOTE_VERB, incise, lead_in, partial_intro, speaker_label
from briefing.segment.mentions import PERSON_MENTION, collect_mentions
from briefing.segment.names import split_name
from briefing.segment.people import People, Person
from briefing.segment.ranker import (
    Mention,
    QuoteContext,
    Ranker,
    candidates,
    cue_class,
    features,
    mentions_by_paragraph,
    shipped_ranker,
)
from briefing.segment.resolve import resolve_first
from briefing.segment.speaker_phrase import Attribution, has_acronym, is_pronoun
from briefing.segment.unattributed import SPEECH, fill_unattributed, share_repeated_quotes, share_within_utterances

# the phases' patterns that other modules and tests read from here since before the split
__all__ = ["BEFORE_QUOTE_VERB", "PERSON_MENTION", "SPEECH", "attribute", "ranking_inputs"]

CONTINUING_CUES = ("continues-previous", "same-utterance")  # the speaker of the quote before, by the rules


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
    share_repeated_quotes(segments, speakers)
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
    return _contexts(segments, speakers, people.mentions), mentions_by_paragraph(segments, people.mentions)


def _rule_speakers(segments: list[Segment], source: str) -> tuple[People, dict[int, tuple[Person | None, str | None]]]:
    people = People(ArticleWords(source))
    found = {i: _attribution_near(segments, i, people.article)
             for i, seg in enumerate(segments) if seg.kind == "quote"}
    for attribution in found.values():
        if attribution and not is_pronoun(attribution.raw) and not attribution.alternatives \
                and not has_acronym(split_name(attribution.raw).name):
            people.register(attribution.raw)
    collect_mentions(segments, people)
    speakers: dict[int, tuple[Person | None, str | None]] = {}
    for index, attribution in found.items():
        speakers[index] = resolve_first(attribution, people)
    share_within_utterances(segments, speakers, source)
    fill_unattributed(segments, speakers, people)
    return people, speakers


def _contexts(segments: list[Segment], speakers: dict, mentions: list[tuple]) -> list[QuoteContext]:
    """Each quote with the rules' choice, the previous quote's speaker (up to two paragraphs back, four when the
    narration names no one between) and the next one's (up to a paragraph on), and how often the rules gave each
    person a quote before it."""
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
            if previous is not None and segments[previous].paragraph >= paragraph - _reach(
                segments, previous, index, speakers[previous][0], mentions) else (None, -1),
            following=(speakers[following][0], segments[following].paragraph)
            if following is not None and segments[following].paragraph <= paragraph + 1 else (None, -1),
            quoted_before=dict(counts)))
        if speakers[index][0] is not None:
            counts[id(speakers[index][0])] = counts.get(id(speakers[index][0]), 0) + 1
            later[id(speakers[index][0])] -= 1
        contexts[-1].quoted_after = {key: n for key, n in later.items() if n > 0}
    return contexts


def _reach(segments: list[Segment], previous: int, index: int, speaker: Person | None, mentions: list[tuple]) -> int:
    """How many paragraphs back the previous quote's speaker is still a candidate: two, or four when no one else is
    named between the two quotes (the article goes on about the same speaker, in narration that names no one else)."""
    start, end = segments[previous].end, segments[index].start
    return 2 if any(start <= mention[0] < end and mention[1] is not speaker for mention in mentions) else 4


def _rerank(segments: list[Segment], source: str, speakers: dict, people: People, ranker: Ranker) -> None:
    """Where the ranker prefers another candidate to the rules' choice, that candidate speaks; its cue says so.
    Quotes the rules gave the same speaker because they continue this one follow the change."""
    mentions = mentions_by_paragraph(segments, people.mentions)
    change = None  # (the rules' person, the ranker's) of the quote before
    for context in _contexts(segments, speakers, people.mentions):
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


def _aside_after(segments: list[Segment], index: int, article: ArticleWords | None) -> Attribution | None:
    """«A - ha ricordato in tv Ada Neri - B»: the narrator's aside between two pieces of one quote names the speaker
    as an incise inside the quote does."""
    aside = segments[index + 1] if index + 1 < len(segments) else None
    after = segments[index + 2] if index + 2 < len(segments) else None
    if not (aside and after and aside.kind == "narration" and after.kind == "quote"
            and aside.paragraph == after.paragraph == segments[index].paragraph and aside.text[:1] in "–—-"):
        return None
    # INCISE wants a blank before the dash that opens the aside, as it stands inside a quote; one space in front,
    # and the start moved back by one, keep the speaker's offset in the input
    return incise(replace(aside, text=" " + aside.text, start=aside.start - 1), article)


def _attribution_near(segments: list[Segment], index: int, article: ArticleWords | None = None) -> Attribution | None:
    """The speaker named right after the quote or in an incise inside it, or in the sentence that leads into it, else
    by a label inside it."""
    stop_words = article.stop_words if article else frozenset()
    quote = segments[index]
    preceding = segments[index - 1] if index else None
    if quote.partial and preceding and preceding.paragraph == quote.paragraph:
        introduced = partial_intro(preceding)
        if introduced:
            return introduced
    after = right_after(segments, index, stop_words, article) or incise(quote, article) \
        or _aside_after(segments, index, article)
    if after:
        return after
    leads_in = preceding and preceding.kind == "narration" and (
        preceding.paragraph == quote.paragraph
        or (preceding.paragraph == quote.paragraph - 1 and preceding.text.rstrip().endswith(":")))
    # '"A," he claimed. "B."': a sentence that attributes the quote before it is no lead-in of its own
    attributes_previous = index >= 2 and segments[index - 2].kind == "quote" and not segments[index - 2].partial \
        and segments[index - 2].paragraph == quote.paragraph
    found = lead_in(preceding, stop_words, attributes_previous, article) if leads_in else None
    return found or speaker_label(quote, article)
