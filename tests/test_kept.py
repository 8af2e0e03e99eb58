"""Values kept between runs (briefing/kept.py): used only for what they were made from, and a folder that cannot
keep them only costs time; the word lists read through it are the files' own."""

from __future__ import annotations

import os
from importlib import resources

import pytest

from briefing import kept, lang


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    kept._folder.cache_clear()
    lang._load.cache_clear()
    yield tmp_path
    kept._folder.cache_clear()
    lang._load.cache_clear()


def test_a_value_comes_back_only_for_what_it_was_made_from(cache_folder):
    assert kept.load("tables", ("en", "said")) is None
    kept.store("tables", ("en", "said"), {"verbs": ["said", "told"], "weight": 0.5})
    assert kept.load("tables", ("en", "said")) == {"verbs": ["said", "told"], "weight": 0.5}
    assert kept.load("tables", ("en", "told")) is None
    assert kept.load("lists", ("en", "said")) is None


def test_a_file_under_the_name_of_another_input_is_not_used(cache_folder):
    kept.store("tables", "Dana Quill", ["said"])
    kept._path("tables", "Dana Quill").rename(kept._path("tables", "Ivo Marrin"))
    assert kept.load("tables", "Ivo Marrin") is None


def test_what_cannot_be_kept_is_made_again(cache_folder):
    kept.store("tables", "dates", {"when": object()})  # marshal cannot write it
    assert kept.load("tables", "dates") is None
    (cache_folder / "lists").write_text("a file where the folder should be")
    kept.store("lists", "verbs", ["said"])
    assert kept.load("lists", "verbs") is None


@pytest.mark.parametrize("language", lang.available())
def test_a_language_file_read_again_is_the_file_parsed(cache_folder, language, monkeypatch):
    parsed = lang.tomllib.loads(resources.files(lang).joinpath(f"{language}.toml").read_text(encoding="utf-8"))
    assert lang._load(language) == parsed
    lang._load.cache_clear()

    def no_parsing(text):
        raise AssertionError("parsed again")

    monkeypatch.setattr(lang.tomllib, "loads", no_parsing)
    assert lang._load(language) == parsed


def test_only_the_most_recently_written_values_of_a_kind_are_kept(cache_folder, monkeypatch):
    monkeypatch.setattr(kept, "MOST_KEPT", 3)
    for number in range(5):
        kept.store("lists", f"words {number}", [number])
        os.utime(kept._path("lists", f"words {number}"), (1000 + number, 1000 + number))
    kept.store("lists", "words 5", [5])
    assert [kept.load("lists", f"words {number}") for number in range(6)] == [None, None, None, [3], [4], [5]]
