"""Podcast loudness: measure the briefing from its clips, then gain and peak-limit each clip as it streams.

Apps expect about -16 LUFS integrated with true peaks at or below -1 dBTP. The whole briefing is never
held in memory: its loudness is measured (EBU R128 / BS.1770, with libebur128 through pyebur128) on an
evenly spread sample of the clips and their pauses (`export.sample_clips`), and the limiter works clip by
clip. libebur128 rather than pyloudnorm because pyloudnorm needs scipy.signal, whose import alone (1.2 s)
costs more than synthesising a whole article; the tests measure the result independently with pyloudnorm.
"""

from __future__ import annotations

import math
import os

# numpy's BLAS is never used here; left to itself it starts a spinning thread per core at import (0.1 s of
# CPU that the speech engines and encoders need).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import pyebur128

TARGET_LUFS = -16.0
# What the 64 kbps encode (it low-passes the speech) and the limiter left after one correction round take
# off, measured on the corpus by decoding with libsndfile and measuring with pyloudnorm (-16.0 to -16.3
# LUFS with this): aim that much higher.
ENCODING_LOSS_LU = 1.0
SAMPLE_PEAK_CEILING_DBFS = -2.0  # leaves room for the MP3 encoder's overshoot: -1 dBTP after encoding
LIMITER_WINDOW_MS = 4.0
MIN_MEASURED_SECONDS = 0.4  # one BS.1770 gating block
GAIN_ROUNDS = 1
GAIN_TOLERANCE_LU = 0.2
GAIN_STEP_DB = 0.1  # gains are rounded to this, so an edit elsewhere keeps encoded chunks reusable
# Part of the cache keys of measured gains and encoded chunks: a change here measures and encodes afresh.
SETTINGS = (TARGET_LUFS, ENCODING_LOSS_LU, SAMPLE_PEAK_CEILING_DBFS, LIMITER_WINDOW_MS, MIN_MEASURED_SECONDS,
            GAIN_ROUNDS, GAIN_TOLERANCE_LU, GAIN_STEP_DB)


def integrated_loudness(stretch: bytes, sample_rate: int) -> float | None:
    """Integrated loudness (LUFS) of 16-bit PCM, or None for silence or less than one gating block."""
    samples = np.frombuffer(stretch, dtype="<i2")
    if len(samples) < MIN_MEASURED_SECONDS * sample_rate:
        return None
    state = pyebur128.R128State(1, sample_rate, pyebur128.MeasurementMode.MODE_I)
    state.add_frames(samples, len(samples))
    loudness = pyebur128.get_loudness_global(state)
    return loudness if math.isfinite(loudness) else None


def gain_to_target(sample: list[tuple[int, bytes]], sample_rate: int) -> float:
    """Linear gain that brings the briefing to the target loudness after the limiter has done its work.

    `sample` holds (frames of pause before, PCM) pairs: the pauses matter, because BS.1770 blocks that
    straddle a pause count at their lower level. Limiting peaks takes about a decibel off, so the gain
    is corrected (GAIN_ROUNDS times at most), then rounded to GAIN_STEP_DB."""

    def measured(gain: float | None) -> float | None:  # None: as synthesised, no gain and no limiter
        stretch = b"".join(bytes(2 * pause) + (pcm if gain is None else apply_gain_and_limit(pcm, gain, sample_rate))
                           for pause, pcm in sample)
        return integrated_loudness(stretch, sample_rate)

    target = TARGET_LUFS + ENCODING_LOSS_LU
    loudness = measured(None)
    if loudness is None:
        return 1.0
    gain_db = target - loudness
    for _ in range(GAIN_ROUNDS):
        limited = measured(10 ** (gain_db / 20))
        if limited is None or abs(limited - target) < GAIN_TOLERANCE_LU:
            break
        gain_db += target - limited
    return 10 ** (round(gain_db / GAIN_STEP_DB) * GAIN_STEP_DB / 20)


def _limit_blocks(blocks: np.ndarray, ceiling: float) -> None:
    """Pull every sample under `ceiling`, in place, with a smooth gain curve. Rows of `blocks` are
    LIMITER_WINDOW_MS each: a block's gain is the least that it and its neighbours need, and the gain moves
    in straight lines between block centres, so each sample's gain mixes two values that both cover its
    own block. Only blocks near a peak are touched: fast on long clips."""
    needed = np.minimum(1.0, ceiling / np.maximum(np.abs(blocks).max(axis=1), 1e-9))
    padded = np.concatenate([[1.0], needed, [1.0]])
    held = np.minimum(np.minimum(padded[:-2], padded[1:-1]), padded[2:])
    around = np.concatenate([held[:1], held, held[-1:]])  # at the ends, the end block's own gain
    rows = np.flatnonzero((around[:-2] < 1) | (held < 1) | (around[2:] < 1))
    width = blocks.shape[1]
    offset = (np.arange(width) - (width - 1) / 2) / width  # from the block's centre, in blocks
    centre, before, after = held[rows, None], around[rows, None], around[rows + 2, None]
    blocks[rows] *= np.where(offset < 0, centre + (centre - before) * offset, centre + (after - centre) * offset)


def apply_gain_and_limit(pcm: bytes, gain: float, sample_rate: int) -> bytes:
    """Scale a clip and pull its peaks under the ceiling (see `_limit_blocks`)."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    samples *= np.float32(gain)
    count = len(samples)
    ceiling = 32768.0 * 10 ** (SAMPLE_PEAK_CEILING_DBFS / 20)
    if count and max(float(samples.max()), -float(samples.min())) > ceiling:
        width = max(1, int(sample_rate * LIMITER_WINDOW_MS / 1000))
        if count % width:
            samples = np.concatenate([samples, np.zeros(-count % width, dtype=np.float32)])
        _limit_blocks(samples.reshape(-1, width), ceiling)  # a view: limits `samples` in place
        samples = samples[:count]
    np.rint(samples, out=samples)
    np.clip(samples, -32768, 32767, out=samples)
    return samples.astype("<i2").tobytes()
