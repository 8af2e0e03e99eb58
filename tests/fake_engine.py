"""A fake speech engine, registered through the same seam as the real ones (like simonw/llm's MockModel),
for exact and fast timeline, chapter and fault tests.

Each text becomes a tone lasting exactly `words * 60 / rate_wpm` seconds (no silence to trim), at a pitch
of its own per voice, so clip lengths, cue times and chapter starts are known in advance to the sample.
Texts listed in `failing` raise a SynthesisError, the way a real engine reports a segment it cannot speak.

    with fake_engine(failing={"Bad text."}) as calls:   # `calls`: every (text, voice_id) spoken
        make([...], out, engine_pool=EnginePool(1, FAKE))
"""

from __future__ import annotations

import contextlib
import re
import threading
import zlib
from collections.abc import Container, Iterator

import numpy as np

from briefing.engines import EngineDefaults, EngineVoice, Pcm, register_engine, unregister_engine
from briefing.errors import InputError, SynthesisError
from briefing.model import Voice

FAKE = "fake"
SAMPLE_RATE = 22050
WORD = re.compile(r"\w+")


def expected_frames(text: str, rate_wpm: int) -> int:
    return round(len(WORD.findall(text)) * 60 / rate_wpm * SAMPLE_RATE)


class FakeEngine(EngineDefaults):
    name = FAKE
    library = "fake tones"
    LANGUAGES = ("en-us", "en-gb", "en", "fr", "de")

    def __init__(self, failing: Container[str] = frozenset(), calls: list | None = None):
        self.failing = failing
        self.calls = calls if calls is not None else []
        self._lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def voices(self) -> list[EngineVoice]:
        return [EngineVoice(f"{language}-{gender}", f"{language} {gender}", (language,), gender)
                for language in self.LANGUAGES for gender in ("male", "female")]

    def resolve(self, voice: Voice) -> str:
        language = voice.language.lower()
        if language not in self.LANGUAGES and language.split("-")[0] not in self.LANGUAGES:
            raise InputError(f"Voice {voice.name!r} asks for language {voice.language!r}, which the fake engine "
                             "does not have.")
        return f"{language}-{voice.gender}+{voice.variant or ''}"

    def synthesize(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm:
        with self._lock:
            self.calls.append((text, voice_id))
        if text in self.failing:
            raise SynthesisError(f"The speech engine failed twice on the segment “{text}” (a fake fault).")
        hz = 80 + zlib.crc32(voice_id.encode()) % 200 + pitch
        t = np.arange(expected_frames(text, rate_wpm)) / SAMPLE_RATE
        tone = (0.3 * np.sin(2 * np.pi * hz * t) * 32767).astype(np.int16)
        return Pcm(tone.tobytes(), SAMPLE_RATE)

    def close(self, graceful: bool = True) -> None:
        pass


@contextlib.contextmanager
def fake_engine(failing: Container[str] = frozenset()) -> Iterator[list]:
    """Register the fake engine as FAKE for the duration; yields the list of (text, voice_id) it spoke.
    `failing`: the texts it fails on (a set, or any container that says which texts are in it)."""
    calls: list = []
    register_engine(FAKE, lambda **options: FakeEngine(failing, calls, **options))
    try:
        yield calls
    finally:
        unregister_engine(FAKE)
