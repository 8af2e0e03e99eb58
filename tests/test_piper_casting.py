"""Casting with Piper: speakers told apart by measured pitch (pure arithmetic; needs no Piper install)."""

from __future__ import annotations

import pytest

from briefing.distinct_voices import cast_distinct, gender_of, pick_distinct, spread_order, voice_slot
from briefing.model import Cast, Voice


def test_each_next_voice_is_the_farthest_in_pitch_from_those_already_chosen():
    assert spread_order({"a": 100, "b": 110, "c": 200, "d": 300}) == ["a", "d", "c", "b"]
    assert spread_order({"b": 150, "a": 150}) == ["a", "b"]  # ties keep the ids' order
    assert spread_order({}) == []


@pytest.mark.parametrize(("name", "slot"), [("narrator", 0), ("headline", 1), ("quote", 2), ("pool-1", 3),
                                            ("pool-7", 9)])
def test_roles_then_the_pool_take_the_slots_in_order(name, slot):
    assert voice_slot(name) == slot


def test_a_pinned_speaker_has_a_slot_of_its_own_after_the_pool_whatever_else_is_pinned():
    assert voice_slot("Mara Lind") == voice_slot("Mara Lind") >= 64
    assert voice_slot("Mara Lind") != voice_slot("Tomas Berg")


@pytest.mark.parametrize(("hz", "gender"), [(0.0, None), (95.0, "male"), (150.0, "male"), (170.0, "female"),
                                            (230.0, "female")])
def test_gender_is_judged_from_the_median_pitch(hz, gender):
    assert gender_of(hz) == gender


SPEAKERS = {"m#0": 95.0, "m#1": 120.0, "m#2": 140.0, "m#3": 190.0, "m#4": 230.0}
# spread order: m#0, m#4, m#2, m#3, m#1 (men m#0, m#2, m#1; women m#4, m#3)


def _cast(*voices: tuple[str, str], pinned: dict[str, str] | None = None) -> Cast:
    roles = {name: Voice(name, "en-us", gender) for name, gender in voices}
    pool = tuple(voice for name, voice in roles.items() if name.startswith("pool-"))
    speakers = {name: Voice(name, "en-us", "any", variant) for name, variant in (pinned or {}).items()}
    return Cast(roles["narrator"], roles["headline"], roles["quote"], pool, speakers)


def _chosen(cast: Cast, speakers: dict[str, float] = SPEAKERS) -> dict[str, str]:
    fitted = cast_distinct(cast, lambda v: {v.variant: 0.0} if v.variant else speakers)
    return {voice.name: voice.variant for voice in fitted.all_voices()}


def test_the_roles_get_the_most_distinct_speakers_of_their_gender():
    cast = _cast(("narrator", "male"), ("headline", "male"), ("quote", "female"), ("pool-1", "female"))
    assert _chosen(cast) == {"narrator": "m#0", "headline": "m#2", "quote": "m#4", "pool-1": "m#3"}


def test_when_a_gender_runs_out_another_unused_speaker_is_taken_then_voices_share_but_not_the_narrators():
    cast = _cast(("narrator", "male"), ("headline", "male"), ("quote", "female"), ("pool-1", "female"),
                 ("pool-2", "female"), *((f"pool-{n}", "male") for n in range(3, 9)))
    chosen = _chosen(cast)
    assert chosen["pool-2"] == "m#1"  # no woman left: the one unused speaker
    assert len(set(chosen.values())) == len(SPEAKERS)
    assert "m#0" not in {chosen[f"pool-{n}"] for n in range(1, 9)}
    shared = [chosen[f"pool-{n}"] for n in range(3, 9)]
    assert sorted(shared.count(v) for v in set(shared)) == [3, 3]  # the least used first: spread evenly


def test_a_named_speaker_is_kept_and_nobody_else_gets_it():
    cast = _cast(("narrator", "male"), ("headline", "male"), ("quote", "female"), pinned={"Mara Lind": "m#0"})
    assert _chosen(cast) == {"narrator": "m#2", "headline": "m#1", "quote": "m#4", "Mara Lind": "m#0"}


def test_one_voice_alone_takes_the_first_speaker_of_its_gender():
    assert pick_distinct(Voice("quote", "en-us", "female"), SPEAKERS) == "m#4"
    assert pick_distinct(Voice("quote", "en-us", "any"), SPEAKERS) == "m#0"
    assert pick_distinct(Voice("narrator", "en-us", "female"), {"a": 100.0, "b": 120.0}) == "a"
