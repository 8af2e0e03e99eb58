"""Files written safely: whole or not at all, into a folder that can take them, one render at a time."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from briefing.errors import InputError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it only if the block succeeds. A file that cannot be
    written (a full disk, a folder in the way) is an InputError: the user can act on it."""
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        yield Path(temp)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as error:
        if error.filename is not None and Path(error.filename).parent != target.parent:
            raise  # reading something else (a cached part) failed: not a problem of the output folder
        raise InputError(f"Cannot write {target} ({error.strerror or error}); fix that, or write somewhere "
                         "else.") from None
    finally:
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def safe_stem(name: str) -> str:
    """A file name stem in plain ASCII letters, digits, ".", "_" and "-" (Apple asks for such names in feed
    addresses): accents dropped ("Café" -> "Cafe"), spaces and other signs as "-". A name with letters that
    have no ASCII form (Cyrillic, CJK...) keeps a short hash of itself, so two such names never meet."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip(".-")
    stem = re.sub(r"-{2,}", "-", stem)
    if stem and all(c.isascii() for c in plain if c.isalnum()):  # only accents and signs were dropped
        return stem
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}" if stem else f"briefing-{digest}"
