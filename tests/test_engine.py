"""The pyttsx3 wrapper: every segment checked, bounded in time, retried in a fresh worker, or reported."""

from __future__ import annotations

import numpy as np
import pytest
from audio import median_pitch_hz

from briefing.engines import plausible_seconds
from briefing.engines.pyttsx3_engine import Pyttsx3Engine
from briefing.errors import InputError, SynthesisError
from briefing.model import Voice


@pytest.fixture(scope="module")
def engine():
    with Pyttsx3Engine() as engine:
        yield engine


def test_voices_are_matched_by_language_and_gender_not_list_position(engine):
    assert engine.voices()[0].languages == ("af",)  # what `voices[0]` would have given
    assert engine.resolve(Voice("n", "en-us", "male")).startswith("gmw/en-us+m")
    assert engine.resolve(Voice("n", "en-us", "female", "f4")) == "gmw/en-us+f4"
    assert engine.resolve(Voice("n", "fr", "female")).startswith("roa/fr+f")


def test_unknown_language_or_variant_is_an_error_with_close_matches(engine):
    with pytest.raises(InputError, match="Close matches: en"):
        engine.resolve(Voice("x", "enn-us"))
    with pytest.raises(InputError, match=r"variant 'f9'.*Close matches"):
        engine.resolve(Voice("x", "en-us", "female", "f9"))


def test_text_ending_in_colon_space_gets_its_own_audio_and_no_other(engine):
    voice = engine.resolve(Voice("n", "en-us", "male"))
    texts = ["Governor Ilse Varga addressing the harbour staff said: ", "Congratulations!",
             "Governor Ilse Varga added: ", "Good luck, thank you for your service,"]
    for text in texts:
        pcm = engine.synthesize(text, voice, 50, 175)
        low, high = plausible_seconds(text, 175)
        assert low <= pcm.seconds <= min(high, 1.0 + len(text.split()) * 0.6), (text, pcm.seconds)


def test_a_dead_worker_is_replaced_and_the_segment_still_spoken(engine):
    voice = engine.resolve(Voice("n", "en-us", "male"))
    engine.synthesize("Warm up.", voice, 50, 175)
    engine._worker.process.kill()  # the worker crashes between two segments
    pcm = engine.synthesize("The next segment is still spoken.", voice, 50, 175)
    assert 1.0 < pcm.seconds < 5.0


def test_a_call_that_does_not_finish_in_time_is_retried_then_reported_with_its_text():
    with Pyttsx3Engine(timeout_s=0.0) as engine:
        voice = engine.resolve(Voice("n", "en-us", "male"))
        engine.timeout_s = -0.1  # no call can answer in time from now on
        with pytest.raises(SynthesisError, match=r"failed twice on the segment “A segment that times out\.”"):
            engine.synthesize("A segment that times out.", voice, 50, 175)


def test_each_segment_is_read_with_its_own_pitch_when_voices_alternate(engine):
    """The espeak driver queues pitch changes; a segment must never take the previous segment's pitch."""
    low = engine.resolve(Voice("low", "en-us", "male", "m3"))
    high = engine.resolve(Voice("high", "en-gb", "male", "m2"))
    text = "The city gets the traffic and the bill."
    found = {"low": [], "high": []}
    for turn in range(200):
        name, voice_id, pitch = ("low", low, 40) if turn % 2 == 0 else ("high", high, 75)
        pcm = engine.synthesize(text if turn % 3 else "Varga said.", voice_id, pitch, 175)
        samples = np.frombuffer(pcm.data, dtype=np.int16) / 32768
        found[name].append(median_pitch_hz(samples, pcm.sample_rate))
    assert max(found["low"]) * 1.15 < min(found["high"]), found


# -- the engine registry, and the fake engine other tests use through it -------------------------

ARTICLE = """The Harbour Ferry Returns

The ferry between the two harbours runs again from Monday, the port authority said.

Timetables

“We have waited three winters for this,” said Mara Lind, who runs the café by the pier. She added: “The boats
bring the town back.”

The first crossing leaves at seven.
"""


def test_an_unknown_engine_is_one_sentence_naming_the_engines_there_are():
    from briefing.engines import create_engine, engine_names

    assert engine_names()[:2] == ["pyttsx3", "piper"]
    with pytest.raises(InputError, match=r"no speech engine called 'espeak'; the available engines are 'pyttsx3'"):
        create_engine("espeak")


