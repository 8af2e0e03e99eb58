"""The segmenter's compiled regular expressions, kept between runs (briefing/kept.py).

`re` compiles in Python, about a microsecond a character: the patterns written over one language's word lists
(patterns.py) took ~80 ms of every run, a third of `briefing script`. What `re.compile` makes of a pattern depends
only on its text, its flags and the Python that compiles it, so that code is kept with all three, and made into a
pattern again by `_sre.compile`, the call `re.compile` itself ends with.

Those steps are CPython's internals (re._parser, re._compiler, _sre). Before a pattern is kept, a probe pattern is
made both ways and must behave the same; on another Python, or when nothing can be kept, patterns are compiled by
`re.compile` as before: only the time is lost.
"""

from __future__ import annotations

import functools
import re
import sys
from array import array

from briefing import kept

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

FORMAT = 1  # bump when what is kept changes
CODE_TYPECODE = "I"  # _sre's code words are 32-bit unsigned
PROBE = r"(?P<name>[A-ZÀ-ÖĀ-Ž][\w’'\-]*)(?:\s+(?i:SAID|says))?\b|«\s*(?:\w+\s+){0,2}»|(?<!\w)\d+(?=%)"
PROBE_TEXT = "Ana Lee said so. « Deux mots » at 40% and Żaneta says"


def compiled(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from what was kept when this Python compiled the same pattern before."""
    if _sre is None or array(CODE_TYPECODE).itemsize != _sre.CODESIZE:
        return re.compile(source, flags)
    made_from = (_build(), source, int(flags))
    found = kept.load("patterns", made_from)  # kept by this very build of Python, after its probe agreed
    if found is not None:
        try:
            return _sre.compile(source, *_unpacked(found))
        except (TypeError, ValueError, RuntimeError):  # a damaged file: compiled anew and kept again
            pass
    if not _internals_agree():
        return re.compile(source, flags)
    parts = _compile_parts(source, int(flags))
    kept.store("patterns", made_from, _packed(parts))
    return _sre.compile(source, *parts)


@functools.cache
def _internals_agree() -> bool:
    """Whether a pattern made from its parts behaves as the one `re.compile` makes (asked before the first pattern
    is kept, not when one is loaded: they are kept with the build of Python that made them)."""
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


def _packed(parts: tuple) -> tuple:
    flags, code, groups, groupindex, indexgroup = parts
    return flags, array(CODE_TYPECODE, code).tobytes(), groups, groupindex, indexgroup


def _unpacked(found) -> tuple:
    flags, code, groups, groupindex, indexgroup = found
    return flags, array(CODE_TYPECODE, code).tolist(), groups, groupindex, indexgroup


@functools.cache
def _build() -> str:
    """The Python that compiles: its code for a pattern may differ from another's."""
    return repr((FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode))
