"""How long `briefing script` takes on the example article (target: under 0.4 s), beside what any Python command
line costs on this machine in the same session.

Rows, each run N times in turn (so that all see the same machine load), median and fastest wall time and median
CPU time: the interpreter alone (`python -c pass`, the floor), importing briefing's command line, and
`briefing script` on the example (read, segment, cast and print). One untimed run of each comes first (it warms
the disk cache and writes briefing's .pyc files, as pip does on install, and the segmenter's compiled patterns, as
the first run after an install does; all in a cache folder of the benchmark's own). The row "first run" is
`briefing script` with an empty cache folder each time: its patterns compiled and written.

With --compare DIR, `briefing script` also runs from another checkout's package (DIR/briefing, e.g. an export of
main: `git archive main | tar -x -C DIR`) with the same interpreter, in turn with the others.

    python benchmarks/script_time.py [ARTICLE] [--runs 15] [--compare DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from speed import ROOT, SEED, compiled_env, print_table, run

TARGET_SECONDS = 0.4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / SEED)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--compare", type=Path, help="another checkout whose briefing package runs in turn")
    args = parser.parse_args()
    script = [sys.executable, "-m", "briefing", "script", str(args.article)]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import briefing.cli": [sys.executable, "-c", "import briefing.cli"],
        "briefing script": script,
        "briefing script, first run": script,
    }
    if args.compare:
        commands[f"briefing script ({args.compare})"] = script
    with tempfile.TemporaryDirectory() as folder:
        runs = _timed(commands, args.runs, Path(folder), args.compare)
    rows = [{"command": name,
             "median s": f"{statistics.median(r.seconds for r in done):.3f}",
             "fastest s": f"{min(r.seconds for r in done):.3f}",
             "median CPU s": f"{statistics.median(r.cpu_seconds for r in done):.3f}"}
            for name, done in runs.items()]
    print(f"{args.runs} runs each, in turn; target: briefing script under {TARGET_SECONDS} s")
    print_table(rows)


def _timed(commands: dict[str, list[str]], count: int, folder: Path, compare: Path | None) -> dict[str, list]:
    kept = compiled_env() | {"BRIEFING_CACHE_DIR": str(folder / "kept")}
    environments = {name: kept for name in commands}
    if compare:
        environments[f"briefing script ({compare})"] = kept | {"PYTHONPATH": str(compare.resolve())}
    for name, command in commands.items():
        run([command], environments[name])
    runs: dict[str, list] = {name: [] for name in commands}
    for number in range(count):
        environments["briefing script, first run"] = kept | {"BRIEFING_CACHE_DIR": str(folder / f"empty{number}")}
        for name, command in commands.items():
            runs[name].append(run([command], environments[name]))
    return runs


if __name__ == "__main__":
    main()
