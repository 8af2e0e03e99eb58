"""What a listener understands, approximated by a speech recogniser: pocketsphinx (its English model ships
in its wheel) transcribes each cue's audio, and the word error rate compares that with the written words."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from audio import decode, parse_vtt

RECOGNISER_RATE = 16000
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def spoken_words(text: str) -> list[str]:
    """Lower-case words without digits: the recogniser spells numbers out, which the text does not."""
    tokens = text.lower().replace("’", "'").split()
    return [w for token in tokens if not any(c.isdigit() for c in token) for w in WORD.findall(token)]


def resampled(samples: np.ndarray, rate: int, target: int = RECOGNISER_RATE) -> np.ndarray:
    if rate == target:
        return samples
    times = np.arange(round(len(samples) * target / rate)) * (rate / target)
    return np.interp(times, np.arange(len(samples)), samples)


def transcribe_cues(mp3: Path, vtt: Path) -> tuple[list[str], list[str]]:
    """(the transcript's words, the recogniser's words), cue by cue through the whole MP3."""
    from pocketsphinx import Decoder

    samples, rate = decode(mp3)
    audio = resampled(samples, rate)
    decoder = Decoder(samprate=RECOGNISER_RATE, loglevel="FATAL")
    reference, heard = [], []
    for cue in parse_vtt(vtt):
        piece = audio[int(cue.start * RECOGNISER_RATE) : int(cue.end * RECOGNISER_RATE) + RECOGNISER_RATE // 10]
        pcm = (np.clip(piece, -1, 1) * 32767).astype(np.int16).tobytes()
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
        reference += spoken_words(cue.text)
        heard += spoken_words(hypothesis.hypstr if hypothesis else "")
    return reference, heard


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    """(substitutions + deletions + insertions) / reference words, by edit distance over words."""
    previous = list(range(len(hypothesis) + 1))
    for i, word in enumerate(reference, start=1):
        current = [i]
        for j, heard in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != heard)))
        previous = current
    return previous[-1] / max(1, len(reference))
