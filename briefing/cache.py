"""The on-disk cache: synthesised clips and encoded MP3 chunks, keyed by everything that shapes them.

Re-rendering after an edit then synthesises and encodes only what changed. The folder is the user's
standard cache folder (platformdirs; ~/.cache/briefing on Linux), or BRIEFING_CACHE_DIR. Entries are
written to a temporary name and linked into place, so concurrent renders and Ctrl-C never leave a torn
entry, and an entry never changes once written; deleting the folder between runs is safe.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

CACHE_VERSION = 1  # bump when the meaning of a cached file changes


def default_cache_dir() -> Path:
    configured = os.environ.get("BRIEFING_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False))


def cache_key(*parts) -> str:
    """A stable name for what `parts` (JSON-serialisable) describe."""
    import hashlib  # here: `briefing script` finds its compiled patterns through default_cache_dir, and hashes none

    text = json.dumps([CACHE_VERSION, *parts], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """Files by key under `folder`, or, with folder None (--no-cache), a scratch folder for this run only."""

    def __init__(self, folder: Path | None, scratch: Path):
        self.folder = folder
        self.scratch = scratch
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.folder = None  # an unwritable cache only costs speed

    def _entry(self, key: str, suffix: str) -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def find(self, key: str, suffix: str) -> Path | None:
        if self.folder is None:
            return None
        path = self._entry(key, suffix)
        return path if path.exists() else None

    def put(self, key: str, suffix: str, data: bytes) -> Path:
        """Store `data`; without a cache folder (or when it cannot be written), in a new scratch file."""
        if self.folder is not None:
            try:
                return _write_once(self._entry(key, suffix), data)
            except OSError:
                pass  # a full or read-only cache only costs speed
        fd, name = tempfile.mkstemp(prefix=key[:16], suffix=suffix, dir=self.scratch)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return Path(name)


    def recall(self, name: str) -> bytes | None:
        """A note left by an earlier render under `name` (see `remember`); None without one."""
        if self.folder is None:
            return None
        try:
            return self._note(name).read_bytes()
        except OSError:
            return None

    def remember(self, name: str, data: bytes) -> None:
        """A small note for the next render of the same thing. Unlike an entry, a note is replaced each time:
        it says what was done last, not what some content is."""
        if self.folder is None:
            return
        path = self._note(name)
        temp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, path)
        except OSError:  # a note that cannot be written only costs speed; no part file is left
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def _note(self, name: str) -> Path:
        return self.folder / "notes" / cache_key("note", name)


def _write_once(path: Path, data: bytes) -> Path:
    """Write `path` unless it exists. An entry never changes once written: a clip synthesised twice at
    once (by two threads, or two renders) differs by a few samples, and whoever measured the first file
    must encode that same file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(temp, path)  # fails if the entry exists: the first one stays
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            if not path.exists():
                os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    return path
