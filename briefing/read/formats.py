"""What format an input is, from its first bytes (and its name only where bytes cannot tell).

The sniffers live apart from the readers so that telling a plain-text article from a web page or a PDF does
not import the HTML extractor or the PDF library: each reader's module is imported only for its own format.
"""

from __future__ import annotations

import io
import re

ZIP_MAGIC = b"PK\x03\x04"

_HTML_START = re.compile(rb"^[^<]{0,8}?(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)  # after a few stray bytes: a byte-order mark saved as "?"
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|/?html|/?head|/?body|title|meta|div|table|script|p)\b", re.IGNORECASE)
_MARKDOWN_TITLE = re.compile(rb"^\s*#[ \t]+\S")


def is_pdf(raw: bytes, suffix: str) -> bool:
    return raw[:1024].lstrip().startswith(b"%PDF")


def _zip_names(raw: bytes) -> list[str]:
    if not raw.startswith(ZIP_MAGIC):
        return []
    import zipfile  # 10 ms that plain-text articles do not need
    try:
        return zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except (zipfile.BadZipFile, OSError):
        return []


def is_docx(raw: bytes, suffix: str) -> bool:
    return "word/document.xml" in _zip_names(raw)


def is_epub(raw: bytes, suffix: str) -> bool:
    return raw.startswith(ZIP_MAGIC) and raw[30:38] == b"mimetype" and b"application/epub+zip" in raw[:100]


def is_html(raw: bytes, suffix: str) -> bool:
    """A web page by its first bytes (any charset that keeps ASCII as ASCII, or UTF-16); a file named as a web
    page is one when its start holds an HTML tag, as a browser shows it (a page saved from its middle, or
    after some stray bytes)."""
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    head = head.removeprefix(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or (suffix in (".html", ".htm", ".xhtml") and (
        head.lstrip()[:1] == b"<" or bool(_HTML_TAG.search(head))))


def is_markdown(raw: bytes, suffix: str) -> bool:
    """Markdown cannot be told from text by its bytes alone: its name says so, or it opens with "# "."""
    return suffix in (".md", ".markdown") or bool(_MARKDOWN_TITLE.match(raw[:256].removeprefix(b"\xef\xbb\xbf")))
