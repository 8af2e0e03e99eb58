"""Who reads what: load a voice cast (voices/*.toml) and give every segment a voice."""

from __future__ import annotations

import dataclasses
import re
import sys
from importlib import resources
from pathlib import Path

from briefing.errors import InputError
from briefing.model import Cast, Pauses, Script, Voice
from briefing.speak import base_language, rules_for

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROLE_FOR_KIND = {"title": "headline", "headline": "headline", "narration": "narrator", "quote": "quote"}
VOICE_KEYS = {"language", "gender", "variant", "pitch", "rate_scale"}
TOP_KEYS = {"rate_wpm", "pauses", "narrator", "headline", "quote", "pool", "speakers", "engine"}


def default_cast_path() -> Path:
    """voices/default.toml: inside the installed package, or beside it in a source checkout."""
    packaged = Path(str(resources.files("briefing"))) / "voices" / "default.toml"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parent.parent / "voices" / "default.toml"


def load_cast(path: Path | None = None) -> Cast:
    """Read and validate a cast file; errors name the file and, where it can be found, the line."""
    path = Path(path) if path else default_cast_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"There is no voice cast file called {path}; check the path.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"Cannot read the voice cast file {path} ({error}).") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"The voice cast file {path} is not valid TOML: {error}.") from None
    return _cast_from_data(data, path, text)


