"""The second gold set's converter (benchmarks/ggt_gold.py) on an article and annotations written for this test:
a quote's speaker is the annotator's resolved person (also for "she said" and for a quote with no verb), quotes
are found by their words whatever the table's offsets, paraphrase stays narration, and the scorer reads the result
as the corpus's gold."""

from __future__ import annotations

import sys

from helpers import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from ggt_gold import NEUTRAL_TITLE, convert, quotations
from segmentation import load_scorer

BODY = ('Ada Vorn runs the Kelby food bank.\n\n"We feed four hundred people a week," she said. "Most of them '
        'work."\n\nVorn said the shelves were empty by Friday.')
ANNOTATIONS = [
    {"speaker": "she", "verb": "said", "quote": '"We feed four hundred people a week,"', "reference": "Ada Vorn",
     "quote_index": "(900,940)"},  # offsets of another copy of the body: the words find the quote
    {"speaker": "", "verb": "", "quote": '"Most of them work."', "reference": "Ada Vorn", "quote_index": "(960,980)"},
    {"speaker": "Vorn", "verb": "said", "quote": "the shelves were empty by Friday", "reference": "Ada Vorn",
     "quote_index": "(1000,1032)"},
]


def test_quotes_get_the_annotators_person_and_paraphrase_stays_narration():
    text, gold = convert(BODY, ANNOTATIONS, "cbc_1.txt")
    assert text.startswith(f"{NEUTRAL_TITLE}\n\n") and gold["segments"][0] == {"kind": "title", "text": NEUTRAL_TITLE}
    quotes = [(s["text"], s.get("speaker")) for s in gold["segments"] if s["kind"] == "quote"]
    assert quotes == [("We feed four hundred people a week,", "Ada Vorn"), ("Most of them work.", "Ada Vorn")]
    assert gold["segments"][-1] == {"kind": "narration", "text": "Vorn said the shelves were empty by Friday."}
    assert gold["speakers"] == {"Ada Vorn": ["Vorn"]}  # a written form, never the pronoun


def test_the_scorer_takes_the_gold_and_a_surname_matches_the_full_name():
    _, gold = convert(BODY, ANNOTATIONS, "cbc_1.txt")
    predicted = {"segments": [dict(s, speaker="Vorn") if s["kind"] == "quote" else s for s in gold["segments"]]}
    scores = load_scorer(CORPUS / "score.py")(gold, predicted)
    assert scores["speaker_accuracy"] == 1.0 and scores["quote_f1"] == 1.0 and scores["coverage"] == 1.0


def test_a_cell_that_opens_a_second_list_inside_the_first_counts_both():
    cell = '[\n {"quote": "a", "speaker": "Lee"}\n[\n {"quote": "b", "speaker": "Kim"}\n]'
    assert [q["speaker"] for q in quotations(cell)] == ["Lee", "Kim"]
    assert quotations(None) == [] and quotations("[]") == []
