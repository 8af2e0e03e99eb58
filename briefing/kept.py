"""Values kept between runs in briefing's cache folder (briefing/cache.py), for work that every run would otherwise
repeat the same way: the segmenter's compiled patterns (segment/pattern_cache.py), the parsed word lists (lang/).

Each value is kept with what it was made from, one file each, and is used only when that is equal again: a changed
input, another file under the same short name, a damaged or unreadable file all make `load` answer None, and the
caller makes the value anew. Files are written whole under a temporary name (of the process and thread) and then
renamed, so that runs at the same time never read a torn one; a cache folder that cannot be written only costs the
time.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import threading
import zlib
from pathlib import Path

MOST_KEPT = 1000  # files of one kind (~15 MB of compiled patterns)


def load(kind: str, made_from: object) -> object | None:
    """The value kept for `made_from` (str, bytes, numbers, tuples, lists, dicts of them), or None."""
    try:
        kept_from, value = marshal.loads(_path(kind, made_from).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if kept_from == made_from else None


def store(kind: str, made_from: object, value: object) -> None:
    """Keep `value` (marshal's types) for the next run that asks with an equal `made_from`."""
    path = _path(kind, made_from)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        data = marshal.dumps((made_from, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except (OSError, ValueError):  # a read-only or full disk, a value marshal cannot write: made again next run
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """At most MOST_KEPT files of a kind, the oldest written going first: each edit of a word list makes new
    patterns, and the old ones are not asked for again (one that is, is made and kept again)."""
    with contextlib.suppress(OSError):
        files = list(os.scandir(folder))
        if len(files) > MOST_KEPT:
            for old in sorted(files, key=_written)[: len(files) - MOST_KEPT]:
                with contextlib.suppress(OSError):
                    os.unlink(old.path)


def _written(entry: os.DirEntry) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:  # removed meanwhile by another run
        return 0.0


def _path(kind: str, made_from: object) -> Path:
    """A short name from what the value is made of; the file itself holds the whole of it, compared on loading."""
    return _folder() / kind / f"{zlib.crc32(repr(made_from).encode('utf-8', 'surrogatepass')):08x}"


@functools.cache
def _folder() -> Path:
    from briefing.cache import default_cache_dir

    return default_cache_dir()
