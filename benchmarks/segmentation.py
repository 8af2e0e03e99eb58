"""Score the segmenter on any folder of labelled articles (NAME.txt/.md/.html + NAME.gold.json) and print a table.

usage: python benchmarks/segmentation.py [FOLDER] [--part all|dev|held-out] [--quiet] [--scorer score.py] [--why]
       [--by-outlet] [--by-language]

FOLDER defaults to ../shared/corpus. Scoring is ../shared/corpus/score.py's (or FOLDER/score.py, or --scorer):
coverage, kind accuracy, quote F1, speaker accuracy, one voice per person (consistent) and different people on
different voices (distinct), per article and as a mean row. --part dev / held-out: every 5th article by sorted name
is held out (build a development set from PolNeAR with benchmarks/polnear_gold.py). --why: for each article that
fails "distinct", why (one person split over several predicted names, two people merged into one, a quote left
unattributed, or simply a wrong speaker), and a count of each reason. --by-outlet: a mean row for each group of
articles whose names share the part before the first "_" (the outlet, as polnear_gold.py and ggt_gold.py name them).
--by-language: a mean row for each gold "language" (for a folder of articles in several languages).
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
COLUMNS = ("coverage", "extra_words", "kind_accuracy", "quote_f1", "speaker_accuracy", "speaker_consistent",
           "speakers_distinct")
SUFFIXES = (".txt", ".md", ".html", ".htm")
HELD_OUT_EVERY = 5


def load_scorer(path: Path):
    return load_scorer_module(path).score


def load_scorer_module(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_scorer(folder: Path, given: Path | None) -> Path | None:
    for candidate in (given, folder / "score.py", CORPUS / "score.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def article_for(gold_path: Path, gold: dict) -> Path | None:
    """The article a gold file labels: its "source" if that file is in the folder, else NAME.<suffix>."""
    named = gold_path.parent / Path(gold.get("source") or "-").name
    if named.is_file():
        return named
    stem = gold_path.name[: -len(".gold.json")]
    return next((p for s in SUFFIXES if (p := gold_path.parent / (stem + s)).is_file()), None)


def select(gold_files: list[Path], part: str) -> list[Path]:
    if part == "all":
        return gold_files
    held = [p for i, p in enumerate(gold_files) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    return held if part == "held-out" else [p for p in gold_files if p not in held]


def predicted_script(article: Path) -> dict:
    from briefing.read import read_article
    from briefing.scriptfile import script_to_dict
    from briefing.segment import segment

    return script_to_dict(segment(read_article(str(article))))


def evaluate(folder: Path = CORPUS, articles: dict[str, str] | None = None, score=None,
             part: str = "all") -> dict[str, dict]:
    """Scores per article. `articles` maps gold file -> article file; by default every gold file in the folder."""
    score = score or load_scorer(find_scorer(folder, None))
    if articles is None:
        pairs = []
        for gold_path in select(sorted(folder.glob("*.gold.json")), part):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((gold, article_for(gold_path, gold)))
    else:
        pairs = [(json.loads((folder / g).read_text(encoding="utf-8")), folder / a) for g, a in articles.items()]
    return {article.name: score(gold, predicted_script(article)) for gold, article in pairs if article is not None}


def voices(module, gold: dict, predicted: dict) -> dict[str, Counter]:
    """Gold speaker -> how many of their quote words each predicted speaker got ("" = none), aligned as the
    scorer aligns them."""
    gold_words, predicted_words = module.words(gold["segments"]), module.words(predicted["segments"])
    matcher = difflib.SequenceMatcher(a=[w for w, _ in gold_words], b=[w for w, _ in predicted_words],
                                      autojunk=False)
    got: dict[str, Counter] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            gold_segment = gold["segments"][gold_words[a + k][1]]
            segment = predicted["segments"][predicted_words[b + k][1]]
            if gold_segment.get("kind") == "quote" and gold_segment.get("speaker") and segment["kind"] == "quote":
                name = (segment.get("speaker") or "").strip().lower()
                got.setdefault(gold_segment["speaker"], Counter())[name] += 1
    return got


def distinct_failures(module, gold: dict, predicted: dict) -> list[tuple[str, str]]:
    """(reason, detail) for each way an article fails "each person one voice, different people different
    voices": "split (names)" when one person's predicted names are all forms of one name, "wrong speaker" when
    some are someone else, "merged (names)" when two people get one name that fits both (a shared surname or
    role word), "merged" when the name is one of them's only, "unattributed"."""
    aliases = gold.get("speakers", {})
    got = voices(module, gold, predicted)
    reasons = []
    for person, names in got.items():
        if "" in names:
            reasons.append(("unattributed", f"{person}: {names['']} words"))
        said = [name for name in names if name]
        wrong = [name for name in said if not module.speaker_ok(name, person, aliases)]
        if wrong:
            reasons.append(("wrong speaker", f"{person} -> {', '.join(wrong)}"))
        elif len(said) > 1:
            same = all(same_person(one, other) for one in said for other in said)
            reasons.append(("split (names)" if same else "wrong speaker", f"{person} -> {' | '.join(said)}"))
    sole = Counter(next(iter(names)) for names in got.values() if len(names) == 1 and "" not in names)
    for name, count in sole.items():
        if count > 1:
            people = [person for person, names in got.items() if set(names) == {name}]
            fits = sum(module.speaker_ok(name, person, aliases) for person in people)
            reasons.append(("merged (names)" if fits > 1 else "merged", f"{' + '.join(people)} -> {name}"))
    return reasons


