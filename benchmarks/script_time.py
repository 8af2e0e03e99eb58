"""How long `briefing script` takes on the example article (target: under 0.4 s), beside what any Python command
line costs on this machine in the same session.

Rows, each run N times in turn (so that all see the same machine load), median and fastest wall time and median
CPU time: the interpreter alone (`python -c pass`, the floor), importing briefing's command line, and
`briefing script` on the example (read, segment, cast and print). One untimed run of each comes first (it warms
the disk cache and writes briefing's .pyc files, as pip does on install).

    python benchmarks/script_time.py [ARTICLE] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from speed import ROOT, SEED, compiled_env, print_table, run

TARGET_SECONDS = 0.4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / SEED)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import briefing.cli": [sys.executable, "-c", "import briefing.cli"],
        "briefing script": [sys.executable, "-m", "briefing", "script", str(args.article)],
    }
    env = compiled_env()
    for command in commands.values():
        run([command], env)
    runs: dict[str, list] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            runs[name].append(run([command], env))
    rows = [{"command": name,
             "median s": f"{statistics.median(r.seconds for r in done):.3f}",
             "fastest s": f"{min(r.seconds for r in done):.3f}",
             "median CPU s": f"{statistics.median(r.cpu_seconds for r in done):.3f}"}
            for name, done in runs.items()]
    print(f"{args.runs} runs each, in turn; target: briefing script under {TARGET_SECONDS} s")
    print_table(rows)


if __name__ == "__main__":
    main()
