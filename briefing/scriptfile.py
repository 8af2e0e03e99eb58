"""The script as a file people can edit: JSON out (`briefing script`), JSON back in (`briefing make X.json`)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from briefing.errors import InputError
from briefing.model import KINDS, Script, Segment


def script_to_dict(script: Script) -> dict:
    """The script as JSON-ready data: every field, so that `briefing make` on the file loses nothing."""
    return script.to_dict()


def format_table(script: Script) -> str:
    """The script for people: one line a segment, who reads it, and the start of its text."""
    rows = [f"{'#':>3}  {'kind':9}  {'voice':10}  {'speaker':20}  {'cue':28}  text"]
    for number, seg in enumerate(script.segments, start=1):
        text = " ".join(seg.text.split())
        text = text if len(text) <= 70 else text[:67] + "..."
        cue = seg.cue or "-"
        cue = cue if len(cue) <= 28 else cue[:25] + "..."
        rows.append(f"{number:>3}  {seg.kind:9}  {seg.voice or '-':10}  {seg.speaker or '-':20}  {cue:28}  {text}")
    return "\n".join(rows)


def is_script_file(source: str) -> bool:
    return source.lower().endswith(".json")


def load_script(path: Path) -> Script:
    """Read an edited script; anything malformed is an InputError that says which segment and field."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"There is no script file called {path}; check the path.") from None
    except UnicodeDecodeError:
        raise InputError(f"The script {path} is not UTF-8 text; save it as UTF-8 JSON.") from None
    except json.JSONDecodeError as error:
        raise InputError(f"The script {path} is not valid JSON (line {error.lineno}, column {error.colno}: "
                         f"{error.msg}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list) or not data["segments"]:
        raise InputError(f"The script {path} needs a \"segments\" list with at least one segment, as "
                         "`briefing script` prints it.")
    for name in ("title", "language", "source", "author", "published", "site_name", "description"):
        if not isinstance(data.get(name, ""), str):
            raise InputError(f"The script {path}: \"{name}\" must be a string.")
    genders = data.get("speakers") or {}
    if not isinstance(genders, dict) or any(g not in ("male", "female", None) for g in genders.values()):
        raise InputError(f"The script {path}: \"speakers\" must map names to \"male\", \"female\" or null.")
    segments = tuple(_segment(path, number, raw) for number, raw in enumerate(data["segments"], start=1))
    script = Script.from_dict({"title": "", "language": "en", **data, "segments": [],
                               "speakers": {n: g for n, g in genders.items() if g}})
    return dataclasses.replace(script, title=script.title or segments[0].text, language=script.language or "en",
                               segments=segments, source=str(path))


def _segment(path: Path, number: int, raw) -> Segment:
    where = f"The script {path}, segment {number}"
    if not isinstance(raw, dict):
        raise InputError(f"{where} is not an object with \"kind\" and \"text\".")
    kind, text = raw.get("kind"), raw.get("text")
    if kind not in KINDS:
        raise InputError(f"{where} has kind {kind!r}; use one of {', '.join(KINDS)}.")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where} has no text; give it a \"text\" or remove the segment.")
    for name in ("start", "end", "paragraph"):
        value = raw.get(name, number if name == "paragraph" else 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InputError(f"{where}: \"{name}\" must be a whole number of 0 or more.")
    _check_other_fields(where, raw)
    return Segment.from_dict({"start": 0, "end": 0, "paragraph": number, **raw})


def _check_other_fields(where: str, raw: dict) -> None:
    """Every other field must have the type of its default (text or null for speaker and voice)."""
    for field in dataclasses.fields(Segment):
        if field.name in ("kind", "text", "start", "end", "paragraph") or raw.get(field.name) is None:
            continue
        default = field.default if field.default is not dataclasses.MISSING else None
        expected = str if default is None else type(default)
        value = raw[field.name]
        if isinstance(default, tuple) and isinstance(value, list):
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InputError(f"{where}: \"{field.name}\" must be {_KIND_OF.get(expected, expected.__name__)}.")


_KIND_OF = {str: "a string or null", bool: "true or false", int: "a whole number", float: "a number"}
