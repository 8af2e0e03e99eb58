"""Tell a headline (a short standalone line) from a paragraph of narration."""

from __future__ import annotations

from briefing.segment.patterns import SENTENCE_END, LanguagePattern

HEADLINE_MAX_WORDS = 16
BYLINE = LanguagePattern(lambda w: rf"(?:By|Par|Von|Por|Di|Door)\s+{w.name}")
QUOTE_MARKS = "“”\"«»„「」『』"


def is_headline(text: str) -> bool:
    """A short standalone line with no sentence punctuation at its end and no quotation marks."""
    if not text or "\n" in text or "''" in text or any(mark in text for mark in QUOTE_MARKS):
        return False
    if BYLINE.match(text):  # a byline is read as narration
        return False
    words = text.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and text[-1] not in SENTENCE_END + ",;:，；：" and text[0].isalnum()
