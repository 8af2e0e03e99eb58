"""Voices told apart by their measured pitch: for an engine whose voices carry no gender and may hold
hundreds of speakers (Piper), which speaker reads each cast voice so that they sound as unlike as they can.

Only the model is needed here, so engines and casting both use it without depending on each other.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import zlib
from collections.abc import Callable

from briefing.model import Cast, Voice

MALE_BELOW_HZ = 165.0  # median F0: men speak around 85-155 Hz, women around 165-255 Hz
ROLE_SLOTS = {"narrator": 0, "headline": 1, "quote": 2}


def voice_slot(name: str) -> int:
    """Where a cast voice stands in the order of distinct voices: the roles first, then the pool in order,
    then pinned speakers (by a hash of their name, so adding one moves no other)."""
    if name in ROLE_SLOTS:
        return ROLE_SLOTS[name]
    pool = re.fullmatch(r"pool-(\d+)", name)
    if pool:
        return len(ROLE_SLOTS) + int(pool.group(1)) - 1
    return 64 + zlib.crc32(name.encode("utf-8")) % 4096


def gender_of(pitch_hz: float) -> str | None:
    if pitch_hz <= 0:
        return None
    return "male" if pitch_hz < MALE_BELOW_HZ else "female"


def spread_order(pitches: dict[str, float]) -> list[str]:
    return list(_spread_order(tuple(sorted(pitches.items()))))


@functools.lru_cache(maxsize=8)  # every voice of a cast asks about the same speakers
def _spread_order(pitches: tuple[tuple[str, float], ...]) -> tuple[str, ...]:
    """Voice ids ordered so that each is as far in (log) pitch from all before it as possible: the first few
    are the most distinct voices there are. Starts from the first id, and ties go to the earlier id, so the
    order is stable."""
    import numpy as np  # only Piper casting needs it; plain runs load numpy later, while the engines start

    ids = [voice_id for voice_id, _ in pitches]
    if not ids:
        return ()
    log_pitch = np.log(np.maximum([pitch for _, pitch in pitches], 1.0))
    nearest = np.abs(log_pitch - log_pitch[0])
    nearest[0] = -1.0  # taken
    order = [0]
    for _ in range(len(ids) - 1):
        chosen = int(np.argmax(nearest))  # the first of equals
        order.append(chosen)
        nearest = np.minimum(nearest, np.abs(log_pitch - log_pitch[chosen]))
        nearest[order] = -1.0
    return tuple(ids[number] for number in order)


def pick_distinct(voice: Voice, pitches: dict[str, float]) -> str:
    """A speaker for `voice` alone among `pitches` (voice id -> median pitch): the first of its gender in the
    spread order. `cast_distinct` casts a whole cast; this answers for one voice (e.g. to check it exists)."""
    order = spread_order(pitches)
    return next((voice_id for voice_id in order if gender_of(pitches[voice_id]) == voice.gender), order[0])


def cast_distinct(cast: Cast, candidates_for: Callable[[Voice], dict[str, float]]) -> Cast:
    """The cast with a speaker named (as its `variant`) for every voice, all as distinct as the speakers allow.

    `candidates_for(voice)` gives the speakers that may read a voice (id -> median pitch); one for a voice that
    names its speaker. Voices that name theirs go first, then narrator, headline, quote, the pool in order
    and pinned speakers: each takes the most distinct unused speaker (spread order) of its gender, else of
    any gender, and only when all are taken shares the least used one of its gender, never the narrator's."""
    used: dict[str, int] = {}
    chosen: dict[str, str] = {}
    candidates = {voice.name: candidates_for(voice) for voice in cast.all_voices()}
    for voice in sorted(cast.all_voices(), key=lambda v: (len(candidates[v.name]) > 1, voice_slot(v.name))):
        pitches = candidates[voice.name]
        order = spread_order(pitches)
        gendered = [voice_id for voice_id in order if gender_of(pitches[voice_id]) == voice.gender]
        free = [voice_id for voice_id in [*gendered, *order] if voice_id not in used]
        shared = [voice_id for voice_id in gendered or order if voice_id != chosen.get("narrator")] or order
        pick = free[0] if free else min(shared, key=lambda voice_id: (used[voice_id], order.index(voice_id)))
        used[pick] = used.get(pick, 0) + 1
        chosen[voice.name] = pick

    def named(voice: Voice) -> Voice:
        return dataclasses.replace(voice, variant=chosen[voice.name])

    return dataclasses.replace(cast, narrator=named(cast.narrator), headline=named(cast.headline),
                               quote=named(cast.quote), pool=tuple(named(v) for v in cast.pool),
                               speakers={name: named(v) for name, v in cast.speakers.items()})
