"""Read an article: bytes from a file, stdin or an http(s) address -> the reader its bytes call for -> Article.

Readers are tried in order and each looks at the input's first bytes (a PDF starts with "%PDF-", a DOCX
or EPUB is a ZIP holding word/document.xml or the EPUB mimetype, a web page opens with an HTML tag); a
name counts only where bytes cannot tell (Markdown). Plain text is registered last, as the fallback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from briefing.errors import InputError
from briefing.model import Article
from briefing.read import formats, text
from briefing.read.language import detect_language
from briefing.read.text import decode, parse_article
from briefing.read.url import fetch, is_url

__all__ = ["ARTICLE_SUFFIXES", "READERS", "Reader", "article_from_bytes", "article_sources", "decode",
           "detect_language", "is_url", "parse_article", "read_article"]


@dataclass(frozen=True)
class Reader:
    """One input format: `accepts(raw, suffix)` looks at the bytes (and the lower-case name suffix, for
    formats that bytes cannot tell apart); `read(raw, source)` makes the Article."""

    name: str
    accepts: Callable[[bytes, str], bool]
    read: Callable[[bytes, str], Article]


def _reader_in(module: str, function: str) -> Callable[[bytes, str], Article]:
    """A reader whose module is imported on first use: a plain-text article never loads the HTML extractor
    or the PDF library."""
    def read(raw: bytes, source: str) -> Article:
        return getattr(importlib.import_module(module), function)(raw, source)
    return read


READERS: tuple[Reader, ...] = (
    Reader("pdf", formats.is_pdf, _reader_in("briefing.read.documents", "read_pdf")),
    Reader("docx", formats.is_docx, _reader_in("briefing.read.documents", "read_docx")),
    Reader("epub", formats.is_epub, _reader_in("briefing.read.documents", "read_epub")),
    Reader("html", formats.is_html, _reader_in("briefing.read.markup", "read_html")),
    Reader("markdown", formats.is_markdown, _reader_in("briefing.read.markup", "read_markdown")),
    Reader("text", lambda raw, suffix: True, text.read_text),  # last: the fallback
)
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".epub")


def read_article(source: str) -> Article:
    """Read `source` (a path, an http(s) address, or "-" for stdin) into an Article, whatever its format."""
    raw = fetch(source) if is_url(source) else read_bytes(source)
    return article_from_bytes(raw, source)


def article_from_bytes(raw: bytes, source: str) -> Article:
    """The Article in `raw`, read by the first reader that accepts its bytes."""
    suffix = Path(urlparse(source).path if is_url(source) else source).suffix.lower()
    reader = next(reader for reader in READERS if reader.accepts(raw, suffix))
    return reader.read(raw, source)


def article_sources(inputs: list[str]) -> list[str]:
    """The articles named on the command line: files as given, folders as their articles, sorted."""
    sources = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = articles_in(path)
            if not found:
                raise InputError(f"{item} is a folder with no articles in it ({_suffix_list()} files); "
                                 "give an article file or a folder of them.")
            sources += found
        else:
            sources.append(item)
    return sources


def articles_in(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def read_bytes(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.exists():
        raise InputError(f"There is no file called {source}; check the path and try again.")
    if path.is_dir():
        raise InputError(_folder_given(path, source))
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read {source} ({error.strerror}); check its permissions.") from error


def _folder_given(path: Path, source: str) -> str:
    """Where one article is wanted (`briefing script`), a folder is named with what it holds."""
    found = articles_in(path)
    if not found:
        return f"{source} is a folder with no articles in it; give one article file ({_suffix_list()})."
    count = f"{len(found)} articles" if len(found) > 1 else "one article"
    return f"{source} is a folder ({count}); this reads one article at a time, so give a file, e.g. {found[0]}."


def _suffix_list() -> str:
    return ", ".join(ARTICLE_SUFFIXES[:-1]) + " or " + ARTICLE_SUFFIXES[-1]
