"""Train the speaker ranker (briefing/segment/ranker.py) on a folder of labelled articles and print how it compares
with the rules alone, by the rules' cue.

usage: python benchmarks/train_speaker_ranker.py DATA_DIR [DATA_DIR ...] [--out FILE] [--folds 5] [--no-write]

Each DATA_DIR holds NAME.txt + NAME.gold.json (made from PolNeAR train by benchmarks/polnear_gold.py, or from the
Gender Gap Tracker's annotated articles by benchmarks/ggt_gold.py); several are trained on together. Only the dev part
(every article but each 5th by sorted name, as benchmarks/segmentation.py splits it) is trained on: the script
prints k-fold cross-validated dev accuracy (folds by article), then trains on all of dev and writes the weights
(with the feature names and a note of the data) to briefing/segment/speaker_ranker.json. The held-out part is only
scored, never trained or tuned on. Accuracy here is per quote word, over all articles together (micro); the
benchmark's table averages per article.

The model is a conditional logit: for each quote a softmax over its candidates' linear scores, fitted by gradient
descent with an L2 penalty. The cues where the ranker may override the rules are those where it wins in
cross-validation by at least MARGIN of the cue's words.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from segmentation import CORPUS, article_for, find_scorer, select  # noqa: E402

OUT = ROOT / "briefing" / "segment" / "speaker_ranker.json"
L2 = 0.01
STEPS = 400
MARGIN = 0.01  # the ranker overrides a cue's rules only when it wins by 1 % of that cue's words (not by noise)


@dataclass
class Quote:
    """One predicted quote: its candidates' feature rows, which candidates are right, and its gold words."""

    article: str
    cue: str  # the rules' cue class, "none" when the rules found nobody
    matrix: np.ndarray  # candidates x features
    right: np.ndarray  # bool per candidate: the candidate is the gold speaker
    rule: int  # index of the rules' choice among the candidates, -1 when none
    words: np.ndarray  # per candidate: gold quote words this candidate would get right
    total: int  # gold quote words with a speaker in this quote


