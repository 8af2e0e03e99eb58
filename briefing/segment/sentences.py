"""Sentence boundaries inside a paragraph, and the sentence that introduces a partial quote."""

from __future__ import annotations

import re

from briefing.segment.patterns import INITIAL, NAME_WORD, LanguagePattern

ABBREVIATION = re.compile(r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|Gen|Col|Capt|Lt|Rev|Sen|Sens|Rep|Reps|Gov|No|"
                          r"vs|etc|Inc|Ltd|Co|Corp|Adm|Sgt|Jan|Feb|Aug|Sept|Oct|Nov|Dec|[ap]\.m|e\.g|i\.e)\.")
SENTENCE_BREAK = re.compile(r"[.?!…](?:[”\"’»)]*)\s|[。！？]")
# "Ann B. Lee said it was a 'bad plan'": the name (initials kept) before a verb that introduces a partial quote
PARTIAL_QUOTE_INTRO = LanguagePattern(lambda w: (
    rf"(?P<name>(?:{w.title}\s+)+{w.name}|{NAME_WORD}(?:\s+{INITIAL})*\s+{NAME_WORD})\b[^.!?]*\b"
    r"(?:called|calls|described|describes|termed|terms|dubbed|labell?ed|branded|said|says)\b[^.!?]*$"
))

# "explicó que “espero ...”", "a affirmé qu’« il faut ... »": a speech verb, a few words, then the word that opens
# its reported clause right before the quote mark: the speaker's own words, though the sentence runs on into them
REPORTED_QUOTE_INTRO = LanguagePattern(lambda w: (
    rf"(?<!\w)(?:{w.speech_verbs}|{w.any_of('reporting_gerunds', capitals=True)})(?!\w)[^.!?;:]{{0,60}}?"
    rf"(?<!\w){w.any_of('complementizers')}(?:\s+{w.any_of('clitics')})?\s*$"))
# fewer words than this after "que" are a borrowed phrase ("dijo que “no terminará pronto”"), read by the narrator
REPORTED_QUOTE_WORDS = 4


def mask_abbreviations(text: str) -> str:
    """The same text with the dots of "U.S." or "Dr." made into a look-alike, so they end no sentence."""
    return ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\u2024"), text)


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts."""
    masked = mask_abbreviations(text[:position])
    return max((m.end() for m in SENTENCE_BREAK.finditer(masked)), default=0)
