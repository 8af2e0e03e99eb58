"""Real news never breaks it: render a folder of real articles in ONE batch and check what came out.

    python benchmarks/robustness.py DIR [--split dev|held-out|all] [--limit N] [--jobs N] [--out OUT]
                                        [--engine pyttsx3|piper]

DIR holds plain-text articles (e.g. PolNeAR's data/train/text; never commit them). Every 5th article by
sorted name is held out ("held-out"); the others are "dev". The chosen articles are rendered by one
`briefing make FOLDER -o OUT` (the real CLI), then for each article: did it render (MP3 + VTT), is every
word of the article in its transcript, in order, and how were its segments spoken: as written,
normalised (the engine heard a spoken form: numbers, links, handles... written out), split (the engine
failed and the segment was read in smaller pieces), skipped (nothing speakable: separators, emoji) or
failed (not spoken at all; reported by the CLI with its text). Prints one table and the totals.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import webvtt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.pipeline import load_source, output_stem  # noqa: E402
from briefing.speak import spoken_form  # noqa: E402

WORD = re.compile(r"\w+")
RESULT = re.compile(r"^(?P<mp3>.+\.mp3) \((?P<time>[\d:]+), (?P<segments>\d+) segments(?P<rest>[^)]*)\)$")


def choose(folder: Path, split: str, limit: int | None) -> list[Path]:
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    if split != "all":
        articles = [p for i, p in enumerate(articles) if (i % 5 == 4) == (split == "held-out")]
    return articles[:limit] if limit else articles


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def transcript_words(vtt: Path) -> list[str]:
    return [w for caption in webvtt.read(str(vtt)).captions for w in words(caption.text)]


def in_order(article: list[str], heard: list[str]) -> int:
    """How many article words are missing from the transcript (each matched once, in order)."""
    position, missing = 0, 0
    for word in article:
        try:
            position = heard.index(word, position) + 1
        except ValueError:
            missing += 1
    return missing


def reported(stdout: str) -> dict[str, Counter]:
    """Per MP3 stem: what the CLI's result line says was split or not spoken."""
    found = {}
    for line in stdout.splitlines():
        match = RESULT.match(line.strip())
        if match:
            counts = Counter({kind: int(n) for n, kind in re.findall(r"(\d+) (split|skipped|failed)", match["rest"])})
            found[Path(match["mp3"]).stem] = counts
    return found


def spoken_kinds(article: Path) -> Counter:
    """How many segments the engine hears in a spoken form unlike the written one, from the same script
    `make` renders (skipped, split and failed segments are counted by `make` itself, see `reported`)."""
    script = load_source(str(article))
    kinds = Counter(segments=len(script.segments))
    started = time.perf_counter()
    for seg in script.segments:
        spoken = spoken_form(seg.text, script.language)
        kinds["normalised"] += bool(spoken) and spoken != " ".join(seg.text.split())
    kinds["normalising µs"] = round((time.perf_counter() - started) * 1e6)
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--engine", choices=("pyttsx3", "piper"), help="the engine to speak with (default: the cast's)")
    args = parser.parse_args()
    articles = choose(args.folder, args.split, args.limit)
    with tempfile.TemporaryDirectory(prefix="robustness-") as scratch:
        batch = Path(scratch) / "articles"
        batch.mkdir()
        for article in articles:
            (batch / article.name).symlink_to(article.resolve())
        out = args.out or Path(scratch) / "out"
        command = [sys.executable, "-m", "briefing", "make", str(batch), "-o", str(out)]
        command += ["--jobs", str(args.jobs)] if args.jobs else []
        command += ["--engine", args.engine] if args.engine else []
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        report(articles, out, run, seconds, args)


def report(articles: list[Path], out: Path, run: subprocess.CompletedProcess, seconds: float, args) -> None:
    said = reported(run.stdout)
    totals: Counter = Counter()
    problems = []
    for article in articles:
        kinds = spoken_kinds(article)
        stem = output_stem(str(article))  # the name `make` gives the article's files
        kinds.update(said.get(stem, Counter()))
        kinds["as written"] = kinds["segments"] - kinds["normalised"] - kinds["skipped"]
        mp3, vtt = out / f"{stem}.mp3", out / f"{stem}.vtt"
        rendered = mp3.exists() and vtt.exists()
        missing = in_order(words(article.read_text(encoding="utf-8", errors="replace")),
                           transcript_words(vtt)) if rendered else None
        totals.update(kinds)
        totals["articles"] += 1
        totals["rendered"] += rendered
        totals["articles with every word"] += missing == 0
        totals["words missing"] += missing or 0
        if not rendered or missing or kinds["failed"]:
            problems.append(f"{article.name}: rendered={rendered} words missing={missing} failed={kinds['failed']}")
    options = (f" --jobs {args.jobs}" if args.jobs else "") + (f" --engine {args.engine}" if args.engine else "")
    print(f"command: briefing make FOLDER -o OUT{options}   "
          f"({args.split}, {len(articles)} articles from {args.folder})")
    print(f"exit status {run.returncode}; {seconds:.0f} s wall")
    print(f"{'measure':28} {'count':>8}")
    for key in ("articles", "rendered", "articles with every word", "words missing", "segments", "as written",
                "normalised", "split", "skipped", "failed"):
        print(f"{key:28} {totals[key]:>8}")
    print(f"{'normalising, ms per segment':28} {totals['normalising µs'] / 1000 / max(1, totals['segments']):>8.2f}")
    for line in problems[:20]:
        print("  problem:", line)
    errors = [line for line in run.stderr.splitlines() if line.startswith("briefing:")]
    for line in errors[:20]:
        print("  stderr:", line[:200])


if __name__ == "__main__":
    main()