def test_an_engine_registered_by_name_is_used_by_the_pool_and_removed_again():
    from fake_engine import FAKE, FakeEngine, fake_engine

    from briefing.engines import EnginePool, engine_names

    with fake_engine() as calls, EnginePool(2, FAKE) as pool:
        engines = pool.ready()
        assert all(isinstance(engine, FakeEngine) for engine in engines)
        engines[0].synthesize("One two three.", "en-us-male+", 50, 180)
        assert calls == [("One two three.", "en-us-male+")]
    assert FAKE not in engine_names()


def test_a_ctrl_c_while_the_pool_restarts_its_engines_leaves_a_pool_that_still_speaks_and_stops(monkeypatch):
    """Under --watch the engines restart after a bad save, and Ctrl-C may land while their start-up threads are
    being started one by one: the watch must still end cleanly (it ended with an unexpected error)."""
    import threading

    from fake_engine import FAKE, fake_engine

    from briefing.engines import EnginePool

    started = []
    real_start = threading.Thread.start

    def start_then_ctrl_c(thread) -> None:
        started.append(thread)
        if len(started) == 2:  # the first engine's start-up has begun, the second's not
            raise KeyboardInterrupt
        real_start(thread)

    with fake_engine() as calls:
        pool = EnginePool(2, FAKE, kept_warm=True)
        pool.ready()
        monkeypatch.setattr(threading.Thread, "start", start_then_ctrl_c)
        with pytest.raises(KeyboardInterrupt):
            pool.restart()
        monkeypatch.undo()
        engines = pool.ready()  # the engine whose start-up never began starts now
        engines[1].synthesize("Still here.", "en-us-male+", 50, 180)
        pool.close()
    assert calls == [("Still here.", "en-us-male+")]


def _render_with_fake(tmp_path, failing=frozenset()):
    from fake_engine import FAKE, fake_engine

    from briefing.engines import EnginePool
    from briefing.pipeline import Options, make

    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with fake_engine(failing) as calls, EnginePool(2, FAKE) as pool:
        results = make([str(article)], tmp_path / "out", Options(use_cache=False), engine_pool=pool)
    return results, calls


def test_with_the_fake_engine_every_cue_lasts_exactly_what_its_words_take(tmp_path):
    from audio import parse_vtt
    from fake_engine import SAMPLE_RATE, expected_frames

    results, calls = _render_with_fake(tmp_path)
    cues = parse_vtt(results[0].vtt)
    flat = " ".join(ARTICLE.split())  # the engine is given each segment with its line breaks as spaces
    spoken = sorted(calls, key=lambda call: flat.index(" ".join(call[0].split())))
    assert [" ".join(c.text.split()) for c in cues] == [" ".join(text.split()) for text, _ in spoken]
    for cue in cues:
        assert abs((cue.end - cue.start) - expected_frames(cue.text, 175) / SAMPLE_RATE) <= 0.0015, cue
    voices = {c.voice for c in cues}
    assert len(voices) >= 3  # narrator, headline and the quoted person


def test_with_the_fake_engine_a_segment_the_engine_fails_on_is_said_in_parts(tmp_path):
    from audio import heard_words, words

    sentence = "The first crossing leaves at seven."
    [briefing], calls = _render_with_fake(tmp_path, failing={sentence})
    after = [text for text, _ in calls][[text for text, _ in calls].index(sentence) + 1:]
    assert words(" ".join(after)) == words(sentence) and len(after) >= 2
    assert briefing.unsaid == () and briefing.mp3.exists()
    assert heard_words(briefing.vtt) == words(ARTICLE)


def test_with_the_fake_engine_a_segment_that_cannot_be_spoken_is_named_and_the_rest_is_written(tmp_path):
    from audio import heard_words, words

    sentence = "The first crossing leaves at seven."
    pieces = sentence.split()
    every_part = {" ".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)}
    [briefing], _ = _render_with_fake(tmp_path, failing=every_part)
    assert [text for text, _ in briefing.unsaid] == [sentence]
    assert briefing.mp3.exists()
    assert heard_words(briefing.vtt) == words(ARTICLE)  # what could not be said is still in the transcript


def test_script_with_an_unknown_engine_is_one_sentence(corpus):
    from helpers import run_briefing

    result = run_briefing("script", str(corpus / "putin-syria.txt"), "--engine", "espeak")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("briefing: There is no speech engine called 'espeak'")
