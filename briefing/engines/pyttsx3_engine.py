"""pyttsx3 (espeak-ng on Linux, SAPI5 on Windows, NSSpeechSynthesizer on macOS), made dependable.

pyttsx3 2.99 on espeak-ng is fragile, so every call runs in a worker process that this module
can kill, and every result is checked:

- `save_to_file` + `runAndWait` sometimes writes no file at all (seen here: the first long text
  after `init`, a text ending in ": "); the audio then stays in the driver's buffer and lands in
  the NEXT file (pyttsx3 issues #149, #170). A missing file therefore means the worker's state is
  poisoned: it is killed and the segment is retried once in a fresh worker.
- `runAndWait` can hang: each call is bounded by a timeout, after which the worker is killed.
- the driver runs espeak-ng asynchronously: `SetVoiceByName` acts at once but `SetParameter` (pitch,
  rate) is queued, and now and then the text was read with the previous segment's pitch (seen here:
  one segment in about 40, so a quote sounded like the narrator). The worker waits for espeak's queue
  (`espeak_Synchronize`) after setting the properties and before synthesising.
- it prints "Audio saved to ..." on stdout: the worker's stdout goes to /dev/null.
- `voices[0]` on espeak-ng is Afrikaans: voices are matched by language/gender/variant instead.
- it loads `libespeak-ng.so.1` by name: where the system has no espeak-ng, the copy shipped in the
  `espeakng-loader` wheel is preloaded (RTLD_GLOBAL) and ESPEAK_DATA_PATH points at its data.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

from briefing.engines import EngineDefaults, EngineVoice, Pcm, plausible_seconds
from briefing.errors import InputError, SynthesisError
from briefing.model import Voice

DEFAULT_FEMALE_VARIANT = "f3"
DEFAULT_MALE_VARIANT = "m3"
MAX_PIECE_CHARS = 1000  # longer texts sometimes come back without audio (pyttsx3 #149)
WORKER = Path(__file__).with_name("pyttsx3_worker.py")


def split_for_engine(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Whitespace-normalised `text` in pieces of at most `limit` characters, cut after a sentence end
    where possible, else at a space, else anywhere: no character is lost."""
    rest = " ".join(text.split())  # newlines and no-break spaces upset the driver
    pieces = []
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("; "))
        cut = cut + 1 if cut > limit // 3 else window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*pieces, rest] if rest or not pieces else pieces


class _Fault(Exception):
    pass


class _Worker:
    """One worker process (pyttsx3_worker.py) and the answers it has sent. A thread reads them into a queue,
    so that a caller can wait with a timeout on any platform, and learns at once when the process dies."""

    _GONE = object()

    def __init__(self):
        try:
            self.process = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, encoding="utf-8")
        except OSError as error:
            raise _Fault(f"the engine process could not start ({error.strerror})") from error
        self.answers: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for line in self.process.stdout:
                with contextlib.suppress(ValueError):  # not an answer: something printed at start-up
                    self.answers.put(json.loads(line))
        except (OSError, ValueError):
            pass
        finally:
            self.answers.put(self._GONE)

    def ask(self, request: list, timeout_s: float):
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except (OSError, ValueError) as error:
            raise _Fault(f"the engine process died ({error.__class__.__name__})") from error
        try:
            answer = self.answers.get(timeout=max(0.0, timeout_s))
        except queue.Empty:
            raise _Fault(f"no answer within {timeout_s:.0f} s") from None
        if answer is self._GONE:
            raise _Fault("the engine process died")
        return answer

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()  # the worker's loop ends
        try:
            self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        self.process.kill()  # a thread waiting for an answer gets _GONE, then a _Fault
        with contextlib.suppress(subprocess.TimeoutExpired):  # stuck in the kernel (a hung disk): leave it
            self.process.wait(timeout=5)
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()


