"""List the quotes whose speaker the segmenter gets wrong, by the cue that decided it, and sum them up.

usage: python benchmarks/attribution_errors.py DATA_DIR [--part dev|held-out|all] [--cue CUE] [--limit N] [--quiet]

For each wrongly attributed quote (against DATA_DIR's NAME.gold.json, aligned as the scorer aligns) it prints the
cue, the predicted and the gold speaker, whether the gold speaker was among the ranker's candidates, and the text
around the quote. The summary counts gold quote words per cue: right, wrong with the gold speaker among the
candidates (a choice error), wrong without (a name the rules never found, or a gold label no reading can match).
Read dev errors only; the held-out part is for numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from segmentation import CORPUS, article_for, find_scorer, select  # noqa: E402
from train_speaker_ranker import gold_speakers_by_segment, load_scorer_module  # noqa: E402


def article_errors(gold_path: Path, scorer, cue_filter: str | None, quiet: bool, tally: dict) -> None:
    from briefing.read import read_article
    from briefing.segment import segment
    from briefing.segment.attribution import ranking_inputs
    from briefing.segment.ranker import candidates, cue_class

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = read_article(str(article_for(gold_path, gold)))
    segments = list(segment(article).segments)
    by_segment = gold_speakers_by_segment(gold, [{"kind": s.kind, "text": s.text} for s in segments], scorer)
    aliases = gold.get("speakers", {})
    contexts, mentions = ranking_inputs(segments, article.text)
    near = {c.index: candidates(c, mentions, segments) for c in contexts}
    for index, speakers in sorted(by_segment.items()):
        seg = segments[index]
        if seg.kind != "quote":
            continue
        cue = seg.cue.split(" (rules")[0] if seg.cue and seg.cue.startswith("ranked") else seg.cue
        group = "ranked" if seg.cue and seg.cue.startswith("ranked") else (cue_class(cue) or "none")
        if cue_filter and group != cue_filter:
            continue
        for speaker, words in speakers.items():
            right = scorer.speaker_ok(seg.speaker, speaker, aliases)
            found = any(scorer.speaker_ok(p.name, speaker, aliases) for p in near.get(index, []))
            outcome = "right" if right else "wrong, among candidates" if found else "wrong, not a candidate"
            tally[group][outcome] += words
            if not right and not quiet:
                before = segments[index - 1].text[-140:] if index else ""
                after = segments[index + 1].text[:140] if index + 1 < len(segments) else ""
                print(f"[{gold_path.name[:40]}] cue={seg.cue!s:.60}\n  predicted={seg.speaker!r} gold={speaker!r} "
                      f"({words} words, {'among' if found else 'not among'} the candidates "
                      f"{[p.name for p in near.get(index, [])][:6]})\n  before: {before!r}\n"
                      f"  quote:  {seg.text[:140]!r}\n  after:  {after!r}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="dev")
    parser.add_argument("--cue", default=None, help="only quotes this cue decided (e.g. pronoun, ranked, none)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the part")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)
    scorer = load_scorer_module(find_scorer(args.data, None) or CORPUS / "score.py")
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in select(sorted(args.data.glob("*.gold.json")), args.part)[: args.limit]:
        article_errors(path, scorer, args.cue, args.quiet, tally)
    columns = ("right", "wrong, among candidates", "wrong, not a candidate")
    print(f"\n{'cue':20}{'words':>8}" + "".join(f"{c:>26}" for c in columns))
    total = {c: sum(row[c] for row in tally.values()) for c in columns}
    for cue, row in [*sorted(tally.items(), key=lambda item: -sum(item[1].values())), ("all", total)]:
        words = sum(row[c] for c in columns)
        print(f"{cue:20}{words:>8}" + "".join(f"{row[c] / words:>26.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
