"""What a listener would measure: decoded samples, loudness over time, silence and pitch."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import webvtt

WORD = re.compile(r"\w+(?:[’'.]\w+)*")
SILENCE_RMS = 0.004  # about -48 dBFS


def words(text: str) -> list[str]:
    """The words of `text` as a listener counts them: case and apostrophe style aside, "it’s" and "3.5" are
    one word each. Comparing two texts' words shows whether a word was lost, doubled or moved."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def heard_words(vtt: Path) -> list[str]:
    """Every word of a transcript, cue after cue."""
    return [word for cue in parse_vtt(vtt) for word in words(cue.text)]


def decode(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = soundfile.read(str(path), dtype="float64", always_2d=False)
    return samples, rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0


def window(samples: np.ndarray, rate: int, start_s: float, end_s: float) -> np.ndarray:
    return samples[max(0, int(start_s * rate)) : max(0, int(end_s * rate))]


def loudest_10ms(samples: np.ndarray, rate: int) -> float:
    frame = int(rate * 0.01)
    if len(samples) < frame:
        return rms(samples)
    return max(rms(samples[i : i + frame]) for i in range(0, len(samples) - frame + 1, frame))


def median_pitch_hz(samples: np.ndarray, rate: int) -> float:
    """Median fundamental frequency of the voiced 40 ms frames (autocorrelation)."""
    frame, hop = int(0.04 * rate), int(0.01 * rate)
    low, high = int(rate / 400), int(rate / 60)
    found = []
    for start in range(0, len(samples) - frame, hop):
        seg = samples[start : start + frame] - samples[start : start + frame].mean()
        if rms(seg) < 0.02:
            continue
        ac = np.correlate(seg, seg, "full")[frame - 1 :]
        lag = low + int(np.argmax(ac[low:high]))
        if ac[lag] > 0.3 * ac[0]:
            found.append(rate / lag)
    return float(np.median(found)) if found else 0.0


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    voice: str
    text: str


def parse_vtt(path: Path) -> list[Cue]:
    """Cues as a WebVTT reader (webvtt-py) sees them: times, <v Voice> and text."""
    captions = webvtt.read(str(path)).captions
    return [Cue(_seconds(c.start), _seconds(c.end), c.voice, html.unescape(c.text)) for c in captions]


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