class Pyttsx3Engine(EngineDefaults):
    """The default engine. Not thread-safe: use one instance per thread (each owns its worker)."""

    name = "pyttsx3"

    def __init__(self, timeout_s: float = 20.0, retries: int = 1):
        self.timeout_s = timeout_s
        self.retries = retries
        self._worker: _Worker | None = None
        self._scratch = Path(tempfile.mkdtemp(prefix="briefing-engine-"))
        self._voices: list[EngineVoice] | None = None
        self._variants: list[str] = []
        self._driver = ""
        self.library = ""
        self._counter = 0
        self._closed = False
        self._lock = threading.Lock()

    # -- worker lifecycle -------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:  # `close` may run at the same time, from another thread (Ctrl-C)
            if self._closed:
                raise SynthesisError("The speech engine was stopped.")
            self._worker = _Worker()
        # A first short utterance absorbs pyttsx3's first-call failure (see module docstring).
        # If even that gets no answer, a late reply could be taken for the next request's: kill.
        try:
            self._call("synthesize", ["Ready.", None, 50, 175, self._next_path()], 30.0)
        except _Fault:
            self._kill()
            raise

    def _detach(self) -> _Worker | None:
        """Take the worker out of use (once, whichever thread asks first)."""
        with self._lock:
            worker, self._worker = self._worker, None
        return worker

    def _kill(self) -> None:
        worker = self._detach()
        if worker is not None:
            worker.kill()

    def close(self, graceful: bool = True) -> None:
        self._closed = True  # a thread still synthesising gets an error, not a new worker
        worker = self._detach()
        if worker is not None:
            worker.stop() if graceful else worker.kill()
        shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(graceful=exc_type is None)  # on Ctrl-C or an error, do not wait for the worker

    def _call(self, op: str, args: list | None, timeout_s: float):
        if self._worker is None:
            self._start()
        worker = self._worker
        if worker is None:  # killed meanwhile
            raise _Fault("the engine process was stopped")
        return worker.ask([op, *(args or [])], timeout_s)

    def _next_path(self) -> str:
        self._counter += 1
        return str(self._scratch / f"segment-{self._counter}.wav")

    # -- voices -----------------------------------------------------------------------------
    def voices(self) -> list[EngineVoice]:
        if self._voices is None:
            try:
                driver, library, voices, variants = self._call("voices", None, 30.0)
            except _Fault as fault:
                self._kill()
                raise SynthesisError(f"The speech engine did not start ({fault}).") from fault
            self._driver = driver
            self.library = library
            self._variants = variants
            self._voices = [EngineVoice(id, name, tuple(languages), gender) for id, name, languages, gender in voices]
        return self._voices

    def resolve(self, voice: Voice) -> str:
        """Pick the engine voice for a portable description: language first, then gender/variant."""
        voices = self.voices()
        wanted = voice.language.lower()
        exact = [v for v in voices if wanted in (lang.lower() for lang in v.languages)]
        if not exact and "-" not in wanted:  # a bare language ("fr") takes that language's main voice
            exact = [v for v in voices if any(lang.lower().split("-")[0] == wanted for lang in v.languages)]
            exact.sort(key=lambda v: (len(v.id), v.id))
        if not exact:
            known = sorted({lang for v in voices for lang in v.languages})
            close = difflib.get_close_matches(wanted, known, n=4, cutoff=0.5)
            hint = f" Close matches: {', '.join(close)}." if close else ""
            raise InputError(f"Voice {voice.name!r} asks for language {voice.language!r}, which the speech "
                             f"engine does not have.{hint} Run 'briefing voices' to see what it offers.")
        if self._driver == "espeak":
            variant = voice.variant or {"female": DEFAULT_FEMALE_VARIANT,
                                        "male": DEFAULT_MALE_VARIANT}.get(voice.gender)
            if variant and self._variants and variant not in self._variants:
                close = difflib.get_close_matches(variant, self._variants, n=4, cutoff=0.4)
                hint = f" Close matches: {', '.join(close)}." if close else ""
                raise InputError(f"Voice {voice.name!r} asks for variant {variant!r}, which espeak-ng does "
                                 f"not have.{hint}")
            return f"{exact[0].id}+{variant}" if variant else exact[0].id
        gendered = [v for v in exact if voice.gender == "any" or v.gender == voice.gender]
        return (gendered or exact)[0].id

    # -- synthesis --------------------------------------------------------------------------
    def synthesize(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm:
        """Speak `text`, in pieces short enough for the driver (pyttsx3 #149), joined into one PCM."""
        pieces = [self._synthesize_piece(piece, voice_id, pitch, rate_wpm) for piece in split_for_engine(text)]
        return Pcm(b"".join(p.data for p in pieces), pieces[0].sample_rate)

    def _synthesize_piece(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm:
        """One piece: checked, bounded in time, retried once in a fresh worker, else SynthesisError."""
        self.voices()
        spoken = text
        timeout_s = self.timeout_s + len(spoken) / 500
        problem = ""
        for _attempt in range(1 + self.retries):
            try:
                return self._synthesize_once(spoken, voice_id, pitch, rate_wpm, timeout_s)
            except _Fault as fault:
                problem = str(fault)
                self._kill()
        excerpt = spoken if len(spoken) <= 80 else spoken[:77] + "..."
        raise SynthesisError(f"The speech engine failed twice on the segment “{excerpt}” ({problem}).")

    def _synthesize_once(self, text: str, voice_id: str, pitch: int, rate_wpm: int, timeout_s: float) -> Pcm:
        path = self._next_path()
        started = time.monotonic()
        self._call("synthesize", [text, voice_id, pitch, rate_wpm, path], timeout_s)
        if not os.path.exists(path):
            raise _Fault("it wrote no audio file")
        try:
            with wave.open(path, "rb") as wav:
                if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                    raise _Fault("it wrote audio in an unexpected format")
                pcm = Pcm(wav.readframes(wav.getnframes()), wav.getframerate())
        except (wave.Error, EOFError) as error:
            raise _Fault(f"it wrote an unreadable audio file ({error})") from error
        finally:
            os.unlink(path)
        low, high = plausible_seconds(text, rate_wpm)
        if not low <= pcm.seconds <= high:
            raise _Fault(f"its audio lasts {pcm.seconds:.1f} s where {low:.1f}–{high:.1f} s was expected "
                         f"(after {time.monotonic() - started:.1f} s)")
        return pcm
