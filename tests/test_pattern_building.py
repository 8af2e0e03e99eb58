"""The segmenter's patterns, compiled once and kept between runs (segment/pattern_cache.py): a pattern read back from
the cache finds exactly what `re.compile` finds, and a damaged, missing or unwritable cache only costs time."""

from __future__ import annotations

import random
import re

import pytest

from briefing import kept
from briefing.segment import pattern_cache, patterns
from briefing.segment.attribution import BEFORE_QUOTE_VERB, PERSON_MENTION
from briefing.segment.quotes import TRAILING_ATTRIBUTION
from briefing.segment.ranker import PRONOUN_NEAR

TEXTS = [
    'Dana Quill, the mayor of Kelby, said on Monday that the plan was "a giveaway," and Ivo Marrin agreed.',
    "“We will not wait,” said former Kelby-Mills CEO Ann B. Lee Jr., according to a statement.",
    "He told reporters: the vote comes first. SHE SAID the board writes, and Żaneta O’Neil wrote back",
    "« Nous partirons », a déclaré Marc Lefèvre, le porte-parole.  Sie sagte, Jürgen van Beek habe recht.",
    "Speaking to the council on Tuesday, Dana Quill said:",
    "The plan, the Kelby board wrote in a letter, is late, and Ivo Marrin agreed.",
]
PATTERNS = [BEFORE_QUOTE_VERB, PERSON_MENTION, TRAILING_ATTRIBUTION, PRONOUN_NEAR]  # PRONOUN_NEAR ignores case


def found(pattern: re.Pattern) -> list:
    """Every match on the texts, its span and its named groups, at each start position (so that backtracking
    into every part of the pattern is exercised, not only the first match)."""
    return [(start, m.span(), m.groupdict()) for text in TEXTS for start in range(len(text))
            if (m := pattern.search(text, start))]


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    kept._folder.cache_clear()
    pattern_cache._internals_agree.cache_clear()
    yield tmp_path / "patterns"
    kept._folder.cache_clear()
    pattern_cache._internals_agree.cache_clear()


@pytest.mark.parametrize("language_pattern", PATTERNS)
def test_a_pattern_from_the_cache_finds_what_re_compile_finds(cache_folder, language_pattern):
    source = language_pattern.source(patterns.words(("de", "en", "fr")))
    flags = language_pattern._flags
    reference = found(re.compile(source, flags))
    assert reference  # the texts exercise the pattern
    fresh = pattern_cache.compiled(source, flags)
    assert len(list(cache_folder.iterdir())) == 1
    from_file = pattern_cache.compiled(source, flags)
    assert found(fresh) == reference
    assert found(from_file) == reference
    assert (from_file.pattern, from_file.flags, from_file.groupindex) == (source, re.compile(source, flags).flags,
                                                                           re.compile(source, flags).groupindex)


def test_a_second_run_reads_the_pattern_instead_of_compiling_it(cache_folder, monkeypatch):
    source = r"(?P<verb>said|says)\s+(?P<name>[A-Z]\w+)"
    pattern_cache.compiled(source)

    def no_compiling(*arguments):
        raise AssertionError("compiled again")

    monkeypatch.setattr(pattern_cache, "_compile_parts", no_compiling)
    assert pattern_cache.compiled(source).search("as said Dana today").group("name") == "Dana"


@pytest.mark.parametrize("damage", [b"", b"not marshal data", None])
def test_a_damaged_file_is_compiled_again_and_replaced(cache_folder, damage):
    source = r"(?i)\bsa(?:id|ys)\b"
    pattern_cache.compiled(source)
    (file,) = cache_folder.iterdir()
    good = file.read_bytes()
    file.write_bytes(good[: len(good) // 2] if damage is None else damage)
    assert pattern_cache.compiled(source).findall("He SAID, she says, it sayso") == ["SAID", "says"]
    assert file.read_bytes() == good


def test_a_file_of_another_pattern_under_the_same_name_is_not_used(cache_folder):
    pattern_cache.compiled(r"\bsaid\b")
    (file,) = cache_folder.iterdir()
    file.rename(kept._path("patterns", (pattern_cache._build(), r"\bwrote\b", 0)))
    assert pattern_cache.compiled(r"\bwrote\b").findall("she said, he wrote") == ["wrote"]


def test_an_unwritable_cache_folder_only_costs_time(cache_folder):
    cache_folder.parent.mkdir(exist_ok=True)
    cache_folder.write_text("a file where the folder should be")
    assert pattern_cache.compiled(r"\d+%").findall("up 12% from 9%") == ["12%", "9%"]


def test_when_the_internals_disagree_with_re_it_compiles_as_re_does(cache_folder, monkeypatch):
    compile_parts = pattern_cache._compile_parts
    monkeypatch.setattr(pattern_cache, "_compile_parts",  # another Python's parts: the flags set apart
                        lambda source, flags: (flags, *compile_parts(source, flags)[1:]))
    assert pattern_cache.compiled(r"\bKel\w+").findall("Kelby and Kelso") == ["Kelby", "Kelso"]
    assert not cache_folder.exists()


def test_without_the_internals_it_compiles_as_re_does(cache_folder, monkeypatch):
    monkeypatch.setattr(pattern_cache, "_sre", None)
    assert pattern_cache.compiled(r"\bKel\w+").findall("Kelby and Kelso") == ["Kelby", "Kelso"]
    assert not cache_folder.exists()


def test_an_alternation_is_written_the_same_whatever_the_order_of_its_words():
    words = ["said", "says", "told", "wrote", "said in a statement", "added", "", "said"]
    written = patterns.alternation(words)
    for seed in range(5):
        random.Random(seed).shuffle(words)
        assert patterns.alternation(words) == written
    assert written == r"(?:said\s+in\s+a\s+statement|added|wrote|said|says|told)"
    assert re.fullmatch(written, "said  in a\tstatement")
