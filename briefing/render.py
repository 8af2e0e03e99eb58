"""Synthesise every segment (in parallel, skipping what the cache has) and lay the clips on a timeline."""

from __future__ import annotations

import hashlib
import itertools
import os
import queue
import re
import tempfile
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import Cache, cache_key
from briefing.encode import STREAM_OVERHEAD_FRAMES, padded_frames
from briefing.engines import Engine, Pcm
from briefing.errors import InputError, SynthesisError
from briefing.model import Cast, Chunk, Clip, Pauses, Script, Segment, Timeline
from briefing.speak import spoken_form

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
# A segment the engine fails on is read in smaller pieces (sentences, then halves, MAX_SPLIT_DEPTH times
# over), joined with a short gap.
MAX_SPLIT_DEPTH = 3
PIECE_GAP_MS = 60
# A segment with nothing to say is a short silence, so that its cue in the transcript has a duration
# (WebVTT needs an end after the start) and a separator sounds like the break it marks.
SKIPPED_CLIP = bytes(2 * (SAMPLE_RATE * 250 // 1000))
TAIL_SHARE = 0.2  # of the segments to speak: the end of the work, ordered longest first (balanced_order)
SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Request:
    """One text to speak, with everything that shapes its sound."""

    text: str  # the spoken form, exactly what the engine is sent ("" when nothing is speakable)
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
    """What to ask the engine for each segment: its spoken form (see briefing.speak), never the written
    one, which stays in the transcript. Unknown voices are an InputError."""
    cast = engine.fit_cast(cast)  # Piper: one speaker per voice
    voice_ids = {}
    for name in sorted({seg.voice for seg in script.segments}):
        try:
            voice_ids[name] = engine.resolve(cast.voice(name))
        except KeyError:
            raise InputError(f"The script asks for voice {name!r}, which the cast does not define.") from None
    requests = []
    for seg in script.segments:
        voice = cast.voice(seg.voice)
        requests.append(Request(spoken_form(seg.text, script.language), voice_ids[seg.voice], voice.pitch,
                                round(cast.rate_wpm * voice.rate_scale)))
    return requests


@dataclass(frozen=True)
class Spoken:
    """A segment's clip (trimmed 16-bit PCM file) and how it came to be: "spoken" whole, "skipped" (nothing
    speakable: a short silence, the segment stays in the transcript), "split" (the engine failed on it whole
    and it was read in smaller pieces) or "failed". `unsaid` holds the text the engine could not say and
    `problem` why (the engine's own sentence)."""

    index: int
    path: Path
    how: str = "spoken"
    unsaid: tuple[str, ...] = ()
    problem: str = ""


def synthesize(requests: list[Request], engines: list[Engine], cache: Cache, order: list[int],
               pool: ThreadPoolExecutor) -> Iterator[Spoken]:
    """Every request's clip, as each is ready: skipped and cached clips at once, the rest spoken by all
    `engines` together (each runs its own worker process; a thread of `pool` per engine waits on it),
    started in `order`. The engines start speaking before this returns. The cache key is built from
    exactly what the engine is sent."""
    engine_tag = [engines[0].name, engines[0].library]
    keys = [cache_key("clip", engine_tag, r.voice_id, r.pitch, r.rate_wpm, r.text) for r in requests]
    ready, missing = [], []
    for index in order:
        found = cache.find(keys[index], ".pcm") if requests[index].text else _scratch_file(cache, SKIPPED_CLIP)
        if found:
            ready.append(Spoken(index, found, "spoken" if requests[index].text else "skipped"))
        else:
            missing.append(index)
    idle: queue.SimpleQueue[Engine] = queue.SimpleQueue()
    for engine in engines:
        idle.put(engine)

    def speak(index: int) -> Spoken:
        engine = idle.get()
        try:
            return _speak(engine, requests[index], index, keys[index], cache)
        finally:
            idle.put(engine)

    spoken = [pool.submit(speak, index) for index in missing]
    return itertools.chain(ready, (future.result() for future in as_completed(spoken)))


def balanced_order(order: list[int], requests: list[Request]) -> list[int]:
    """`order` with its last fifth (TAIL_SHARE, at least 4 requests) longest first, so that no engine is
    left speaking one long segment alone at the end while the others wait; the rest keeps its order, so
    chunks still complete (and are encoded) while the engines speak. For engines that take seconds per
    segment (an engine says so with `seconds_per_segment`: Piper). Simulated on the example article with
    two engines: the last engine ends 5 % after the average before, 0 % after."""
    tail = min(len(order), max(4, int(len(order) * TAIL_SHARE)))
    cut = len(order) - tail
    return order[:cut] + sorted(order[cut:], key=lambda index: -len(requests[index].text))


def _speak(engine: Engine, request: Request, index: int, key: str, cache: Cache) -> Spoken:
    """One segment; when the engine fails on it whole, in smaller pieces (the clip is then not cached, so
    that a later render tries the whole segment again)."""
    try:
        pcm = engine.synthesize(request.text, request.voice_id, request.pitch, request.rate_wpm)
    except SynthesisError as error:
        audio, unsaid, problem = _in_pieces(engine, request, smaller_pieces(request.text), str(error))
        path = _scratch_file(cache, audio.raw_data if audio is not None else b"")
        if audio is None:
            return Spoken(index, path, "failed", (request.text,), problem)
        return Spoken(index, path, "split", tuple(unsaid), problem if unsaid else "")
    return Spoken(index, cache.put(key, ".pcm", trim(pcm).raw_data))


def _in_pieces(engine: Engine, request: Request, pieces: list[str], problem: str, depth: int = 0):
    """(the pieces' audio joined, or None if none could be said; the pieces not said; the last problem).
    A piece the engine fails on is split again, down to a few words."""
    audio, unsaid = None, []
    for piece in pieces:
        try:
            pcm = engine.synthesize(piece, request.voice_id, request.pitch, request.rate_wpm)
            part = trim(pcm)
        except SynthesisError as error:
            smaller = smaller_pieces(piece)
            if depth >= MAX_SPLIT_DEPTH or len(smaller) < 2:
                unsaid.append(piece)
                problem = str(error)
                continue
            part, more, problem = _in_pieces(engine, request, smaller, str(error), depth + 1)
            unsaid += more
            if part is None:
                continue
        audio = part if audio is None else audio + AudioSegment.silent(PIECE_GAP_MS, SAMPLE_RATE) + part
    return audio, unsaid, problem


def smaller_pieces(text: str) -> list[str]:
    """`text` cut into its sentences, or when it is one sentence, into two halves at a space."""
    sentences = [piece for piece in SENTENCE_END.split(text) if piece.strip()]
    if len(sentences) > 1:
        return sentences
    words = text.split()
    if len(words) < 2:
        return [text]
    half = len(words) // 2
    return [" ".join(words[:half]), " ".join(words[half:])]


def _scratch_file(cache: Cache, data: bytes) -> Path:
    """A clip for this render only (never cached): empty for a skipped segment, pieces for a split one."""
    fd, name = tempfile.mkstemp(prefix="clip-", suffix=".pcm", dir=cache.scratch)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return Path(name)


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
