"""A second opinion on what of a web page is the article's text, for the paragraphs the extractor passed
over in the middle of it.

trafilatura keeps blocks whole or not at all, and may skip one paragraph of an article it otherwise reads
(a paragraph set in an unusual box between two ordinary ones). jusText judges each paragraph of the page
on its own (its length, its share of common words, its share of linked words) and then by its neighbours.
A paragraph that jusText reads as running text, which ends as a sentence ends, and which stands between
two paragraphs the extractor kept, is most likely part of the article: it is put back where it stood.
Paragraphs before the first or after the last kept one are left out, as the article's bounds are the
extractor's to judge.
"""

from __future__ import annotations

import re

from briefing.read.furniture import block_text

SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]?$")
MATCH_WORDS = 5  # a paragraph is found in the extraction by this many of its last words
OUTER = ("quote", "list", "table")


def add_missed_paragraphs(document, page, language: str) -> None:
    """Put back, in page order, each paragraph of running text that jusText reads as the article's and
    the extraction (`document`, trafilatura's XML) lacks, when paragraphs before and after it were kept."""
    paragraphs = body_paragraphs(page, language)
    read = _shingles(" ".join(block_text(element) for element in document.iter("head", "p", "quote", "list", "table")
                              if not any(a.tag in OUTER for a in element.iterancestors())))
    found = [_share_read(text, read) >= FOUND_SHARE for text, _, _ in paragraphs]
    anchor = None
    for index, (text, good, _) in enumerate(paragraphs):
        if found[index]:
            anchor = _block_holding(document, text)
        elif anchor is not None and good and SENTENCE_END.search(text) and _between_kept(paragraphs, found, index):
            anchor = _insert_after(anchor, text)


MAX_GAP = 10  # paragraphs the extraction skipped in a row: more is another part of the page (comments)
NEAR_LEVELS = 2  # how far below the kept neighbours' shared box the paragraph may stand


def _between_kept(paragraphs: list, found: list[bool], index: int) -> bool:
    """Kept paragraphs stand close before and after this one, in the same box of the page."""
    start, end = index, index
    while start > 0 and not found[start - 1]:
        start -= 1
    while end < len(found) - 1 and not found[end + 1]:
        end += 1
    if start == 0 or end == len(found) - 1 or end - start + 1 > MAX_GAP:
        return False
    before, after, own = (paragraphs[i][2].split("/") for i in (start - 1, end + 1, index))
    shared = _common_depth(before, after)
    return _common_depth(own, before) >= shared and len(own) - shared <= NEAR_LEVELS + 1


WORD = re.compile(r"\w+")
FOUND_SHARE = 0.5  # a paragraph with this share of its word triples in the extraction was read


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _share_read(text: str, read: set[tuple[str, ...]]) -> float:
    """How much of a paragraph the extraction holds, by word triples: spacing and punctuation aside."""
    own = _shingles(text)
    return len(own & read) / max(1, len(own))


def body_paragraphs(page, language: str) -> list[tuple[str, bool, str]]:
    """The page's paragraphs in order, each with jusText's verdict (is it the article's running text?) and
    its place in the page (an XPath)."""
    import copy

    from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
    from trafilatura.baseline import basic_cleaning

    try:
        paragraphs = ParagraphMaker.make_paragraphs(basic_cleaning(copy.deepcopy(page)))
        classify_paragraphs(paragraphs, _stoplist(language), 50, 150, 0.1, 0.2, 0.25, True)
        revise_paragraph_classification(paragraphs, 150)
    except Exception:  # a page jusText cannot walk gets no second opinion, and loses nothing
        return []
    return [(paragraph.text, not paragraph.is_boilerplate, paragraph.xpath) for paragraph in paragraphs
            if paragraph.text]


def _common_depth(one: list[str], other: list[str]) -> int:
    depth = 0
    while depth < min(len(one), len(other)) and one[depth] == other[depth]:
        depth += 1
    return depth


def _stoplist(language: str) -> frozenset[str]:
    """The common words of the page's language, or of all languages jusText knows."""
    from justext.utils import get_stoplist, get_stoplists
    from trafilatura.settings import JUSTEXT_LANGUAGES

    name = JUSTEXT_LANGUAGES.get(language.split("-")[0].split("_")[0].lower())
    if name:
        return get_stoplist(name)
    return frozenset(word for each in get_stoplists() for word in get_stoplist(each))


def _block_holding(document, text: str):
    """The top-level block of the extraction holding the end of `text`."""
    end = " ".join(text.split()[-MATCH_WORDS:])
    for element in document.iter("head", "p", "quote", "list", "table", "item", "cell"):
        if end in block_text(element):
            outer = [a for a in element.iterancestors() if a.tag in OUTER]
            return outer[-1] if outer else element
    return None


def _insert_after(anchor, text: str):
    from lxml import etree

    paragraph = etree.Element("p")
    paragraph.text = text
    paragraph.tail = anchor.tail
    anchor.tail = None
    anchor.addnext(paragraph)
    return paragraph
