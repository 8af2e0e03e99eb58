"""Timeline audio to MP3: frame arithmetic, the loudness gain, and each chunk encoded as its own stream.

Render plans chunks with the frame arithmetic here; export joins the encoded chunks and tags them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import Cache, cache_key
from briefing.model import Timeline

BITRATE_KBPS = 64
ENCODER_QUALITY = 7  # LAME -q 7: fast, and transparent enough for speech
MP3_FRAME_SAMPLES = 576  # one MPEG-2 Layer III frame at 22.05 kHz
# Every LAME stream holds two frames more than its input fills (measured with lameenc 1.9: n samples give
# ceil(n / 576) + 2 frames): one of encoder delay at its start, one of flush at its end. Chunks are
# padded to whole frames, so each seam between chunks adds exactly this much silence to the pause.
STREAM_OVERHEAD_FRAMES = 2 * MP3_FRAME_SAMPLES
# LAME's encoder delay (576) plus the standard MP3 decoder delay (529): every decoder plays this much
# silence before the first sample, because a streamed encode carries no gapless (LAME tag) info.
# Cue and chapter times add it, so they match what a listener hears.
ENCODER_DELAY_FRAMES = 576 + 529
PIECE_FRAMES = 220_000  # about 10 s at 22.05 kHz, and a whole number of the limiter's 4 ms blocks
LOUDNESS_SAMPLE_SECONDS = 45.0  # synthetic speech is even in level: this much tells the loudness of it all
GAIN_KEPT_DB = 0.5  # after an edit, the last gain stays if this close: well inside the ±1 LU podcasts allow


def audible_ms(timeline: Timeline, frames: int) -> int:
    """Where a timeline position is heard in the MP3, in milliseconds."""
    return timeline.ms(frames + ENCODER_DELAY_FRAMES)


def padded_frames(frames: int) -> int:
    """`frames` rounded up to whole MP3 frames."""
    return -(-frames // MP3_FRAME_SAMPLES) * MP3_FRAME_SAMPLES


def sample_clips(clips: list[tuple[int, int]], sample_rate: int) -> list[int]:
    """Indexes of evenly spread (pause, clip) pairs, given as frame counts, adding up to about
    LOUDNESS_SAMPLE_SECONDS (all of a short briefing)."""
    total = sum(pause + frames for pause, frames in clips) / sample_rate
    if total <= LOUDNESS_SAMPLE_SECONDS:
        return list(range(len(clips)))
    step = total / LOUDNESS_SAMPLE_SECONDS
    chosen = [index for index in range(len(clips)) if int(index / step) != int((index + 1) / step)]
    return chosen or [len(clips) // 2]  # a few very long clips: measure one of them


def load_encoder() -> None:
    """Import what measuring, limiting, encoding and tagging need (numpy, lameenc, mutagen: 0.1 s),
    at a moment chosen by the caller; the functions below import them where they are used."""
    import lameenc  # noqa: F401
    import mutagen.id3  # noqa: F401

    import briefing.loudness  # noqa: F401


def loudness_gain(parts: list[tuple[int, Path]], sample_rate: int, cache: Cache, output: str = "") -> float:
    """The gain to podcast loudness, measured on these (pause, clip file) parts; remembered in the cache
    (clip files are named by their content there), so a re-render measures again only if a part changed.
    When it does (an edit), the gain `output` had last time is kept if it is within GAIN_KEPT_DB of the new
    one: a one-word edit then re-encodes only its own chunk, not every chunk for a hundredth of a decibel."""
    from briefing.loudness import SETTINGS, gain_to_target

    key = cache_key("gain", SETTINGS, LOUDNESS_SAMPLE_SECONDS, sample_rate,
                    [(pause, path.name) for pause, path in parts])
    known = cache.find(key, ".gain")
    if known:
        gain = float(known.read_text(encoding="ascii"))
    else:
        most = 2 * int(LOUDNESS_SAMPLE_SECONDS * sample_rate)  # of one very long clip, its beginning will do
        sample = []
        for pause, path in parts:
            with open(path, "rb") as clip:
                sample.append((pause, clip.read(most)))
        gain = _kept_gain(gain_to_target(sample, sample_rate), cache.recall(f"gain {SETTINGS} {output}"))
        cache.put(key, ".gain", repr(gain).encode("ascii"))
    if output:
        cache.remember(f"gain {SETTINGS} {output}", repr(gain).encode("ascii"))
    return gain


def _kept_gain(measured: float, previous: bytes | None) -> float:
    """The previous render's gain where it is close enough to the measured one (see loudness_gain)."""
    try:
        last = float(previous) if previous else 0.0
    except ValueError:
        return measured
    close = last > 0 and abs(20 * math.log10(measured / last)) <= GAIN_KEPT_DB
    return last if close else measured


@dataclass(frozen=True)
class ChunkJob:
    """What the encoder needs for one chunk: its (pause, clip file) parts and the gain."""

    parts: tuple[tuple[int, Path], ...]
    gain: float
    sample_rate: int

    def key(self) -> str:
        from briefing.loudness import SETTINGS

        return cache_key("mp3", "lameenc", BITRATE_KBPS, ENCODER_QUALITY, SETTINGS, round(self.gain, 6),
                         self.sample_rate, [(pause, path.name) for pause, path in self.parts])


def encode_chunk(job: ChunkJob) -> bytes:
    """One chunk as an independent MP3 stream. At most PIECE_FRAMES of a clip are in memory at a time
    (a 60,000-character paragraph is one clip of most of an hour); pauses are generated, not stored."""
    import lameenc

    from briefing.loudness import apply_gain_and_limit

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE_KBPS)
    encoder.set_in_sample_rate(job.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    out = bytearray()
    used = 0
    for pause, path in job.parts:
        out += encoder.encode(bytes(2 * pause))
        used += pause
        with open(path, "rb") as clip:
            while piece := clip.read(2 * PIECE_FRAMES):
                out += encoder.encode(apply_gain_and_limit(piece, job.gain, job.sample_rate))
                used += len(piece) // 2
    out += encoder.encode(bytes(2 * (padded_frames(used) - used)))
    out += encoder.flush()
    return bytes(out)


def encoded(job: ChunkJob, cache: Cache) -> Path:
    """The chunk's MP3 file: from the cache, else encoded now (lameenc releases the GIL meanwhile, so
    several threads encode at once)."""
    key = job.key()
    return cache.find(key, ".mp3") or cache.put(key, ".mp3", encode_chunk(job))
