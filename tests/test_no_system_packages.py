"""`pip install` alone is enough: no system espeak-ng, ffmpeg or lame is needed for a briefing."""

from __future__ import annotations

import os
import sys

from audio import decode, parse_vtt, words
from helpers import run_briefing


def _bare_environment():
    """PATH holds only this venv's bin (no ffmpeg/lame/espeak-ng programs) and the wheel's espeak-ng is forced."""
    env = {key: value for key, value in os.environ.items() if key not in ("PATH", "LD_LIBRARY_PATH")}
    env["PATH"] = os.path.dirname(sys.executable)
    env["BRIEFING_ESPEAK"] = "bundled"
    return env


def test_briefing_uses_the_wheel_espeak_and_needs_no_programs(tmp_path, corpus):
    env = _bare_environment()
    voices = run_briefing("voices", env=env)
    assert voices.returncode == 0, voices.stderr.decode()
    assert "espeakng-loader wheel" in voices.stdout.decode()
    result = run_briefing("make", str(corpus / "lab-leak.txt"), "-o", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert "ffmpeg" not in result.stderr.decode().lower()  # pydub's import-time warning stays quiet
    samples, rate = decode(tmp_path / "lab-leak.mp3")
    cues = parse_vtt(tmp_path / "lab-leak.vtt")
    assert abs(len(samples) / rate - cues[-1].end) < 0.5
    heard = [w for cue in cues for w in words(cue.text)]
    assert heard == words((corpus / "lab-leak.txt").read_text(encoding="utf-8"))
