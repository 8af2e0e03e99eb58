"""The script as a file people can edit: JSON out (`briefing script`), JSON back in (`briefing make X.json`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.errors import InputError
from briefing.model import KINDS, Script, Segment


def script_to_dict(script: Script) -> dict:
    return {
        "title": script.title,
        "language": script.language,
        "source": script.source,
        "speakers": dict(script.genders),
        "segments": [
            {"kind": s.kind, "text": s.text, "speaker": s.speaker, "voice": s.voice, "start": s.start,
             "end": s.end, "paragraph": s.paragraph}
            for s in script.segments
        ],
    }


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
    title = data.get("title", "")
    language = data.get("language", "en")
    if not isinstance(title, str) or not isinstance(language, str):
        raise InputError(f"The script {path}: \"title\" and \"language\" must be strings.")
    genders = data.get("speakers") or {}
    if not isinstance(genders, dict) or any(g not in ("male", "female", None) for g in genders.values()):
        raise InputError(f"The script {path}: \"speakers\" must map names to \"male\", \"female\" or null.")
    segments = tuple(_segment(path, number, raw) for number, raw in enumerate(data["segments"], start=1))
    return Script(title=title or segments[0].text, language=language, segments=segments, source=str(path),
                  genders={name: g for name, g in genders.items() if g})


def _segment(path: Path, number: int, raw) -> Segment:
    where = f"The script {path}, segment {number}"
    if not isinstance(raw, dict):
        raise InputError(f"{where} is not an object with \"kind\" and \"text\".")
    kind, text = raw.get("kind"), raw.get("text")
    if kind not in KINDS:
        raise InputError(f"{where} has kind {kind!r}; use one of {', '.join(KINDS)}.")
    if not isinstance(text, str) or not re.search(r"\w", text):
        raise InputError(f"{where} has no text to read; give it a \"text\" or remove the segment.")
    for field in ("speaker", "voice"):
        if raw.get(field) is not None and not isinstance(raw[field], str):
            raise InputError(f"{where}: \"{field}\" must be a string or null.")
    numbers = {field: raw.get(field, default) for field, default in
               (("start", 0), ("end", 0), ("paragraph", number))}
    for field, value in numbers.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InputError(f"{where}: \"{field}\" must be a whole number of 0 or more.")
    return Segment(kind, text, numbers["start"], numbers["end"], numbers["paragraph"],
                   speaker=raw.get("speaker"), voice=raw.get("voice"))
