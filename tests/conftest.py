"""Shared fixtures: the corpus beside the project, and one real `briefing make` run of the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import CORPUS, run_briefing


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory) -> Path:
    """The segment cache of every run in the tests lives in a fresh folder, not the user's."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["BRIEFING_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is missing at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def seed_briefing(corpus, tmp_path_factory):
    """The seed article rendered once by the real command; tests read what a listener would get."""
    out = tmp_path_factory.mktemp("seed")
    result = run_briefing("make", str(corpus / "putin-syria.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out / "putin-syria.mp3", out / "putin-syria.vtt", result
