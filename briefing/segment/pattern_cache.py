"""The segmenter's compiled regular expressions, kept between runs in briefing's cache folder (briefing/cache.py).

`re` compiles in Python, about a microsecond a character: the patterns written over one language's word lists
(patterns.py) took ~80 ms of every run, a third of `briefing script`. What `re.compile` makes of a pattern depends
only on its text, its flags and the Python that compiles it, so that code is kept, one file a pattern named by all
three, and made into a pattern again by `_sre.compile`, the call `re.compile` itself ends with.

Those steps are CPython's internals (re._parser, re._compiler, _sre). Before a file is written, a probe pattern is
made both ways and must behave the same; on another Python, or when a file cannot be read or written, patterns are
compiled by `re.compile` as before: only the time is lost. Files are written whole under a temporary name and then
renamed, so that runs at the same time never read a torn one.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

try:  # CPython 3.11+; 3.10 names them sre_parse and sre_compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    try:
        import _sre
        import sre_compile as _compiler
        import sre_parse as _parser
    except ImportError:
        _compiler = _parser = _sre = None

FORMAT = 1  # bump when what a file holds changes
CODE_TYPECODE = "I"  # _sre's code words are 32-bit unsigned
PROBE = r"(?P<name>[A-ZÀ-ÖĀ-Ž][\w’'\-]*)(?:\s+(?i:SAID|says))?\b|«\s*(?:\w+\s+){0,2}»|(?<!\w)\d+(?=%)"
PROBE_TEXT = "Ana Lee said so. « Deux mots » at 40% and Żaneta says"


def compiled(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the cache folder when this Python compiled the same pattern before."""
    folder = _folder()
    if folder is None:
        return re.compile(source, flags)
    flags = int(flags)
    path = folder / _file_name(source, flags)
    parts = _read(path, source, flags)  # written by this very build of Python, after its probe agreed
    if parts is not None:
        try:
            return _sre.compile(source, *parts)
        except (TypeError, ValueError, RuntimeError):  # a damaged file: compiled anew and written again
            pass
    if not _internals_agree():
        return re.compile(source, flags)
    parts = _compile_parts(source, flags)
    _write(path, source, flags, parts)
    return _sre.compile(source, *parts)


@functools.cache
def _folder() -> Path | None:
    """Where this Python's compiled patterns are kept; None when they cannot be (not CPython's internals)."""
    if _sre is None or array(CODE_TYPECODE).itemsize != _sre.CODESIZE:
        return None
    from briefing.cache import default_cache_dir

    return default_cache_dir() / "patterns"


@functools.cache
def _internals_agree() -> bool:
    """Whether a pattern made from its parts behaves as the one `re.compile` makes (asked before the first file
    is written, not when reading one: the files are named by the build of Python that wrote them)."""
    try:
        made, reference = _sre.compile(PROBE, *_compile_parts(PROBE, 0)), re.compile(PROBE)
    except Exception:  # another shape of the internals
        return False
    return (made.flags, made.groups, made.groupindex) == (reference.flags, reference.groups, reference.groupindex) \
        and _matches(made) == _matches(reference)


def _matches(pattern: re.Pattern) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(PROBE_TEXT)]


def _compile_parts(source: str, flags: int) -> tuple:
    """What `re.compile` hands to `_sre.compile` after the pattern's text (as re._compiler.compile does)."""
    parsed = _parser.parse(source, flags)
    code = array(CODE_TYPECODE, _compiler._code(parsed, flags)).tolist()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


@functools.cache
def _build() -> str:
    """The Python that compiles: its code for a pattern may differ from another's."""
    return repr((FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode))


def _file_name(source: str, flags: int) -> str:
    """A short name for the pattern; the file also holds the pattern, the flags and the build, compared on reading,
    so that two patterns of one name only cost a compile."""
    return f"{zlib.crc32(_build().encode()):08x}-{zlib.crc32(source.encode('utf-8', 'surrogatepass')):08x}-{flags}"


def _read(path: Path, source: str, flags: int) -> tuple | None:
    try:
        build, kept_source, kept_flags, *parts = marshal.loads(path.read_bytes())
        if (build, kept_source, kept_flags) != (_build(), source, flags):
            return None
        pattern_flags, code, groups, groupindex, indexgroup = parts
        return pattern_flags, array(CODE_TYPECODE, code).tolist(), groups, groupindex, indexgroup
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write(path: Path, source: str, flags: int, parts: tuple) -> None:
    pattern_flags, code, groups, groupindex, indexgroup = parts
    data = marshal.dumps((_build(), source, flags, pattern_flags, array(CODE_TYPECODE, code).tobytes(), groups,
                          groupindex, indexgroup))
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next run compiles again
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