def same_person(one: str, other: str) -> bool:
    """"lee", "ann lee" and "ann k. lee" may name one person; "bo lee" and "ann lee" do not."""
    a, b = sorted((one.split(), other.split()), key=len)
    return bool(a) and a[-1] == b[-1] and (len(a) == 1 or a[0] == b[0])


def explain(folder: Path, module, part: str) -> None:
    """Print why each article fails "distinct", and a count of the reasons."""
    counts: Counter = Counter()
    for gold_path in select(sorted(folder.glob("*.gold.json")), part):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = article_for(gold_path, gold)
        if article is None:
            continue
        predicted = predicted_script(article)
        if module.score(gold, predicted).get("speakers_distinct") is not False:
            continue
        reasons = distinct_failures(module, gold, predicted)
        counts.update({reason for reason, _ in reasons})
        print(f"{article.name}: " + "; ".join(f"{reason}: {detail}" for reason, detail in reasons))
    print("articles failing 'distinct', by reason (an article may have several):")
    for reason, count in counts.most_common():
        print(f"  {reason:16} {count}")


def mean_row(results: dict[str, dict]) -> dict:
    """Means over the articles a column applies to (speaker columns: articles with an attributed quote)."""
    row = {}
    for column in COLUMNS:
        values = [r[column] for r in results.values() if r.get(column) is not None]
        row[column] = round(sum(float(v) for v in values) / len(values), 4) if values else None
    return row


def line(label: str, cells, width: int = 24) -> str:
    """One line of the table: a label, then one right-aligned cell per column."""
    return f"{label:{width}}" + "".join(f"{cell!s:>19}" for cell in cells)


def print_table(results: dict[str, dict], quiet: bool) -> None:
    width = max([24, *(len(name) for name in results)]) if not quiet else 24
    print(line("article", COLUMNS, width))
    if not quiet:
        for article, row in results.items():
            print(line(article, (row[c] for c in COLUMNS), width))
    mean = mean_row(results)
    print(line(f"mean of {len(results)}", (mean[c] for c in COLUMNS), width))


def print_group_means(groups: dict[str, dict[str, dict]], label) -> None:
    """A mean row per group of articles, labelled by label(group name, number of articles)."""
    for name, rows in sorted(groups.items()):
        mean = mean_row(rows)
        print(line(label(name, len(rows)), (mean[c] for c in COLUMNS)))


def print_by_language(folder: Path, results: dict[str, dict], part: str) -> None:
    """A mean row per gold "language", after the table."""
    by_language: dict[str, dict[str, dict]] = {}
    for gold_path in select(sorted(folder.glob("*.gold.json")), part):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = article_for(gold_path, gold)
        if article is not None and article.name in results:
            by_language.setdefault(gold.get("language") or "?", {})[article.name] = results[article.name]
    print_group_means(by_language, lambda language, count: f"{language}: mean of {count}")


def print_by_outlet(results: dict[str, dict]) -> None:
    """One mean row per outlet (the article name's part before the first "_")."""
    groups: dict[str, dict[str, dict]] = {}
    for article, row in results.items():
        groups.setdefault(article.split("_", 1)[0], {})[article] = row
    print(line("outlet", COLUMNS))
    print_group_means(groups, lambda outlet, count: f"{outlet} ({count})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="all")
    parser.add_argument("--quiet", action="store_true", help="only the mean row")
    parser.add_argument("--scorer", type=Path, default=None)
    parser.add_argument("--why", action="store_true", help="why articles fail 'distinct' (one voice per person)")
    parser.add_argument("--by-language", action="store_true", help="a mean row per gold language too")
    parser.add_argument("--by-outlet", action="store_true", help="a mean row per outlet (name before the first _)")
    args = parser.parse_args(argv)
    try:
        import briefing.segment  # noqa: F401
    except ImportError as error:
        print(f"briefing cannot be imported here ({error}); run this with the project's Python, "
              "e.g. .venv/bin/python benchmarks/segmentation.py.")
        return 2
    scorer = find_scorer(args.folder, args.scorer)
    if scorer is None:
        print(f"No score.py found (in {args.folder} or {CORPUS}); give one with --scorer.")
        return 2
    if not args.folder.is_dir() or not any(args.folder.glob("*.gold.json")):
        print(f"{args.folder} holds no NAME.gold.json files; give a folder of labelled articles.")
        return 2
    if args.why:
        explain(args.folder, load_scorer_module(scorer), args.part)
        return 0
    results = evaluate(args.folder, score=load_scorer(scorer), part=args.part)
    print_table(results, args.quiet)
    if args.by_language:
        print_by_language(args.folder, results, args.part)
    if args.by_outlet:
        print_by_outlet(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
