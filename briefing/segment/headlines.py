"""Tell a headline (a short standalone line) from a paragraph of narration."""

from __future__ import annotations

import re

from briefing.segment.patterns import SENTENCE_END, LanguagePattern

HEADLINE_MAX_WORDS = 16
# A quoted subheading is a phrase; a longer quote alone on its line is a deck that repeats what the body attributes
# (unattributed.share_repeated_quotes, which knows a copy by its first eight words)
SUBHEADING_MAX_WORDS = 7
BYLINE = LanguagePattern(lambda w: rf"(?:By|Par|Von|Por|Di|Door)\s+{w.name}")
QUOTE_MARKS = "“”\"«»„「」『』"
# « Désaccord total », Lee: "Not for sale": a subheading that is a quote alone (after the speaker's name and a colon
# at most), with no sentence punctuation inside or before its closing mark: quoted words picked out as a subheading
QUOTED_SUBHEADING = re.compile(
    r"(?:[^\W\d_][^:\n“”\"«»„]{0,40}:\s*)?[“\"«»„]\s*[^\W_][^“”\"«»„\n.!?…;]*(?<![\s,:])\s*[”\"»«“]")


def is_headline(text: str, after_colon: bool = False) -> bool:
    """A short standalone line with no sentence punctuation at its end and no quotation marks, or a quote alone that
    reads as a subheading (QUOTED_SUBHEADING), unless the paragraph before ends in a colon that introduces it."""
    if not text or "\n" in text or "''" in text:
        return False
    if any(mark in text for mark in QUOTE_MARKS):
        return (not after_colon and QUOTED_SUBHEADING.fullmatch(text) is not None
                and len(re.findall(r"\w+", text)) <= SUBHEADING_MAX_WORDS)
    if BYLINE.match(text):  # a byline is read as narration
        return False
    words = text.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and text[-1] not in SENTENCE_END + ",;:，；：" and text[0].isalnum()
