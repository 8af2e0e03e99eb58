"""Synthesise every segment (in parallel, skipping what the cache has) and lay the clips on a timeline."""

from __future__ import annotations

import hashlib
import queue
import warnings
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import Cache, cache_key
from briefing.engines import Engine, Pcm
from briefing.errors import InputError
from briefing.export import MP3_FRAME_SAMPLES, STREAM_OVERHEAD_FRAMES
from briefing.model import Cast, Chunk, Clip, Pauses, Script, Segment, Timeline

with warnings.catch_warnings():  # pydub warns about ffmpeg at import; we only use it on raw PCM
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

SAMPLE_RATE = 22050
SILENCE_THRESHOLD_DBFS = -45.0
EDGE_MARGIN_MS = 15
# Chunks end only at a pause of at least CHUNK_PAUSE_MS, after MIN_CHUNK_SECONDS, at a place chosen by the
# next segment's text (so an edit moves no boundary but its own), and by MAX_CHUNK_SECONDS at the latest.
MIN_CHUNK_SECONDS = 20
MAX_CHUNK_SECONDS = 90
CHUNK_PAUSE_MS = 400

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Request:
    """One text to speak, with everything that shapes its sound."""

    text: str
    voice_id: str
    pitch: int
    rate_wpm: int


def pause_before(previous: Segment | None, current: Segment, pauses: Pauses) -> int:
    """Milliseconds of silence before `current`: longest around the title and headlines."""
    if previous is None:
        return 0
    if current.kind == "title":  # the next story of a combined briefing
        return pauses.between_stories_ms
    if previous.paragraph == current.paragraph and previous.voice == current.voice == "narrator":
        return pauses.same_voice_ms  # a partial quote read on by the narrator: no audible seam
    candidates = [pauses.within_paragraph_ms]
    if previous.paragraph != current.paragraph:
        candidates.append(pauses.between_paragraphs_ms)
    if previous.kind == "title":
        candidates.append(pauses.after_title_ms)
    if previous.kind == "headline":
        candidates.append(pauses.after_headline_ms)
    if current.kind == "headline":
        candidates.append(pauses.before_headline_ms)
    return max(candidates)


def trim(pcm: Pcm) -> AudioSegment:
    """The clip without the engine's leading and trailing silence, so pauses are exactly ours."""
    audio = AudioSegment(data=pcm.data, sample_width=2, frame_rate=pcm.sample_rate, channels=1)
    if pcm.sample_rate != SAMPLE_RATE:
        audio = audio.set_frame_rate(SAMPLE_RATE)
    lead = detect_leading_silence(audio, SILENCE_THRESHOLD_DBFS, chunk_size=5)
    tail = detect_leading_silence(audio.reverse(), SILENCE_THRESHOLD_DBFS, chunk_size=5)
    if lead + tail >= len(audio):
        return audio
    return audio[max(0, lead - EDGE_MARGIN_MS) : len(audio) - max(0, tail - EDGE_MARGIN_MS)]


def requests_for(script: Script, cast: Cast, engine: Engine) -> list[Request]:
    """What to ask the engine for each segment; unknown voices are an InputError."""
    voice_ids = {}
    for name in sorted({seg.voice for seg in script.segments}):
        try:
            voice_ids[name] = engine.resolve(cast.voice(name))
        except KeyError:
            raise InputError(f"The script asks for voice {name!r}, which the cast does not define.") from None
    requests = []
    for seg in script.segments:
        voice = cast.voice(seg.voice)
        requests.append(Request(seg.text, voice_ids[seg.voice], voice.pitch, round(cast.rate_wpm * voice.rate_scale)))
    return requests


def synthesize_all(requests: list[Request], engines: list[Engine], cache: Cache,
                   progress: Progress | None = None) -> list[Path]:
    """Each request's trimmed 16-bit PCM file, in order. Cached clips are reused; the rest are spoken by
    all `engines` at once (each runs its own worker process; a thread per engine waits on it)."""
    engine_tag = [engines[0].name, engines[0].library]
    keys = [cache_key("clip", engine_tag, r.voice_id, r.pitch, r.rate_wpm, r.text) for r in requests]
    paths: list[Path | None] = [cache.find(key, ".pcm") for key in keys]
    missing = [index for index, path in enumerate(paths) if path is None]
    done = len(requests) - len(missing)
    idle: queue.SimpleQueue[Engine] = queue.SimpleQueue()
    for engine in engines:
        idle.put(engine)

    def speak(index: int) -> tuple[int, Path]:
        engine = idle.get()
        try:
            request = requests[index]
            pcm = engine.synthesize(request.text, request.voice_id, request.pitch, request.rate_wpm)
        finally:
            idle.put(engine)
        return index, cache.put(keys[index], ".pcm", trim(pcm).raw_data)

    pool = ThreadPoolExecutor(max_workers=len(engines), thread_name_prefix="synth")
    try:
        pending = {pool.submit(speak, index) for index in missing}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index, path = future.result()
                paths[index] = path
                done += 1
                if progress:
                    progress("synthesising", done, len(requests))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C or an error: stop at once
    return paths


def lay_out(script: Script, clip_paths: list[Path], pauses: Pauses) -> Timeline:
    """Place each clip after its pause, and group the clips into chunks (see `Chunk`)."""
    clips: list[Clip] = []
    chunks: list[Chunk] = []
    chunk_first, chunk_start, position = 0, 0, 0
    previous = None
    for index, (seg, path) in enumerate(zip(script.segments, clip_paths, strict=True)):
        pause_ms = pause_before(previous, seg, pauses)
        if index and _ends_chunk(position - chunk_start, pause_ms, seg):
            chunks.append(_close_chunk(chunk_first, index, chunk_start, position))
            chunk_first, chunk_start = index, chunks[-1].start + chunks[-1].frames + STREAM_OVERHEAD_FRAMES
            position = chunk_start
        pause = round(pause_ms * SAMPLE_RATE / 1000)
        frames = path.stat().st_size // 2
        clips.append(Clip(seg, path, position + pause, frames, pause))
        position += pause + frames
        previous = seg
    chunks.append(_close_chunk(chunk_first, len(clips), chunk_start, position))
    return Timeline(tuple(clips), SAMPLE_RATE, chunks[-1].start + chunks[-1].frames, tuple(chunks))


def _ends_chunk(chunk_frames: int, pause_ms: int, seg: Segment) -> bool:
    seconds = chunk_frames / SAMPLE_RATE
    if seconds >= MAX_CHUNK_SECONDS:
        return True
    chosen = hashlib.sha256(seg.text.encode("utf-8")).digest()[0] % 3 == 0
    return seconds >= MIN_CHUNK_SECONDS and pause_ms >= CHUNK_PAUSE_MS and chosen


def _close_chunk(first: int, stop: int, start: int, end: int) -> Chunk:
    frames = -(-(end - start) // MP3_FRAME_SAMPLES) * MP3_FRAME_SAMPLES  # whole MP3 frames
    return Chunk(first, stop, start, frames)
