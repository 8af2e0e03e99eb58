"""The pyttsx3 worker process: owns one pyttsx3 engine and speaks what `Pyttsx3Engine` asks, one request
at a time. Started as a plain script (`python pyttsx3_worker.py`), not through multiprocessing, and it
imports nothing of briefing: a worker is ready in about 60 ms instead of 150 (the seed article's whole
synthesis takes 200 ms of espeak-ng).

Protocol: one JSON array per line. Requests on stdin: ["voices"] or ["synthesize", text, voice_id, pitch,
rate_wpm, wav_path]; each answered on the original stdout with one line. Everything pyttsx3 prints
("Audio saved to ...") goes to /dev/null instead.
"""

from __future__ import annotations

import os
import sys

if sys.path and sys.path[0] == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]  # this script's folder (briefing/engines): nothing there may shadow what is imported below

import contextlib
import ctypes
import json
import platform
import signal
import time
import types
from pathlib import Path

POLL_SECONDS = 0.001


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


def espeak_variants(data_path: str | None) -> list[str]:
    """Variant names (f3, m1, ...) that espeak-ng can apply to any voice with "+name"."""
    candidates = [data_path] if data_path else []
    candidates += ["/usr/lib/x86_64-linux-gnu/espeak-ng-data", "/usr/lib/aarch64-linux-gnu/espeak-ng-data",
                   "/usr/share/espeak-ng-data", "/usr/local/share/espeak-ng-data"]
    for folder in candidates:
        variants = Path(folder, "voices", "!v")
        if variants.is_dir():
            return sorted(p.name for p in variants.iterdir() if p.is_file())
    return []


def serve() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it kills us
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pyttsx3 prints "Audio saved to ..." for every file: sys.stdout now writes nowhere
    os.close(devnull)
    data_path = prepare_espeak()
    import pyttsx3

    driver = "espeak" if platform.system() == "Linux" else "system"
    engine = pyttsx3.init("espeak") if driver == "espeak" else pyttsx3.init()
    # From here on every fault reaches the parent as a missing or wrong file; what the driver prints
    # (e.g. when the parent has removed the scratch folder while quitting) is noise on the user's terminal.
    sys.stderr = sys.stdout
    if driver == "espeak":
        from pyttsx3.drivers import _espeak
        from pyttsx3.drivers import espeak as espeak_driver

        # Its event loop sleeps 10 ms between polls, longer than espeak-ng takes for a sentence.
        espeak_driver.time = types.SimpleNamespace(sleep=lambda _seconds: time.sleep(POLL_SECONDS))
        bundled = f"espeak-ng from the espeakng-loader wheel ({data_path})"
        library = bundled if data_path else "the system's libespeak-ng"
    else:
        library = f"the {platform.system()} system voices"
    for line in sys.stdin:
        op, *args = json.loads(line)
        if op == "voices":
            voices = [(v.id, v.name, list(v.languages or ()), (v.gender or "").lower() or None)
                      for v in engine.getProperty("voices")]
            variants = espeak_variants(data_path) if driver == "espeak" else []
            answer = [driver, library, voices, variants]
        else:
            text, voice_id, pitch, rate_wpm, path = args
            if platform.system() == "Windows":
                from html import escape  # SAPI5 parses XML by default: &lt; keeps "<" plain text

                text = escape(text, quote=False)
            if voice_id is not None:
                engine.setProperty("voice", voice_id)
            engine.setProperty("rate", rate_wpm)
            with contextlib.suppress(KeyError, ValueError):
                engine.setProperty("pitch", pitch)  # only the espeak driver knows pitch
            if driver == "espeak":
                _espeak.Synchronize()  # let the queued pitch change land before this text (see the engine)
            engine.save_to_file(text, path)
            engine.runAndWait()
            answer = "done"
        replies.write(json.dumps(answer) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve()
