"""What many tests share: where the project and the corpus are, and running the real CLI as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def run_briefing(*args: str, input: bytes | None = None, cwd: Path | None = None, env=None, timeout=300):
    """Run the real CLI the way a user would: `python -m briefing ...`."""
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=input, capture_output=True,
                          cwd=cwd, env=env, timeout=timeout)
