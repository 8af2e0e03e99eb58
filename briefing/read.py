"""Read an article: bytes from a file or stdin -> decoded text -> title and paragraphs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from briefing.errors import InputError
from briefing.model import Article, Block

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")


def read_article(source: str) -> Article:
    """Read `source` (a path, or "-" for stdin) into an Article."""
    return parse_article(decode(read_bytes(source), source), source)


def read_bytes(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.exists():
        raise InputError(f"There is no file called {source}; check the path and try again.")
    if path.is_dir():
        raise InputError(f"{source} is a folder; give the path of an article file (.txt) instead.")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read {source} ({error.strerror}); check its permissions.") from error


def decode(raw: bytes, source: str = "input") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the detected charset.

    Control characters other than newlines and tabs are dropped, so they are never read out.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:4096] and raw.count(b"\x00") > len(raw) // 100:
        raise InputError(f"{source} looks like a binary file, not text; give a plain-text article.")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_detected(raw, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or not _is_control(ch))
    if not text.strip():
        raise InputError(f"{source} is empty; give an article with at least a title line.")
    return text


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 32 or 127 <= code < 160 or code == 0xFEFF


def _decode_detected(raw: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{source} is not readable text in any encoding I know; save it as UTF-8.")
    return str(best)


def parse_article(text: str, source: str = "-") -> Article:
    """Title = first non-blank line; the rest is split into paragraphs at blank lines."""
    blocks = list(_paragraphs(text))
    first = blocks.pop(0)
    newline = first.text.find("\n")
    if newline != -1:
        rest = first.text[newline + 1 :]
        offset = first.start + newline + 1 + (len(rest) - len(rest.lstrip()))
        blocks.insert(0, Block(rest.strip(), offset, offset + len(rest.strip())))
        first = Block(first.text[:newline].rstrip(), first.start, first.start + len(first.text[:newline].rstrip()))
    return Article(text=text, title=first, blocks=tuple(blocks), source=source)


def _paragraphs(text: str):
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            yield Block(stripped, start, start + len(stripped))
        if match:
            position = match.end()
