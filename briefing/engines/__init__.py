"""Speech engines behind one small interface, chosen by name from a registry.

An engine lists the voices it has, resolves a portable `Voice` to one of them, and turns a
text into 16-bit mono PCM. Everything engine-specific (library loading, voice ids, bugs and
their workarounds) stays inside the engine's own module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from briefing.errors import InputError
from briefing.model import Voice


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
    name: str
    library: str  # where the voices come from, for people reading `briefing voices`

    def voices(self) -> list[EngineVoice]: ...

    def resolve(self, voice: Voice) -> str:
        """The engine's id for this portable voice; InputError (with close matches) if it has none."""
        ...

    def synthesize(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm: ...

    def close(self, graceful: bool = True) -> None: ...


WORD = re.compile(r"\w+")


def plausible_seconds(text: str, rate_wpm: int) -> tuple[float, float]:
    """The range of durations a correct reading of `text` can have at `rate_wpm`.

    Wide on purpose (numbers, URLs and abbreviations expand when spoken); it exists to catch an
    empty file, a truncated one, or one that also holds another segment's audio.
    """
    words = len(WORD.findall(text))
    expected = words * 60.0 / rate_wpm
    return 0.3 * expected, 4.0 * expected + 2.0


def create_engine(name: str = "pyttsx3", **options) -> Engine:
    if name == "pyttsx3":
        from briefing.engines.pyttsx3_engine import Pyttsx3Engine

        return Pyttsx3Engine(**options)
    raise InputError(f"There is no speech engine called {name!r}; the available engine is 'pyttsx3'.")
