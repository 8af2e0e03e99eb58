"""Synthesise every segment (in parallel, skipping what the cache has) and lay the clips on a timeline."""

from __future__ import annotations

import hashlib
import itertools
import queue
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import Cache, cache_key
from briefing.encode import STREAM_OVERHEAD_FRAMES, padded_frames
from briefing.engines import Engine, Pcm
from briefing.errors import InputError
from briefing.model import Cast, Chunk, Clip, Pauses, Script, Segment, Timeline

with warnings.catch_warnings():  # pydub warns about ffmpeg at import; we only use it on raw PCM
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

SAMPLE_RATE = 22050
SILENCE_THRESHOLD_DBFS = -45.0
EDGE_MARGIN_MS = 15
# Chunks end only at a pause of at least 400 ms, after MIN_CHUNK_SECONDS, at a place chosen by the next
# segment's text (so an edit moves no boundary but its own), and by MAX_CHUNK_SECONDS at the latest.
MIN_CHUNK_SECONDS = 5
MAX_CHUNK_SECONDS = 30
CHUNK_PAUSE_FRAMES = SAMPLE_RATE * 400 // 1000

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


def synthesize(requests: list[Request], engines: list[Engine], cache: Cache, order: list[int],
               pool: ThreadPoolExecutor) -> Iterator[tuple[int, Path]]:
    """(index, trimmed 16-bit PCM file) for every request, as each is ready: cached clips at once, the
    rest spoken by all `engines` together (each runs its own worker process; a thread of `pool` per
    engine waits on it), started in `order`. The engines start speaking before this returns."""
    engine_tag = [engines[0].name, engines[0].library]
    keys = [cache_key("clip", engine_tag, r.voice_id, r.pitch, r.rate_wpm, r.text) for r in requests]
    cached, missing = [], []
    for index in order:
        found = cache.find(keys[index], ".pcm")
        if found:
            cached.append((index, found))
        else:
            missing.append(index)
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

    spoken = [pool.submit(speak, index) for index in missing]
    return itertools.chain(cached, (future.result() for future in as_completed(spoken)))


def pauses_for(script: Script, pauses: Pauses) -> list[int]:
    """The pause before each segment, in frames."""
    previous = [None, *script.segments[:-1]]
    return [round(pause_before(p, seg, pauses) * SAMPLE_RATE / 1000) for p, seg in zip(previous, script.segments,
                                                                                         strict=True)]


def estimated_frames(text: str, rate_wpm: int) -> int:
    """How long reading `text` should take, from its word count, before it has been spoken."""
    return round(len(text.split()) * 60 / rate_wpm * SAMPLE_RATE)


def plan_chunks(script: Script, pause_frames: list[int], rate_wpm: int) -> list[range]:
    """Which segments each chunk (see `Chunk`) holds, decided from the text before anything is spoken, so
    that a chunk is encoded as soon as its own clips are ready. Lengths are estimated from word counts."""
    chunks, first, seconds = [], 0, 0.0
    for index, (seg, pause) in enumerate(zip(script.segments, pause_frames, strict=True)):
        if index and _ends_chunk(seconds, pause, seg):
            chunks.append(range(first, index))
            first, seconds = index, 0.0
        seconds += (pause + estimated_frames(seg.text, rate_wpm)) / SAMPLE_RATE
    chunks.append(range(first, len(script.segments)))
    return chunks


def _ends_chunk(seconds: float, pause_frames: int, seg: Segment) -> bool:
    if seconds >= MAX_CHUNK_SECONDS:
        return True
    chosen = hashlib.sha256(seg.text.encode("utf-8")).digest()[0] % 3 == 0
    return seconds >= MIN_CHUNK_SECONDS and pause_frames >= CHUNK_PAUSE_FRAMES and chosen


def lay_out(script: Script, clip_paths: list[Path], pause_frames: list[int], plan: list[range]) -> Timeline:
    """Place each clip after its pause, chunk by chunk: each chunk's content is padded to whole MP3
    frames, and each seam between chunks adds the encoder's two frames (see export)."""
    clips: list[Clip] = []
    chunks: list[Chunk] = []
    start = 0
    for members in plan:
        position = start
        for index in members:
            frames = clip_paths[index].stat().st_size // 2
            clips.append(Clip(script.segments[index], clip_paths[index], position + pause_frames[index], frames,
                              pause_frames[index]))
            position += pause_frames[index] + frames
        chunks.append(Chunk(members.start, members.stop, start, padded_frames(position - start)))
        start += chunks[-1].frames + STREAM_OVERHEAD_FRAMES
    return Timeline(tuple(clips), SAMPLE_RATE, chunks[-1].start + chunks[-1].frames, tuple(chunks))