def load_scorer_module(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_speakers_by_segment(gold: dict, predicted: list, scorer) -> dict[int, Counter]:
    """For each predicted segment, the gold speakers of the quote words aligned to it (as the scorer aligns)."""
    gold_words, predicted_words = scorer.words(gold["segments"]), scorer.words(predicted)
    matcher = difflib.SequenceMatcher(a=[w for w, _ in gold_words], b=[w for w, _ in predicted_words],
                                      autojunk=False)
    found: dict[int, Counter] = defaultdict(Counter)
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            gold_segment = gold["segments"][gold_words[a + k][1]]
            if gold_segment["kind"] == "quote" and gold_segment.get("speaker") and not gold_segment.get("optional"):
                found[predicted_words[b + k][1]][gold_segment["speaker"]] += 1
    return found


def article_quotes(gold_path: Path, scorer, names: list[str]) -> list[Quote]:
    from briefing.read import read_article
    from briefing.segment.patterns import languages_of, reading

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = read_article(str(article_for(gold_path, gold)))
    with reading(languages_of(article.language, article.text)):  # the word lists segment() reads it with
        return _quotes_of(article, gold, gold_path, scorer, names)


def _quotes_of(article, gold: dict, gold_path: Path, scorer, names: list[str]) -> list[Quote]:
    from briefing.segment import segment
    from briefing.segment.attribution import ranking_inputs
    from briefing.segment.ranker import candidates, cue_class, features

    segments = list(segment(article).segments)
    predicted = [{"kind": s.kind, "text": s.text} for s in segments]
    by_segment = gold_speakers_by_segment(gold, predicted, scorer)
    aliases = gold.get("speakers", {})
    contexts, mentions = ranking_inputs(segments, article.text)
    quotes = []
    for context in contexts:
        speakers = by_segment.get(context.index)
        people = candidates(context, mentions, segments)
        if not speakers or not people:
            if speakers:  # nobody to choose: every ranking gets these words wrong
                quotes.append(Quote(gold_path.name, "no-candidate", np.zeros((0, len(names))), np.zeros(0, bool), -1,
                                    np.zeros(0), sum(speakers.values())))
            continue
        rows = [features(p, context, mentions, segments, article.text) for p in people]
        matrix = np.array([[row.get(name, 0.0) for name in names] for row in rows])
        words = np.array([sum(n for g, n in speakers.items() if scorer.speaker_ok(p.name, g, aliases))
                          for p in people], dtype=float)
        majority = speakers.most_common(1)[0][0]
        right = np.array([scorer.speaker_ok(p.name, majority, aliases) for p in people])
        rule = next((i for i, p in enumerate(people) if p is context.rule_person), -1)
        cue = cue_class(context.rule_cue) or "none"
        quotes.append(Quote(gold_path.name, cue, matrix, right, rule, words, sum(speakers.values())))
    return quotes


def collect(gold_paths: list[Path], scorer, names: list[str]) -> list[Quote]:
    quotes = []
    for number, path in enumerate(gold_paths, 1):
        quotes += article_quotes(path, scorer, names)
        if number % 100 == 0:
            print(f"  {number}/{len(gold_paths)} articles", file=sys.stderr)
    return quotes


def fit(quotes: list[Quote], n_features: int, l2: float = L2, steps: int = STEPS) -> np.ndarray:
    """Conditional logit over each quote's candidates (the right ones share the probability), Adam steps."""
    usable = [q for q in quotes if q.right.any() and len(q.right) > 1]
    matrix = np.vstack([q.matrix for q in usable])
    right = np.concatenate([q.right for q in usable])
    group = np.concatenate([np.full(len(q.right), i) for i, q in enumerate(usable)])
    weight = np.ones(len(usable))
    w = np.zeros(n_features)
    m = np.zeros(n_features)
    v = np.zeros(n_features)
    for step in range(1, steps + 1):
        scores = matrix @ w
        shifted = scores - np.repeat(_group_max(scores, group, len(usable)), np.bincount(group))
        exp = np.exp(shifted)
        total = np.bincount(group, exp, len(usable))
        good = np.bincount(group, exp * right, len(usable))
        p_all = exp / total[group]
        p_right = np.where(right, exp / good[group], 0.0)
        gradient = ((p_all - p_right) * weight[group]) @ matrix / weight.sum() + l2 * w
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def _group_max(scores: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    out = np.full(n, -np.inf)
    np.maximum.at(out, group, scores)
    return out


def choices(quotes: list[Quote], w: np.ndarray) -> list[int]:
    return [int(np.argmax(q.matrix @ w)) if len(q.right) else -1 for q in quotes]


def tally(quotes: list[Quote], picks: dict[str, list[int]]) -> dict[str, dict[str, list[float]]]:
    """Per cue: [quote words, right words] for each way of choosing."""
    table: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for k, q in enumerate(quotes):
        for way, chosen in picks.items():
            right = q.words[chosen[k]] if chosen[k] >= 0 else 0.0
            for cue in (q.cue, "all"):
                table[cue][way][0] += q.total
                table[cue][way][1] += right
    return table


def print_table(title: str, table: dict) -> None:
    ways = list(next(iter(table.values())))
    print(f"\n{title}\n{'cue':20}{'words':>8}" + "".join(f"{w:>12}" for w in ways))
    for cue in sorted(table, key=lambda c: (c == "all", -table[c][ways[0]][0])):
        row = table[cue]
        print(f"{cue:20}{int(row[ways[0]][0]):>8}" + "".join(f"{row[w][1] / row[w][0]:>12.3f}" for w in ways))


def evaluate_ways(quotes: list[Quote], ranked: list[int], overrides: set[str] | None = None) -> dict[str, list[int]]:
    rules = [q.rule for q in quotes]
    oracle = [int(np.argmax(q.words)) if len(q.words) else -1 for q in quotes]
    ways = {"rules": rules, "ranker": ranked}
    if overrides is not None:
        ways["gated"] = [r if q.cue in overrides else q.rule for q, r in zip(quotes, ranked, strict=True)]
    ways["oracle"] = oracle
    return ways


def cross_validate(quotes: list[Quote], articles: list[str], folds: int, n: int, l2: float = L2) -> list[int]:
    fold_of = {name: i % folds for i, name in enumerate(articles)}
    ranked = [-1] * len(quotes)
    for fold in range(folds):
        train = [q for q in quotes if fold_of[q.article] != fold]
        w = fit(train, n, l2)
        for k, q in enumerate(quotes):
            if fold_of[q.article] == fold:
                ranked[k] = int(np.argmax(q.matrix @ w)) if len(q.right) else -1
    return ranked


def choose_penalty(quotes: list[Quote], articles: list[str], folds: int, n: int,
                   penalties: list[float]) -> tuple[float, list[int], set[str]]:
    """The L2 penalty (and the cues to override on) with the best cross-validated accuracy, gated by cue."""
    best = None
    for l2 in penalties:
        ranked = cross_validate(quotes, articles, folds, n, l2)
        table = tally(quotes, evaluate_ways(quotes, ranked))
        overrides = {cue for cue, row in table.items()
                     if cue != "all" and row["ranker"][1] > row["rules"][1] + MARGIN * row["rules"][0]}
        gated = tally(quotes, evaluate_ways(quotes, ranked, overrides))["all"]["gated"]
        print(f"  L2 {l2:g}: cross-validated accuracy {gated[1] / gated[0]:.4f} (gated), "
              f"{table['all']['ranker'][1] / table['all']['ranker'][0]:.4f} (ranker everywhere)")
        if best is None or gated[1] > best[0]:
            best = (gated[1], l2, ranked, overrides)
    return best[1], best[2], best[3]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, nargs="+", default=[L2],
                        help="L2 penalties to try; the one with the best cross-validated dev accuracy is kept")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick check)")
    args = parser.parse_args(argv)
    from briefing.segment.ranker import feature_names

    scorer = load_scorer_module(find_scorer(args.data[0], None) or CORPUS / "score.py")
    names = feature_names()
    dev, held_out = [], []
    for folder in args.data:
        gold_paths = sorted(folder.glob("*.gold.json"))[: args.limit]
        dev, held_out = dev + select(gold_paths, "dev"), held_out + select(gold_paths, "held-out")
    started = time.process_time()
    dev_quotes = collect(dev, scorer, names)
    print(f"dev: {len(dev)} articles, {len(dev_quotes)} quotes with a gold speaker, "
          f"{sum(len(q.right) for q in dev_quotes)} candidates ({time.process_time() - started:.0f} CPU s)")
    l2, ranked, overrides = choose_penalty(dev_quotes, [p.name for p in dev], args.folds, len(names), args.l2)
    print_table(f"dev, {args.folds}-fold cross-validated (folds by article); ranker may override on: "
                f"{', '.join(sorted(overrides))}", tally(dev_quotes, evaluate_ways(dev_quotes, ranked, overrides)))
    w = fit(dev_quotes, len(names), l2)
    held_quotes = collect(held_out, scorer, names)
    print_table(f"held-out: {len(held_out)} articles, {len(held_quotes)} quotes (never trained on)",
                tally(held_quotes, evaluate_ways(held_quotes, choices(held_quotes, w), overrides)))
    strongest = sorted(zip(names, w, strict=True), key=lambda item: -abs(item[1]))[:20]
    print(f"\nL2 {l2:g}; strongest weights: " + ", ".join(f"{n}={x:+.2f}" for n, x in strongest))
    if not args.no_write:
        note = (f"Trained by benchmarks/train_speaker_ranker.py on the dev part of "
                f"{' and '.join(folder.name for folder in args.data)} (PolNeAR train converted by "
                f"benchmarks/polnear_gold.py, the Gender Gap Tracker's articles by benchmarks/ggt_gold.py; every 5th "
                f"article by name held out): {len(dev)} articles, {len(dev_quotes)} quotes; L2 {l2:g}.")
        data = {"note": note, "features": names, "weights": [round(float(x), 4) for x in w],
                "overrides": sorted(overrides)}
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
