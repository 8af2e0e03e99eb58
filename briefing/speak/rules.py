"""Per-language rules for the spoken form, loaded from data (briefing/speak/rules/LANG.toml).

A language without a file gets the neutral rules: markup, links, handles, reference marks and
separators are still handled, but numbers, abbreviations and symbols are left to the engine.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from importlib import resources

from briefing.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WORD_KEYS = ("dot", "at", "hashtag", "percent", "embedded", "link", "number")


@dataclass(frozen=True)
class LanguageRules:
    """How a newsreader of one language says the written forms a text-to-speech engine gets wrong."""

    language: str
    num2words: str | None = None  # num2words' code; None: numbers are left to the engine
    decimal_mark: str = "."
    group_marks: tuple[str, ...] = (",",)
    ordinal_suffixes: tuple[str, ...] = ()
    years: bool = False
    dotted_ordinals: bool = False  # "3. Oktober": a number and a dot are left to the engine, which knows which
    scales: tuple[str, ...] = ()
    scale_abbreviations: dict[str, str] = field(default_factory=dict)
    meridiem: dict[str, str] = field(default_factory=dict)
    time: str = "{hour} {minutes}"
    time_on_the_hour: str = "{hour}"
    minutes_below_ten: str = "{minutes}"
    hour_marks: tuple[str, ...] = ()  # "15h30"
    clock_words: tuple[str, ...] = ()  # "15:30 Uhr": written after a time, already in `time`
    number_signs: tuple[str, ...] = ()  # "No." in "No. 5": said as words["number"] before a number
    words: dict[str, str] = field(default_factory=dict)  # WORD_KEYS; a missing word is not said
    currencies: dict[str, str] = field(default_factory=dict)  # symbol -> ISO 4217 code
    abbreviations: dict[str, str] = field(default_factory=dict)
    voice_language: str | None = None  # the language engines name its voices by, when not the same code
    engine_limits: dict[str, str] = field(default_factory=dict)  # engine name -> why it cannot read this

    def word(self, key: str) -> str:
        return self.words.get(key, "")


def base_language(language: str) -> str:
    """"en-US" and "en_gb" -> "en"."""
    return (language or "").replace("_", "-").split("-")[0].lower()


@functools.lru_cache(maxsize=64)
def rules_for(language: str) -> LanguageRules:
    """The rules of `language` (a bare or regional code); neutral rules when there is no file."""
    code = base_language(language)
    path = resources.files("briefing.speak") / "rules" / f"{code}.toml"
    if not code.isalpha() or not path.is_file():
        return LanguageRules(language=code)
    return parse_rules(code, path.read_text(encoding="utf-8"), str(path))


def parse_rules(code: str, text: str, where: str = "") -> LanguageRules:
    """Rules from TOML text; a wrong key or type is an InputError naming the file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"The language rules {where or code} are not valid TOML: {error}.") from None
    known = {f for f in LanguageRules.__dataclass_fields__ if f != "language"}
    unknown = set(data) - known
    if unknown:
        raise InputError(f"The language rules {where or code} have an unknown setting {sorted(unknown)[0]!r}.")
    neutral = LanguageRules(language=code)
    values = {}
    for key, value in data.items():
        value = tuple(value) if isinstance(value, list) else value
        expected = getattr(neutral, key)
        wrong_type = type(value) is not type(expected) and not (expected is None and isinstance(value, str))
        if wrong_type or (isinstance(value, (dict, tuple)) and not _all_text(value)):
            raise InputError(f"The language rules {where or code}: {key!r} has the wrong type.")
        values[key] = value
    unknown_words = set(values.get("words", {})) - set(WORD_KEYS)
    if unknown_words:
        raise InputError(f"The language rules {where or code}: unknown word {sorted(unknown_words)[0]!r}.")
    return LanguageRules(language=code, **values)


def _all_text(value: dict | tuple) -> bool:
    return all(isinstance(item, str) for item in (value.values() if isinstance(value, dict) else value))
