"""The voiced script from one source: an article read and segmented (or an edited script file), then cast.

The first half of the pipeline, kept apart from rendering and export so that `briefing script` loads none of them.
"""

from __future__ import annotations

from pathlib import Path

from briefing.cast import assign_voices, for_language, load_cast, with_rate
from briefing.model import Cast, Script
from briefing.read import read_article
from briefing.scriptfile import is_script_file, load_script
from briefing.segment import segment


def load_source(source: str) -> Script:
    """An article read and segmented, or an edited script file as it is."""
    return load_script(Path(source)) if is_script_file(source) else segment(read_article(source))


def cast_script(source: str, cast_path: Path | None = None, rate_wpm: int | None = None) -> tuple[Script, Cast]:
    """The voiced script and the cast that reads it: from an article, or from an edited script file."""
    script = load_source(source)
    cast = for_language(with_rate(load_cast(cast_path), rate_wpm), script.language)
    return assign_voices(script, cast), cast


def build_script(source: str, cast_path: Path | None = None, rate_wpm: int | None = None) -> tuple[Script, Cast]:
    """The voiced script and its cast, to be spoken: the language's speech rules (and num2words, ~30 ms) are loaded
    now, while the engines start. `briefing script` only prints the script, and does without them (cast_script)."""
    from briefing.speak import prepare as prepare_speech

    script, cast = cast_script(source, cast_path, rate_wpm)
    prepare_speech(script.language)
    return script, cast


def check_cast(cast_path: Path | None, engine) -> None:
    """Every voice of the cast file as written must exist, even those the article's language replaces."""
    for voice in load_cast(cast_path).all_voices():
        engine.resolve(voice)
