"""Plain text, the fallback reader: decoded bytes -> title line and paragraphs at blank lines."""

from __future__ import annotations

import re

from briefing.errors import InputError
from briefing.model import Article, Block
from briefing.read.language import detect_language

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
PREFERRED_LEGACY = ("cp1252", "iso8859_15", "latin_1")  # what Western articles saved on Windows use
FORMATS = "plain text, Markdown, a web page, PDF, Word (.docx) or EPUB"


def read_text(raw: bytes, source: str) -> Article:
    return parse_article(decode(raw, source), source)


def decode(raw: bytes, source: str = "input") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the detected charset.

    Control characters other than newlines and tabs are dropped, so they are never read out.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    elif looks_binary(raw):
        raise InputError(f"{source} looks like a binary file, not an article; give {FORMATS}.")
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


def looks_binary(raw: bytes) -> bool:
    """Many NULs or other C0 control bytes (not tab/newline/form feed/escape) mean this is not text."""
    sample = raw[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(2, len(sample) // 100)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 32 or 127 <= code < 160 or code == 0xFEFF


def _decode_detected(raw: bytes, source: str) -> str:
    """Not UTF-8: ask charset-normalizer; among near-equal guesses prefer cp1252, because short Western
    texts are ambiguous between code pages (cp1257 turns "déjà" into "déją")."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise InputError(f"{source} is not readable text in any encoding I know; save it as UTF-8.")
    best = matches[0]
    near = [m for m in matches if m.chaos <= best.chaos + 0.1]
    for encoding in PREFERRED_LEGACY:
        for match in near:
            if match.encoding == encoding:
                return str(match)
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
    return Article(text=text, title=first, blocks=tuple(blocks), source=source, language=detect_language(text))


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
