"""Podcast loudness: measure the briefing from its clips, then gain and peak-limit each clip as it streams.

Apps expect about -16 LUFS integrated with true peaks at or below -1 dBTP. The whole briefing is never
held in memory: its integrated loudness is the duration-weighted mean power of the clips' own integrated
loudness (the pauses between clips are digital silence, which the BS.1770 gate ignores anyway), and the
limiter works clip by clip. Synthetic speech is even in level, so the gain is found on an evenly spread
sample of at most SAMPLE_SECONDS of clips, which keeps the cost flat for book-length input.
"""

from __future__ import annotations

import math

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d

TARGET_LUFS = -16.0
# The 64 kbps MP3 encode low-passes the speech and takes about 0.5 LU of K-weighted energy with it
# (measured on the corpus, decoding with libsndfile and measuring with pyloudnorm): aim that much higher.
ENCODING_LOSS_LU = 0.5
SAMPLE_PEAK_CEILING_DBFS = -2.0  # leaves room for the MP3 encoder's overshoot: -1 dBTP after encoding
LIMITER_WINDOW_MS = 4.0
MIN_MEASURED_SECONDS = 0.4  # one BS.1770 gating block
SAMPLE_SECONDS = 180.0
GAIN_ROUNDS = 4


def integrated_loudness(stretch: bytes, sample_rate: int) -> float | None:
    """Integrated loudness (LUFS) of 16-bit PCM, or None for silence or less than one gating block."""
    samples = np.frombuffer(stretch, dtype="<i2").astype(np.float64) / 32768.0
    if len(samples) < MIN_MEASURED_SECONDS * sample_rate:
        return None
    loudness = pyloudnorm.Meter(sample_rate).integrated_loudness(samples)
    return loudness if math.isfinite(loudness) else None


def sample_clips(clips: list[tuple[int, bytes]], sample_rate: int) -> list[tuple[int, bytes]]:
    """Evenly spread (pause, clip) pairs adding up to about SAMPLE_SECONDS (all of a short briefing)."""
    total = sum(pause + len(pcm) // 2 for pause, pcm in clips) / sample_rate
    if total <= SAMPLE_SECONDS:
        return clips
    step = total / SAMPLE_SECONDS
    return [clip for index, clip in enumerate(clips) if int(index / step) != int((index + 1) / step)]


def gain_to_target(clips: list[tuple[int, bytes]], sample_rate: int) -> float:
    """Linear gain that brings the briefing to the target loudness after the limiter has done its work.

    `clips` are (frames of pause before, PCM) pairs: the pauses matter, because BS.1770 blocks that
    straddle a pause count at their lower level. Limiting peaks takes about a decibel off, so the gain
    is corrected over a few rounds."""
    sample = sample_clips(clips, sample_rate)

    def measured(gain: float) -> float | None:
        stretch = b"".join(bytes(2 * pause) + apply_gain_and_limit(pcm, gain, sample_rate) for pause, pcm in sample)
        return integrated_loudness(stretch, sample_rate)

    target = TARGET_LUFS + ENCODING_LOSS_LU
    loudness = measured(1.0)
    if loudness is None:
        return 1.0
    gain = 10 ** ((target - loudness) / 20)
    for _ in range(GAIN_ROUNDS):
        limited = measured(gain)
        if limited is None or abs(limited - target) < 0.1:
            break
        gain *= 10 ** ((target - limited) / 20)
    return gain


def apply_gain_and_limit(pcm: bytes, gain: float, sample_rate: int) -> bytes:
    """Scale a clip and pull its peaks under the ceiling with a smooth look-ahead gain curve."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) * gain
    ceiling = 32768.0 * 10 ** (SAMPLE_PEAK_CEILING_DBFS / 20)
    magnitude = np.abs(samples)
    if magnitude.size and magnitude.max() > ceiling:
        window = max(1, int(sample_rate * LIMITER_WINDOW_MS / 1000))
        needed = np.minimum(1.0, ceiling / np.maximum(magnitude, 1e-9))
        # Hold the deepest reduction over 2 windows, then average over 1: the curve is smooth and still
        # at or below what every sample needs.
        curve = uniform_filter1d(minimum_filter1d(needed, 2 * window + 1), window)
        samples *= np.minimum(curve, needed)
    return np.clip(np.round(samples), -32768, 32767).astype("<i2").tobytes()
