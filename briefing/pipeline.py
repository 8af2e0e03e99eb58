"""The whole job, stage by stage: read -> segment -> cast -> render -> export."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.cast import assign_voices, for_language, load_cast, with_rate
from briefing.engines import create_engine
from briefing.errors import InputError
from briefing.export import write_mp3, write_vtt
from briefing.model import Cast, Script
from briefing.read import read_article
from briefing.render import render
from briefing.scriptfile import is_script_file, load_script
from briefing.segment import segment


@dataclass(frozen=True)
class Briefing:
    """What `make` produced."""

    mp3: Path
    vtt: Path
    seconds: float
    segments: int


def build_script(source: str, cast_path: Path | None = None, rate_wpm: int | None = None) -> tuple[Script, Cast]:
    """The voiced script and the cast that reads it: from an article, or from an edited script file."""
    script = load_script(Path(source)) if is_script_file(source) else segment(read_article(source))
    cast = for_language(with_rate(load_cast(cast_path), rate_wpm), script.language)
    return assign_voices(script, cast), cast


def check_cast(cast_path: Path | None, engine) -> None:
    """Every voice of the cast file as written must exist, even those the article's language replaces."""
    for voice in load_cast(cast_path).all_voices():
        engine.resolve(voice)


def output_stem(source: str) -> str:
    """Output files are named after the input file, never after the article's text."""
    if source == "-":
        return "briefing"
    stem = Path(source).stem
    return stem.removesuffix(".script") if is_script_file(source) else stem or "briefing"


def ensure_writable(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"Cannot create the output folder {out_dir} ({error.strerror}); "
                         "choose another with -o.") from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(f"Cannot write to the output folder {out_dir}; choose another with -o.")


@contextlib.contextmanager
def output_lock(out_dir: Path, stem: str) -> Iterator[None]:
    """Two renders into one folder write their MP3 + transcript pairs one after the other, never mixed."""
    try:
        import fcntl
    except ImportError:  # Windows: the atomic renames still keep every file whole
        yield
        return
    key = hashlib.sha256(str(out_dir.resolve() / stem).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"briefing-{key}.lock", "w") as lock:  # not in the user's folder
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def make(source: str, out_dir: Path, cast_path: Path | None = None, rate_wpm: int | None = None,
         progress: Callable[[int, int], None] | None = None) -> Briefing:
    """Read one article (or edited script) and write NAME.mp3 and NAME.vtt into `out_dir`."""
    script, cast = build_script(source, cast_path, rate_wpm)
    ensure_writable(out_dir)
    stem = output_stem(source)
    mp3, vtt = out_dir / f"{stem}.mp3", out_dir / f"{stem}.vtt"
    with create_engine() as engine, tempfile.TemporaryDirectory(prefix="briefing-") as workdir:
        check_cast(cast_path, engine)
        timeline = render(script, cast, engine, Path(workdir), progress)
        with output_lock(out_dir, stem):
            write_mp3(timeline, mp3, title=script.title, language=script.language)
            write_vtt(timeline, vtt)
    return Briefing(mp3, vtt, timeline.total_frames / timeline.sample_rate, len(script.segments))
