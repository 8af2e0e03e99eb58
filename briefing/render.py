"""Synthesise every segment and lay the clips on a timeline with pauses between them."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from briefing.engines import Engine, Pcm
from briefing.errors import InputError
from briefing.model import Cast, Clip, Pauses, Script, Segment, Timeline

with warnings.catch_warnings():  # pydub warns about ffmpeg at import; we only use it on raw PCM
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

SAMPLE_RATE = 22050
SILENCE_THRESHOLD_DBFS = -45.0
EDGE_MARGIN_MS = 15

Progress = Callable[[int, int], None]


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


def render(script: Script, cast: Cast, engine: Engine, workdir: Path, progress: Progress | None = None) -> Timeline:
    """Synthesise each segment with its voice into `workdir` and return the timeline of clips."""
    voice_ids = _resolve_voices(script, cast, engine)
    clips: list[Clip] = []
    position = 0
    previous = None
    total = len(script.segments)
    for index, seg in enumerate(script.segments):
        voice = cast.voice(seg.voice)
        pcm = engine.synthesize(seg.text, voice_ids[seg.voice], voice.pitch, round(cast.rate_wpm * voice.rate_scale))
        audio = trim(pcm)
        pcm_path = workdir / f"clip-{index:05d}.pcm"
        pcm_path.write_bytes(audio.raw_data)
        pause = round(pause_before(previous, seg, cast.pauses) * SAMPLE_RATE / 1000)
        frames = int(audio.frame_count())
        clips.append(Clip(seg, pcm_path, position + pause, frames, pause))
        position += pause + frames
        previous = seg
        if progress:
            progress(index + 1, total)
    return Timeline(tuple(clips), SAMPLE_RATE, position)


def _resolve_voices(script: Script, cast: Cast, engine: Engine) -> dict[str, str]:
    ids = {}
    for name in sorted({seg.voice for seg in script.segments}):
        try:
            voice = cast.voice(name)
        except KeyError:
            raise InputError(f"The script asks for voice {name!r}, which the cast does not define.") from None
        ids[name] = engine.resolve(voice)
    return ids
