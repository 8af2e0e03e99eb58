"""The tests' own tools, where a mistake would hide a fault: `workers_of` must tell one run's engine workers
from another's, or a Ctrl-C test passes or fails depending on what else runs on the machine."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ctrl_c, marked_env, workers_of

from briefing.errors import ExitStatus


def _start(article: Path, out: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "briefing", "make", str(article), "-o", str(out), "--no-cache",
                             "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and sends SIGINT")
def test_workers_of_sees_its_own_runs_workers_only_and_until_they_end(tmp_path, corpus):
    body = (corpus / "putin-syria.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    article = tmp_path / "long.txt"
    article.write_text("Long Briefing\n" + body * 10, encoding="utf-8")
    first_env, second_env = marked_env(), marked_env()
    first, second = _start(article, tmp_path / "a", first_env), _start(article, tmp_path / "b", second_env)
    try:
        deadline = time.monotonic() + 60
        while not (workers_of(first_env) and workers_of(second_env)) and time.monotonic() < deadline:
            time.sleep(0.05)
        mine, theirs = workers_of(first_env), workers_of(second_env)
        assert mine and theirs and not mine & theirs
        assert ctrl_c(first) == ExitStatus.INTERRUPTED
        time.sleep(0.5)
        assert workers_of(first_env) == set()
        assert workers_of(second_env) == theirs, "the other run's engine is still at work"
    finally:
        for process in (first, second):
            if process.poll() is None:
                ctrl_c(process)
