"""Speech engines behind one small interface, chosen by name from a registry.

An engine lists the voices it has, resolves a portable `Voice` to one of them, and turns a
text into 16-bit mono PCM. Everything engine-specific (library loading, voice ids, bugs and
their workarounds) stays inside the engine's own module.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from briefing.errors import InputError
from briefing.model import Cast, Voice


@dataclass(frozen=True)
class EngineVoice:
    """A voice as the installed engine names it."""

    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None


@dataclass(frozen=True)
class Pcm:
    """16-bit signed little-endian mono samples."""

    data: bytes
    sample_rate: int

    @property
    def frames(self) -> int:
        return len(self.data) // 2

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate


class Engine(Protocol):
    """What render needs of an engine. `EngineDefaults` gives the optional parts their plain meaning, so an
    engine states only what it does differently."""

    name: str
    library: str  # where the voices come from, for people reading `briefing voices`
    seconds_per_segment: bool  # each segment takes seconds (a neural model): render balances the end of the work

    def voices(self) -> list[EngineVoice]: ...

    def resolve(self, voice: Voice) -> str:
        """The engine's id for this portable voice; InputError (with close matches) if it has none."""
        ...

    def synthesize(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm: ...

    def close(self, graceful: bool = True) -> None: ...

    def warm_up(self) -> None:
        """Load what the first segment needs (a model), while the article is still being read."""
        ...

    def fit_cast(self, cast: Cast) -> Cast:
        """The cast with its voices chosen for the whole article at once (Piper: a distinct speaker each)."""
        ...

    def voice_remedy(self, language: str) -> str:
        """What to do when no voice speaks `language`, as the end of a sentence."""
        ...


class EngineDefaults:
    """The optional parts of `Engine`, for an engine that has nothing of its own to do there."""

    seconds_per_segment = False

    def warm_up(self) -> None:
        return None

    def fit_cast(self, cast: Cast) -> Cast:
        return cast

    def voice_remedy(self, language: str) -> str:
        return "install a voice for it"


WORD = re.compile(r"\w+")
# Scripts written without spaces between words: each character is about a syllable.
SYLLABIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff]")
WORDS_PER_SYLLABLE_CHARACTER = 0.6


def spoken_words(text: str) -> tuple[float, float]:
    """The fewest and the most words a correct reading of `text` takes: a number is one word at least
    and a word per digit at most (an id read digit by digit); a character of a script written without
    spaces is part of a word."""
    syllables = len(SYLLABIC.findall(text)) * WORDS_PER_SYLLABLE_CHARACTER
    words = WORD.findall(SYLLABIC.sub(" ", text))
    return len(words) + syllables, sum(len(w) if w.isdigit() else 1 for w in words) + syllables


def plausible_seconds(text: str, rate_wpm: int) -> tuple[float, float]:
    """The range of durations a correct reading of `text` can have at `rate_wpm`.

    `text` is what the engine is asked to say (the spoken form: numbers, links and abbreviations already
    written out, see briefing.speak), so the estimate follows what is actually spoken. Wide on purpose;
    it exists to catch an empty file, a truncated one, or one that also holds another segment's audio.
    """
    fewest, most = spoken_words(text)
    return 0.3 * fewest * 60.0 / rate_wpm, 4.0 * most * 60.0 / rate_wpm + 2.0


EngineFactory = Callable[..., Engine]
_REGISTRY: dict[str, EngineFactory] = {}


def register_engine(name: str, factory: EngineFactory) -> None:
    """Make an engine available by name (`--engine NAME`, `engine = "NAME"` in a cast). The built-in
    engines come through this same seam, and tests register a fake one with it."""
    _REGISTRY[name] = factory


def unregister_engine(name: str) -> None:
    _REGISTRY.pop(name, None)


def engine_names() -> list[str]:
    return list(_REGISTRY)


def create_engine(name: str = "pyttsx3", **options) -> Engine:
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(repr(n) for n in engine_names())
        raise InputError(f"There is no speech engine called {name!r}; the available engines are {known}.") from None
    return factory(**options)


def _pyttsx3(**options) -> Engine:
    from briefing.engines.pyttsx3_engine import Pyttsx3Engine

    return Pyttsx3Engine(**options)


def _piper(**options) -> Engine:
    from briefing.engines.piper_engine import PiperEngine  # says what to install when piper-tts is missing

    return PiperEngine(**options)


register_engine("pyttsx3", _pyttsx3)  # the default
register_engine("piper", _piper)  # pip install 'briefing[piper]'


def default_jobs() -> int:
    """One engine (and one encoder) per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class EnginePool:
    """`count` engines whose workers start side by side in the background from the moment the pool is
    made, so that reading and segmenting the articles overlaps their start-up. A pool `kept_warm` (for
    `make --watch`) keeps its workers between renders, so that a re-render speaks at once."""

    def __init__(self, count: int, name: str = "pyttsx3", kept_warm: bool = False):
        self.count, self.name, self.kept_warm = count, name, kept_warm
        self._start()

    def _start(self) -> None:
        self.engines = [create_engine(self.name) for _ in range(self.count)]
        self._booting = [threading.Thread(target=_boot, args=(engine,), daemon=True) for engine in self.engines]
        for thread in self._booting:
            thread.start()

    def ready(self) -> list[Engine]:
        """The engines, started; the first start-up error, if any, is raised here."""
        for thread in _started(self._booting):
            thread.join()
        for engine in self.engines:
            engine.voices()  # raises what went wrong during start-up (or starts an engine not yet started)
        return self.engines

    def rest(self) -> None:
        """A render's speaking is done: stop the workers to free their memory, unless kept warm."""
        if not self.kept_warm:
            for engine in self.engines:
                engine.close(graceful=False)

    def restart(self) -> None:
        """Fresh engines, after an error stopped these in the middle of a render (`make --watch` goes on)."""
        self.close(graceful=False)
        self._start()

    def close(self, graceful: bool = True) -> None:
        """Stop the workers; on an error or Ctrl-C (not graceful), kill them without waiting."""
        if graceful:
            for thread in _started(self._booting):
                thread.join()
        for engine in self.engines:
            engine.close(graceful)
        for thread in _started(self._booting):
            thread.join(timeout=2)

    def __enter__(self) -> EnginePool:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(graceful=exc_type is None)


def _started(threads: list[threading.Thread]) -> list[threading.Thread]:
    """The threads that were started: a Ctrl-C can land while `_start` starts them one by one (under --watch,
    as the engines restart after a bad save), and joining one never started raises, so Ctrl-C ended the watch
    with an unexpected error instead of cleanly."""
    return [thread for thread in threads if thread.ident is not None]


def _boot(engine: Engine) -> None:
    with contextlib.suppress(Exception):  # reported by `ready`, which asks again
        engine.voices()
        engine.warm_up()  # an engine may load its model meanwhile (Piper does)
