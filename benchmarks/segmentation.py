"""Score `briefing script` on the hand-labelled corpus with ../shared/corpus/score.py and print a table.

usage: python benchmarks/segmentation.py [CORPUS_DIR]
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLES = {  # gold file -> article
    "putin-syria.gold.json": "putin-syria.txt",
    "council-vote.gold.json": "council-vote.txt",
    "lab-leak.gold.json": "lab-leak.txt",
    "greve.gold.json": "greve.txt",
    "storm-update.gold.json": "storm-update.md",
    "council-vote-html.gold.json": "council-vote.html",
}
COLUMNS = ("coverage", "extra_words", "kind_accuracy", "quote_f1", "speaker_accuracy", "speaker_consistent",
           "speakers_distinct")


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def predicted_script(article: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "briefing", "script", str(article)], capture_output=True,
                            check=True, cwd=ROOT)
    return json.loads(result.stdout)


def evaluate(corpus: Path = CORPUS, articles: dict[str, str] = ARTICLES) -> dict[str, dict]:
    score = load_scorer(corpus)
    results = {}
    for gold_name, article in articles.items():
        gold = json.loads((corpus / gold_name).read_text(encoding="utf-8"))
        results[article] = score(gold, predicted_script(corpus / article))
    return results


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    results = evaluate(corpus)
    print(f"{'article':24}" + "".join(f"{c:>20}" for c in COLUMNS))
    for article, row in results.items():
        print(f"{article:24}" + "".join(f"{row[c]!s:>20}" for c in COLUMNS))


if __name__ == "__main__":
    main()
