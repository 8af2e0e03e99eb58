"""Read an article: bytes from a file or stdin -> decoded text -> title and paragraphs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from briefing.errors import InputError
from briefing.model import Article, Block

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")


def read_article(source: str) -> Article:
    """Read `source` (a path, an http(s) URL, or "-" for stdin) into an Article: plain text, Markdown
    (.md) or a web page (.html, URLs)."""
    from briefing import read_markup

    if read_markup.is_url(source):
        return read_markup.parse_html(read_markup.fetch(source), source)
    suffix = Path(source).suffix.lower()
    if suffix in (".html", ".htm"):
        return read_markup.parse_html(decode(read_bytes(source), source), source)
    text = decode(read_bytes(source), source)
    if suffix in (".md", ".markdown"):
        return read_markup.parse_markdown(text, source)
    return parse_article(text, source)


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def article_sources(inputs: list[str]) -> list[str]:
    """The articles named on the command line: files as given, folders as their articles, sorted."""
    sources = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{item} is a folder with no articles in it (.txt, .md or .html files); "
                                 "give an article file or a folder of them.")
            sources += found
        else:
            sources.append(item)
    return sources


def read_bytes(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.exists():
        raise InputError(f"There is no file called {source}; check the path and try again.")
    if path.is_dir():
        raise InputError(f"{source} is a folder with no articles in it; give an article file (.txt) instead.")
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
    elif looks_binary(raw):
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


def looks_binary(raw: bytes) -> bool:
    """Many NULs or other C0 control bytes (not tab/newline/form feed/escape) mean this is not text."""
    sample = raw[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(2, len(sample) // 100)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 32 or 127 <= code < 160 or code == 0xFEFF


PREFERRED_LEGACY = ("cp1252", "iso8859_15", "latin_1")  # what Western articles saved on Windows use


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


STOPWORDS = {
    "en": "the and of to in is that for it with was on as by at from he she said this but are have not be",
    "fr": "le la les des et est un une du que qui dans pour pas sur au aux avec il elle a été sont ce",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie er es auch",
    "es": "el la los las de que y en un una por con para es se del al lo como más pero dijo",
    "it": "il di che la per un una non sono della del le gli con è anche ha si da",
    "pt": "o a os as de que e do da em um uma para com não por se mais foi disse",
    "nl": "de het een en van is dat niet op te zijn met voor er maar ook als bij",
}
_STOPWORD_SETS = {language: set(words.split()) for language, words in STOPWORDS.items()}


def detect_language(text: str) -> str:
    """The article's language (ISO 639-1), by which language's commonest words it uses most; English if unsure."""
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    scores = {lang: sum(token in words for token in tokens) for lang, words in _STOPWORD_SETS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > scores["en"] else "en"


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
