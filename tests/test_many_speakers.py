"""Articles that quote many people: each speaker keeps a voice of their own as long as the cast has one, the
voices sound apart (measured pitch), and once the pool is used up people who talk one after the other still
sound apart, never in the voice of quotes whose speaker is unknown."""

from __future__ import annotations

import itertools
import json
import shutil
import sys

import numpy as np
from audio import median_pitch_hz
from helpers import ROOT

from briefing.cast import assign_voices, load_cast
from briefing.engines.pyttsx3_engine import Pyttsx3Engine
from briefing.read import parse_article
from briefing.segment import segment

SPEAKERS = ["Ada Kern", "Bo Lind", "Cai Moreno", "Dita Vass", "Emil Strand", "Fia Ortel", "Gus Pellam",
            "Hana Trell", "Ivo Marrin", "Jana Quist", "Kai Dorran", "Lena Voss", "Milo Brant", "Nora Falk",
            "Oskar Penn", "Pia Lorne"]
HEARD = ("The council met on Tuesday evening to discuss the budget for the coming year. Several members said the "
         "plan would leave the library without enough money, and the mayor promised to look at it again next week.")


def _round_table(speakers: list[str]) -> str:
    """A town meeting where each person says one thing in turn, and then the first two speak again."""
    turns = [*speakers, speakers[0], speakers[1]]
    lines = [f"“Item {number} matters to us,” {name} said." for number, name in enumerate(turns, start=1)]
    return "Town hall hears everyone\n\n" + "\n\n".join(lines) + "\n"


def _voices_by_speaker(text: str) -> list[tuple[str, str]]:
    voiced = assign_voices(segment(parse_article(text)), load_cast())
    return [(seg.speaker, seg.voice) for seg in voiced.segments if seg.kind == "quote"]


def test_thirteen_people_get_thirteen_voices_of_their_own():
    cast = load_cast()
    assert len(cast.pool) >= 13
    heard = _voices_by_speaker(_round_table(SPEAKERS[:13]))
    assert [speaker for speaker, _ in heard[:13]] == SPEAKERS[:13]
    voice_of = dict(heard)
    assert len(set(voice_of.values())) == 13
    assert heard[13:] == [(SPEAKERS[0], voice_of[SPEAKERS[0]]), (SPEAKERS[1], voice_of[SPEAKERS[1]])]


def test_past_the_pool_a_new_speaker_takes_the_voice_heard_longest_ago_not_the_unknown_speakers_voice():
    pool_size = len(load_cast().pool)
    speakers = SPEAKERS[: pool_size + 2]
    heard = _voices_by_speaker(_round_table(speakers))
    voices = [voice for _, voice in heard]
    assert "quote" not in voices
    # the first newcomer past the pool shares the first speaker's voice, the second the second's
    assert voices[pool_size] == voices[0] and voices[pool_size + 1] == voices[1]
    assert all(one != other for one, other in itertools.pairwise(voices)), heard  # no two in a row share a voice
    # once speakers share voices, each speaker still keeps theirs
    voice_of: dict[str, set[str]] = {}
    for speaker, voice in heard:
        voice_of.setdefault(speaker, set()).add(voice)
    assert all(len(kept) == 1 for kept in voice_of.values()), voice_of


def test_every_voice_of_the_default_cast_sounds_apart_by_pitch():
    """The roles and the whole pool, spoken by the real engine: median pitches at least 5 % apart."""
    cast = load_cast()
    pitches = {}
    with Pyttsx3Engine() as engine:
        for voice in [cast.narrator, cast.quote, *cast.pool]:
            pcm = engine.synthesize(HEARD, engine.resolve(voice), voice.pitch, cast.rate_wpm)
            samples = np.frombuffer(pcm.data, dtype="<i2").astype(np.float64) / 32768
            pitches[voice.name] = median_pitch_hz(samples, pcm.sample_rate)
    ordered = sorted(pitches.values())
    assert ordered[0] > 0, pitches
    gaps = [high / low - 1 for low, high in itertools.pairwise(ordered)]
    assert min(gaps) >= 0.05, pitches


def test_the_voice_benchmark_hears_who_shares_a_voice(corpus, tmp_path):
    """benchmarks/voice_distinct.py scores voices as the listener hears them: with a pool of two, the third of three
    people shares a voice, so "distinct" holds by names and fails by voices."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from voice_distinct import evaluate

    from briefing.cast import load_cast

    text = _round_table(SPEAKERS[:3])
    (tmp_path / "meeting.txt").write_text(text, encoding="utf-8")
    segments = [{"kind": s.kind, "text": s.text, **({"speaker": s.speaker} if s.speaker else {})}
                for s in segment(parse_article(text)).segments]
    (tmp_path / "meeting.gold.json").write_text(json.dumps({"segments": segments}), encoding="utf-8")
    shutil.copy(corpus / "score.py", tmp_path / "score.py")
    cast = load_cast()
    small = type(cast)(cast.narrator, cast.headline, cast.quote, cast.pool[:2])
    assert evaluate(tmp_path, "all", cast)["voices speakers_distinct"] == 1.0
    heard = evaluate(tmp_path, "all", small)
    assert heard["names speakers_distinct"] == 1.0 and heard["voices speakers_distinct"] == 0.0
    assert heard["sharing a voice"] == 1