def _line_of(text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\[*\s*\"?{re.escape(key)}\"?\s*[\]=.]", line):
            return f", line {number}"
    return ""


def _problem(path: Path, text: str, key: str, what: str) -> InputError:
    return InputError(f"The voice cast file {path}{_line_of(text, key)}: {what}.")


def _voice(name: str, data, path: Path, text: str) -> Voice:
    if not isinstance(data, dict):
        raise _problem(path, text, name, f"{name!r} must be a table of voice settings")
    unknown = set(data) - VOICE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _problem(path, text, key, f"unknown voice setting {key!r} (known: {', '.join(sorted(VOICE_KEYS))})")
    gender = data.get("gender", "any")
    if gender not in ("male", "female", "any"):
        raise _problem(path, text, "gender", f"gender must be male, female or any, not {gender!r}")
    pitch = data.get("pitch", 50)
    if not isinstance(pitch, int) or not 0 <= pitch <= 100:
        raise _problem(path, text, "pitch", f"pitch must be a whole number from 0 to 100, not {pitch!r}")
    rate_scale = data.get("rate_scale", 1.0)
    if not isinstance(rate_scale, (int, float)) or not 0.5 <= rate_scale <= 2.0:
        raise _problem(path, text, "rate_scale", f"rate_scale must be a number from 0.5 to 2, not {rate_scale!r}")
    language = data.get("language", "en-us")
    variant = data.get("variant")
    if not isinstance(language, str) or (variant is not None and not isinstance(variant, str)):
        raise _problem(path, text, "language", "language and variant must be strings")
    return Voice(name=name, language=language, gender=gender, variant=variant, pitch=pitch,
                 rate_scale=float(rate_scale))


def _cast_from_data(data: dict, path: Path, text: str) -> Cast:
    unknown = set(data) - TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _problem(path, text, key, f"unknown setting {key!r} (known: {', '.join(sorted(TOP_KEYS))})")
    for role in ("narrator", "headline", "quote"):
        if role not in data:
            raise InputError(f"The voice cast file {path} has no [{role}] voice; add one.")
    rate = data.get("rate_wpm", 175)
    if not isinstance(rate, int) or not 80 <= rate <= 450:
        raise _problem(path, text, "rate_wpm", f"rate_wpm must be a whole number from 80 to 450, not {rate!r}")
    pauses_data = data.get("pauses", {})
    fields = {f.name for f in dataclasses.fields(Pauses)}
    for key, value in pauses_data.items():
        if key not in fields:
            raise _problem(path, text, key, f"unknown pause {key!r} (known: {', '.join(sorted(fields))})")
        if not isinstance(value, int) or not 0 <= value <= 10_000:
            raise _problem(path, text, key, f"{key} must be a whole number of milliseconds from 0 to 10000")
    pool = data.get("pool", [])
    if not isinstance(pool, list):
        raise _problem(path, text, "pool", "pool must be a list of voices ([[pool]] tables)")
    speakers = data.get("speakers", {})
    if not isinstance(speakers, dict):
        raise _problem(path, text, "speakers", "speakers must be a table of named voices")
    return Cast(
        narrator=_voice("narrator", data["narrator"], path, text),
        headline=_voice("headline", data["headline"], path, text),
        quote=_voice("quote", data["quote"], path, text),
        pool=tuple(_voice(f"pool-{i}", v, path, text) for i, v in enumerate(pool, start=1)),
        speakers={name: _voice(name, v, path, text) for name, v in speakers.items()},
        rate_wpm=rate,
        pauses=Pauses(**pauses_data),
        source=path,
        engine=_engine(data, path, text),
    )


def _engine(data: dict, path: Path, text: str) -> str | None:
    engine = data.get("engine")
    if engine is not None and not isinstance(engine, str):
        raise _problem(path, text, "engine", f"engine must be the name of a speech engine, not {engine!r}")
    return engine


def with_rate(cast: Cast, rate_wpm: int | None) -> Cast:
    if rate_wpm is None:
        return cast
    if not 80 <= rate_wpm <= 450:
        raise InputError(f"--rate must be between 80 and 450 words per minute, not {rate_wpm}.")
    return dataclasses.replace(cast, rate_wpm=rate_wpm)


def for_language(cast: Cast, language: str) -> Cast:
    """The cast speaking the article's language: a voice of another language keeps its gender, variant
    and pitch but takes the article's language ("en-us" voices read a French article in French)."""

    language = rules_for(language).voice_language or language  # the code engines know the voice by

    def adapt(voice: Voice) -> Voice:
        same = voice.language.lower().split("-")[0] == language.lower()
        return voice if same else dataclasses.replace(voice, language=language)

    return dataclasses.replace(
        cast, narrator=adapt(cast.narrator), headline=adapt(cast.headline), quote=adapt(cast.quote),
        pool=tuple(adapt(v) for v in cast.pool), speakers={k: adapt(v) for k, v in cast.speakers.items()})


def refuse_unspoken_language(language: str, engine, source: str = "") -> None:
    """An article whose language no installed voice reads is refused in one sentence, before anything is
    spoken: a voice of another language would spell it out letter by letter."""
    rules = rules_for(language)
    wanted = base_language(rules.voice_language or language)
    offered = {base_language(code) for voice in engine.voices() for code in voice.languages}
    limit = rules.engine_limits.get(engine.name)
    if wanted in offered and not limit:
        return
    why = limit or f"it has no {language_name(language)} voice"
    article = f"The article {source}" if source else "The article"
    remedy = engine.voice_remedy(language)
    raise InputError(f"{article} is in {language_name(language)} ({language}), which the {engine.name} speech "
                     f"engine cannot read ({why}); {remedy}, or give an article in another language.")


def language_name(code: str) -> str:
    """ "ru" -> "Russian", for messages; the code itself when it is not a known language."""
    try:
        from babel import Locale

        return Locale.parse(base_language(code)).english_name or code
    except Exception:  # babel missing, or an unknown code (UnknownLocaleError)
        return code


def assign_voices(script: Script, cast: Cast) -> Script:
    """Give each segment a voice name from the cast. Each distinct speaker keeps one voice throughout: a
    pinned one, else the next free pool voice of the speaker's gender when the article gives it. Once the pool
    is used up, a new speaker shares the pool voice heard least recently (of their gender, when known), never
    the voice of quotes whose speaker is unknown: people who talk one after the other still sound apart."""
    speaker_voice: dict[str, str] = {name: name for name in cast.speakers}
    free_pool = list(cast.pool)
    last_heard: dict[str, int] = {}  # pool voice -> the index of the segment it read last
    segments = []
    for index, seg in enumerate(script.segments):
        voice = seg.voice
        if voice is None:
            voice = ROLE_FOR_KIND[seg.kind]
            if seg.kind == "quote" and seg.speaker:
                if seg.speaker not in speaker_voice:
                    gender = script.genders.get(seg.speaker)
                    speaker_voice[seg.speaker] = _take_voice(free_pool, gender) if free_pool else \
                        _share_voice(cast.pool, gender, last_heard)
                voice = speaker_voice[seg.speaker]
                last_heard[voice] = index
        segments.append(dataclasses.replace(seg, voice=voice))
    return dataclasses.replace(script, segments=tuple(segments))


def _take_voice(free_pool: list[Voice], gender: str | None) -> str:
    """The first free pool voice of that gender, else any free one."""
    for voice in free_pool:
        if gender is None or voice.gender == gender:
            free_pool.remove(voice)
            return voice.name
    return free_pool.pop(0).name


def _share_voice(pool: tuple[Voice, ...], gender: str | None, last_heard: dict[str, int]) -> str:
    """The pool voice (of that gender, when the pool has one) whose speaker spoke longest ago; the quote voice
    when the cast has no pool."""
    fitting = [voice for voice in pool if gender is None or voice.gender == gender] or list(pool)
    if not fitting:
        return "quote"
    return min(fitting, key=lambda voice: last_heard.get(voice.name, -1)).name
