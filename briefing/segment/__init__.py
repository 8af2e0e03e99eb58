"""Split an article into title, headlines, narration and quotes, and say who said each quote.

The work is done in phases, one module each: `quotes` finds quoted stretches, `headlines` tells headlines from
narration, `names` picks a person's name out of a phrase, `article_words` reads what the whole article says about
its words (names, places, nouns), `people` resolves every form of a name to one person, and `attribution` decides
each quote's speaker (its phases in `lead_in`, `after_quote`, `speaker_phrase`, `mentions`, `resolve` and
`unattributed`); the word lists they use are data, one file per language in briefing/lang/.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.model import Article, Block, Script, Segment
from briefing.segment.attribution import attribute
from briefing.segment.headlines import is_headline
from briefing.segment.patterns import languages_of, reading
from briefing.segment.quotes import find_quotes
from briefing.segment.sentences import (
    PARTIAL_QUOTE_INTRO,
    REPORTED_QUOTE_INTRO,
    REPORTED_QUOTE_WORDS,
    mask_abbreviations,
    sentence_start,
)
from briefing.segment.speaker_phrase import CONJUNCTION_WORDS

__all__ = ["attribute", "find_quotes", "is_headline", "segment"]


def segment(article: Article) -> Script:
    """Turn an Article into a Script: one segment per voice change, every word kept, in order, read with the
    word lists of the article's languages."""
    with reading(languages_of(article.language, article.text)):
        return _segment(article)


def _segment(article: Article) -> Script:
    segments = [Segment("title", article.title.text, article.title.start, article.title.end, paragraph=0)]
    for number, block in enumerate(article.blocks, start=1):
        after_colon = number > 1 and article.blocks[number - 2].text.rstrip().endswith(":")
        if block.kind == "headline" or (block.kind is None and is_headline(block.text, after_colon)):
            segments.append(Segment("headline", block.text, block.start, block.end, paragraph=number))
        elif block.kind == "quote" and not find_quotes(block.text):  # a block quote without quote marks
            segments.append(Segment("quote", block.text, block.start, block.end, paragraph=number))
        else:
            segments.extend(_split_paragraph(block, number))
    attributed, genders = attribute(segments, article.text)
    return Script(title=article.title.text, language=article.language, segments=tuple(attributed),
                  source=article.source, genders=genders, author=article.author, published=article.published,
                  site_name=article.site_name, description=article.description)


def _split_paragraph(block: Block, paragraph: int) -> list[Segment]:
    """Narration and quotes, in order. A partial quote stays in the narration, unless a named person
    introduces it ("Okafor ... called it "a giveaway""): then it is that person's quote, read by the narrator; or
    a speech verb and the word opening its reported clause lead into it ("explicó que “espero ...”"): then it is
    a quote as any other, the speaker's own words."""
    pieces: list[Segment] = []
    cursor = 0
    before = None
    for span in find_quotes(block.text):
        if span.partial and _reported_in_own_words(block.text, span):
            span = replace(span, partial=False)
        if span.partial and before is not None and _joined_to(block.text, before, span):
            span = replace(span, partial=False)
        before = span
        if span.partial and not _introduced_by_person(block.text, span.open_at):
            continue
        pieces += _piece("narration", block, cursor, span.open_at, paragraph)
        quote = _piece("quote", block, span.start, span.end, paragraph)
        pieces += [Segment(q.kind, q.text, q.start, q.end, q.paragraph, voice="narrator", partial=True)
                   for q in quote] if span.partial else quote
        cursor = span.close_at + 1 if span.close_at is not None else span.end
    pieces += _piece("narration", block, cursor, len(block.text), paragraph)
    if not pieces:  # nothing to say ("* * *", "___.", emoji): kept for the transcript, skipped when spoken
        pieces.append(Segment("narration", block.text, block.start, block.end, paragraph))
    return pieces


def _joined_to(text: str, before, span) -> bool:
    """"afferma: «A» e «B»": a quote joined by "and" alone to a whole quote right before it is one too (one of a few
    words or more: not a list of titles, „Nordwind“ und „Brandung“)."""
    if before.partial or before.close_at is None or len(text[before.start : before.end].split()) < REPORTED_QUOTE_WORDS:
        return False
    return text[before.close_at + 1 : span.open_at].strip().lower() in CONJUNCTION_WORDS


def _introduced_by_person(text: str, position: int) -> bool:
    start = sentence_start(text, position)
    return PARTIAL_QUOTE_INTRO.search(mask_abbreviations(text[start:position])) is not None


def _reported_in_own_words(text: str, span) -> bool:
    """"señaló que “quiero ver a las partes en la mesa”": a clause-long quote right after a speech verb's "que"."""
    if len(text[span.start : span.end].split()) < REPORTED_QUOTE_WORDS:
        return False
    start = sentence_start(text, span.open_at)
    return REPORTED_QUOTE_INTRO.search(mask_abbreviations(text[start : span.open_at])) is not None


def _piece(kind, block: Block, start: int, end: int, paragraph: int) -> list[Segment]:
    raw = block.text[start:end]
    text = raw.strip()
    if not re.search(r"\w", text):  # nothing to say: punctuation between two quotes
        return []
    offset = block.start + start + (len(raw) - len(raw.lstrip()))
    return [Segment(kind, text, offset, offset + len(text), paragraph)]
