"""How well the read-along's sentence split agrees with Stanford CoreNLP's sentences on real news.

The page and the EPUB highlight sentence by sentence inside each spoken segment, so a split there must
be a real sentence end. Reference: the CoreNLP annotation shipped with PolNeAR (`corenlp/*.xml`); only
boundaries inside a paragraph count (the segmenter already cuts at paragraphs). Every 5th article (by
sorted name) is held out; the rules were written without looking at it.

    python benchmarks/sentences.py /work/data/polnear/data/train
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree

from briefing.export.readalong import split_sentences

NAIVE = re.compile(r"(?<=[.!?])\s+")


def gold_starts(xml: Path) -> list[int]:
    """Where CoreNLP's sentences start, as character offsets into the text file."""
    tree = etree.parse(str(xml))
    return [int(s.findtext("tokens/token/CharacterOffsetBegin")) for s in tree.iterfind("document/sentences/sentence")]


def paragraphs(text: str):
    for match in re.finditer(r"[^\n]+", text):
        yield match.start(), match.group(0)


def predicted_starts(text: str, splitter) -> set[int]:
    starts = set()
    for offset, paragraph in paragraphs(text):
        position = offset
        for piece in splitter(paragraph)[:-1]:
            position += len(piece)
            starts.add(position)
    return starts


def naive_split(text: str) -> list[str]:
    """The baseline: any . ! ? followed by a space ends a sentence."""
    pieces, start = [], 0
    for match in NAIVE.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    return [*pieces, text[start:]]


def inside_paragraph(text: str, starts: list[int]) -> set[int]:
    """Gold starts that are not at the start of a line (those need no split within a segment)."""
    return {start for start in starts if text[:start].rstrip(QUOTES_AND_SPACE)[-1:] not in ("\n", "", "\ufeff")}


QUOTES_AND_SPACE = " \t\"'`“”‘’«»"


def first_word(text: str, position: int) -> int:
    """A boundary as the position of the next word: CoreNLP puts a closing '' after "said." into the
    next sentence as often as not, so a boundary before or after quote marks is the same boundary."""
    while position < len(text) and text[position] in QUOTES_AND_SPACE:
        position += 1
    return position


def score(articles: list[tuple[str, set[int]]], splitter) -> tuple[int, float, float, float]:
    true = predicted = gold = 0
    for text, starts in articles:
        expected = {first_word(text, p) for p in starts}
        found = {first_word(text, p) for p in predicted_starts(text, splitter)}
        true, predicted, gold = true + len(found & expected), predicted + len(found), gold + len(expected)
    precision, recall = true / max(predicted, 1), true / max(gold, 1)
    return gold, precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def load(folder: Path) -> tuple[list, list]:
    dev, held_out = [], []
    for number, xml in enumerate(sorted((folder / "corenlp").glob("*.xml"))):
        text_file = folder / "text" / xml.name.removesuffix(".xml")
        if not text_file.exists():
            continue
        text = text_file.read_text(encoding="utf-8")
        item = (text, inside_paragraph(text, gold_starts(xml)))
        (held_out if number % 5 == 4 else dev).append(item)
    return dev, held_out


def main(folder: str) -> None:
    dev, held_out = load(Path(folder))
    print(f"{'set':9} {'splitter':9} {'articles':>8} {'gold':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, articles in (("dev", dev), ("held-out", held_out)):
        for label, splitter in (("naive", naive_split), ("briefing", split_sentences)):
            gold, precision, recall, f1 = score(articles, splitter)
            print(f"{name:9} {label:9} {len(articles):>8} {gold:>6} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/data/polnear/data/train")
