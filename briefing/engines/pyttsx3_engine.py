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
import ctypes
import difflib
import multiprocessing
import os
import platform
import shutil
import signal
import sys
import tempfile
import threading
import time
import types
import wave
from html import escape as html_escape
from pathlib import Path

from briefing.engines import EngineVoice, Pcm, plausible_seconds
from briefing.errors import InputError, SynthesisError
from briefing.model import Voice

DEFAULT_FEMALE_VARIANT = "f3"
DEFAULT_MALE_VARIANT = "m3"
POLL_SECONDS = 0.001
MAX_PIECE_CHARS = 1000  # longer texts sometimes come back without audio (pyttsx3 #149)


def prepare_espeak() -> str | None:
    """Make `libespeak-ng.so.1` loadable for pyttsx3; return the espeak-ng data folder if we chose it.

    The system library is preferred (set BRIEFING_ESPEAK=bundled to skip it); otherwise the one
    from the espeakng-loader wheel, so that `pip install` alone is enough.
    """
    if platform.system() != "Linux":
        return None
    if os.environ.get("BRIEFING_ESPEAK") != "bundled":
        try:
            ctypes.CDLL("libespeak-ng.so.1", mode=ctypes.RTLD_GLOBAL)
            return None
        except OSError:
            pass
    import espeakng_loader

    data_path = espeakng_loader.get_data_path()
    os.environ["ESPEAK_DATA_PATH"] = data_path
    ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
    return data_path


def _espeak_variants(data_path: str | None) -> list[str]:
    """Variant names (f3, m1, ...) that espeak-ng can apply to any voice with "+name"."""
    candidates = [data_path] if data_path else []
    candidates += ["/usr/lib/x86_64-linux-gnu/espeak-ng-data", "/usr/lib/aarch64-linux-gnu/espeak-ng-data",
                   "/usr/share/espeak-ng-data", "/usr/local/share/espeak-ng-data"]
    for folder in candidates:
        variants = Path(folder, "voices", "!v")
        if variants.is_dir():
            return sorted(p.name for p in variants.iterdir() if p.is_file())
    return []


def _worker_main(conn) -> None:
    """Runs in a child process: owns one pyttsx3 engine and serves requests until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it kills us
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- pyttsx3 prints "Audio saved to ..." for every file
    data_path = prepare_espeak()
    import pyttsx3

    engine = pyttsx3.init("espeak") if platform.system() == "Linux" else pyttsx3.init()
    # From here on every fault reaches the parent as a missing or wrong file; what the driver prints
    # (e.g. when the parent has removed the scratch folder while quitting) is noise on the user's terminal.
    sys.stderr = sys.stdout
    driver_name = "espeak" if platform.system() == "Linux" else "system"
    if driver_name == "espeak":
        from pyttsx3.drivers import _espeak
        from pyttsx3.drivers import espeak as espeak_driver

        # Its event loop sleeps 10 ms between polls, longer than espeak-ng takes for a sentence.
        espeak_driver.time = types.SimpleNamespace(sleep=lambda _seconds: time.sleep(POLL_SECONDS))
    if driver_name != "espeak":
        library = f"the {platform.system()} system voices"
    else:
        bundled = f"espeak-ng from the espeakng-loader wheel ({data_path})"
        library = bundled if data_path else "the system's libespeak-ng"
    while True:
        request = conn.recv()
        if request is None:
            return
        op, args = request
        if op == "voices":
            voices = [
                (v.id, v.name, tuple(v.languages or ()), (v.gender or "").lower() or None)
                for v in engine.getProperty("voices")
            ]
            variants = _espeak_variants(data_path) if driver_name == "espeak" else []
            conn.send((driver_name, library, voices, variants))
        elif op == "synthesize":
            text, voice_id, pitch, rate_wpm, path = args
            if driver_name == "system" and platform.system() == "Windows":
                text = html_escape(text, quote=False)  # SAPI5 parses XML by default: &lt; keeps "<" plain text
            if voice_id is not None:
                engine.setProperty("voice", voice_id)
            engine.setProperty("rate", rate_wpm)
            with contextlib.suppress(KeyError, ValueError):
                engine.setProperty("pitch", pitch)  # only the espeak driver knows pitch
            if driver_name == "espeak":
                _espeak.Synchronize()  # let the queued pitch change land before this text (module docstring)
            engine.save_to_file(text, path)
            engine.runAndWait()
            conn.send("done")


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


_MAIN_MODULE_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden():
    """A spawned process first re-imports the parent's __main__: for the `briefing` command, the whole
    CLI (0.15 s). The worker needs none of it, so __main__ is hidden while a worker starts."""
    with _MAIN_MODULE_LOCK:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


class _Fault(Exception):
    pass


class Pyttsx3Engine:
    """The default engine. Not thread-safe: use one instance per thread (each owns its worker)."""

    name = "pyttsx3"

    def __init__(self, timeout_s: float = 20.0, retries: int = 1):
        self.timeout_s = timeout_s
        self.retries = retries
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._conn = None
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
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child,), daemon=True)
        with self._lock:  # `close` may run at the same time, from another thread (Ctrl-C)
            if self._closed:
                raise SynthesisError("The speech engine was stopped.")
            with _main_module_hidden():
                process.start()
            self._process, self._conn = process, parent
        child.close()
        # A first short utterance absorbs pyttsx3's first-call failure (see module docstring).
        # If even that gets no answer, a late reply could be taken for the next request's: kill.
        try:
            self._call("synthesize", ("Ready.", None, 50, 175, self._next_path()), 30.0)
        except _Fault:
            self._kill()
            raise

    def _detach(self):
        """Take the worker and its pipe out of use (once, whichever thread asks first)."""
        with self._lock:
            process, conn = self._process, self._conn
            self._process = self._conn = None
        return process, conn

    def _stop(self) -> None:
        process, conn = self._detach()
        if process is None:
            return
        with contextlib.suppress(Exception):
            conn.send(None)
        process.join(timeout=1)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
        conn.close()

    def _kill(self) -> None:
        process, conn = self._detach()
        if process is not None:
            process.kill()
            process.join(timeout=5)
        if conn is not None:
            conn.close()  # a thread waiting on it gets an error, then a _Fault

    def close(self, graceful: bool = True) -> None:
        self._closed = True  # a thread still synthesising gets an error, not a new worker
        self._stop() if graceful else self._kill()
        shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(graceful=exc_type is None)  # on Ctrl-C or an error, do not wait for the worker

    def _call(self, op: str, args, timeout_s: float):
        if self._conn is None:
            self._start()
        conn = self._conn
        try:
            conn.send((op, args))
            if not conn.poll(timeout_s):
                raise _Fault(f"no answer within {timeout_s:.0f} s")
            return conn.recv()
        except (AttributeError, EOFError, OSError) as error:  # AttributeError: killed meanwhile (conn None)
            raise _Fault(f"the engine process died ({error.__class__.__name__})") from error

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
            self._voices = [EngineVoice(*v) for v in voices]
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
        self._call("synthesize", (text, voice_id, pitch, rate_wpm, path), timeout_s)
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
