"""NAME.epub: the article as an EPUB 3 book with Media Overlays — its text, the briefing's MP3 and a SMIL
file that times every sentence — so DAISY-capable reading systems highlight the text as they read it.

Every XML part is built with lxml (so the article's text is always text) and zipped as EPUB's OCF asks:
the `mimetype` entry first and stored, the audio stored, the rest deflated.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from briefing.export.readalong import (
    Cue,
    ReadAlongInfo,
    cues,
    has_quote_marks,
    is_heading,
    paragraphs,
    quote_speaker,
    source_label,
    xml_text,
)
from briefing.files import atomic_path

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
SMIL = "http://www.w3.org/ns/SMIL"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BOOK_NAMESPACE = uuid.UUID("3f0c2b9e-7d41-4e8a-b6a5-1c9d0e2f4a7b")  # briefing's own, for stable book ids
ACTIVE_CLASS = "-epub-media-overlay-active"
W3CDTF = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
STYLE = f"""body {{ font-family: serif; line-height: 1.5; }}
.who {{ font-weight: bold; font-variant: small-caps; }}
.{ACTIVE_CLASS} {{ background-color: #ffe27a; color: #1b1b1b; }}
"""


def clock(ms: int) -> str:
    """A SMIL full clock value, h:mm:ss.fff."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _x(tag: str, parent=None, text: str | None = None, nsmap: dict | None = None, **attributes):
    """An XHTML element (attribute names with a trailing _ lose it: class_)."""
    attrs = {key.rstrip("_"): xml_text(value) for key, value in attributes.items()}
    element = etree.Element(f"{{{XHTML}}}{tag}", attrs, nsmap=nsmap) if parent is None else \
        etree.SubElement(parent, f"{{{XHTML}}}{tag}", attrs)
    if text is not None:
        element.text = xml_text(text)
    return element


class _Ids:
    """Ids for the timed elements, in reading order, with the (id, start, end) the overlay plays."""

    def __init__(self):
        self.timed: list[tuple[str, int, int]] = []

    def next(self, start_ms: int, end_ms: int) -> str:
        element_id = f"s{len(self.timed) + 1}"
        self.timed.append((element_id, start_ms, end_ms))
        return element_id


def _space_after(element) -> None:
    if not (element.tail or "").endswith(" "):
        element.tail = (element.tail or "") + " "


def _paragraph(section, group: list[Cue], ids: _Ids) -> None:
    """One paragraph: a span per sentence; a quote's sentences inside a span that names who says it."""
    paragraph, last = _x("p", section), None
    for cue in group:
        if last is not None:
            _space_after(last)
        holder = paragraph
        if cue.segment.kind == "quote":
            holder = last = _x("span", paragraph, class_="quote")
            _space_after(_x("span", holder, quote_speaker(cue.segment) + ":", class_="who"))
            if not has_quote_marks(cue.segment.text):
                holder = _x("q", holder)
        for sentence in cue.sentences:
            text = xml_text(sentence.text)
            span = _x("span", holder, text.rstrip(), id=ids.next(sentence.start_ms, sentence.end_ms))
            if text != text.rstrip():
                _space_after(span)
            if holder is paragraph:
                last = span


def _heading_tag(kind: str, opening: bool, stories: int) -> str:
    """h1 for the opening title; h2 for headlines, or for each story's title in a combined briefing (whose
    headlines are then h3)."""
    if opening:
        return "h1"
    return "h3" if stories > 1 and kind == "headline" else "h2"


def text_document(cue_list: list[Cue], info: ReadAlongInfo) -> tuple[bytes, list[tuple[str, int, int]], list]:
    """The article as XHTML; also every timed element (id, start, end) and the chapters (id, title)."""
    ids, toc = _Ids(), []
    html = _x("html", lang=info.language, nsmap={None: XHTML, "epub": OPS})
    html.set(XML_LANG, info.language)
    head = _x("head", html)
    _x("meta", head, charset="utf-8")
    _x("title", head, info.title)
    _x("link", head, rel="stylesheet", type="text/css", href="style.css")
    body = _x("body", html)
    section = _x("section", body, id="article")
    section.set(f"{{{OPS}}}type", "bodymatter chapter")
    stories = sum(cue.segment.kind == "title" for cue in cue_list)
    for index, group in enumerate(paragraphs(cue_list)):
        first = group[0].segment
        if first.kind == "title" or is_heading(first, first=index == 0):
            for cue in group:
                element_id = ids.next(cue.start_ms, cue.end_ms)
                title = " ".join(cue.segment.text.split())
                _x(_heading_tag(cue.segment.kind, index == 0, stories), section, title, id=element_id)
                toc.append((element_id, title))
        else:
            _paragraph(section, group, ids)
    return _xml(html), ids.timed, toc


def overlay_document(timed: list[tuple[str, int, int]]) -> bytes:
    """The SMIL Media Overlay: one <par> per timed element, in reading order."""
    smil = etree.Element(f"{{{SMIL}}}smil", {"version": "3.0"}, nsmap={None: SMIL, "epub": OPS})
    body = etree.SubElement(smil, f"{{{SMIL}}}body")
    sequence = etree.SubElement(body, f"{{{SMIL}}}seq", {"id": "seq1", f"{{{OPS}}}textref": "text.xhtml#article"})
    for element_id, start_ms, end_ms in timed:
        if end_ms <= start_ms:
            continue  # nothing to hear (an empty clip): the text is there, unhighlighted
        par = etree.SubElement(sequence, f"{{{SMIL}}}par", {"id": f"par-{element_id}"})
        etree.SubElement(par, f"{{{SMIL}}}text", {"src": f"text.xhtml#{element_id}"})
        etree.SubElement(par, f"{{{SMIL}}}audio", {"src": "audio.mp3", "clipBegin": clock(start_ms),
                                                   "clipEnd": clock(end_ms)})
    return _xml(smil)


def nav_document(toc: list, info: ReadAlongInfo) -> bytes:
    """The EPUB navigation document: the title and every headline."""
    html = _x("html", lang=info.language, nsmap={None: XHTML, "epub": OPS})
    html.set(XML_LANG, info.language)
    head = _x("head", html)
    _x("meta", head, charset="utf-8")
    _x("title", head, info.title)
    nav = _x("nav", _x("body", html), id="toc")
    nav.set(f"{{{OPS}}}type", "toc")
    _x("h1", nav, "Contents")
    items = _x("ol", nav)
    for element_id, title in toc or [("s1", info.title)]:
        _x("a", _x("li", items), title, href=f"text.xhtml#{element_id}")
    return _xml(html)


def _meta(metadata, text: str, **attributes) -> None:
    etree.SubElement(metadata, f"{{{OPF}}}meta", attributes).text = text


def _dc(metadata, name: str, text: str, **attributes) -> None:
    etree.SubElement(metadata, f"{{{DC}}}{name}", attributes).text = xml_text(text)


def package_document(info: ReadAlongInfo, modified: datetime) -> bytes:
    """The OPF: metadata (with the overlay's duration), the manifest and the one-document spine."""
    package = etree.Element(f"{{{OPF}}}package", {"version": "3.0", "unique-identifier": "book-id"},
                            nsmap={None: OPF, "dc": DC})
    package.set(XML_LANG, info.language)
    metadata = etree.SubElement(package, f"{{{OPF}}}metadata")
    identity = f"{info.source}\n{info.title}\n{info.published or info.made}"
    _dc(metadata, "identifier", f"urn:uuid:{uuid.uuid5(BOOK_NAMESPACE, identity)}", id="book-id")
    _dc(metadata, "title", info.title or "Briefing")
    _dc(metadata, "language", info.language)
    if info.author:
        _dc(metadata, "creator", info.author)
    day = (info.published or info.made)[:10]
    if W3CDTF.fullmatch(day):
        _dc(metadata, "date", day)
    if info.source:
        _dc(metadata, "source", source_label(info.source))
    _meta(metadata, modified.strftime("%Y-%m-%dT%H:%M:%SZ"), property="dcterms:modified")
    _meta(metadata, clock(info.duration_ms), property="media:duration")
    _meta(metadata, clock(info.duration_ms), property="media:duration", refines="#overlay")
    _meta(metadata, ACTIVE_CLASS, property="media:active-class")
    manifest = etree.SubElement(package, f"{{{OPF}}}manifest")
    for attributes in (
        {"id": "nav", "href": "nav.xhtml", "media-type": "application/xhtml+xml", "properties": "nav"},
        {"id": "text", "href": "text.xhtml", "media-type": "application/xhtml+xml", "media-overlay": "overlay"},
        {"id": "overlay", "href": "text.smil", "media-type": "application/smil+xml"},
        {"id": "audio", "href": "audio.mp3", "media-type": "audio/mpeg"},
        {"id": "style", "href": "style.css", "media-type": "text/css"},
    ):
        etree.SubElement(manifest, f"{{{OPF}}}item", attributes)
    spine = etree.SubElement(package, f"{{{OPF}}}spine")
    etree.SubElement(spine, f"{{{OPF}}}itemref", {"idref": "text"})
    return _xml(package)


def container_document() -> bytes:
    container = etree.Element(f"{{{CONTAINER}}}container", {"version": "1.0"}, nsmap={None: CONTAINER})
    rootfiles = etree.SubElement(container, f"{{{CONTAINER}}}rootfiles")
    etree.SubElement(rootfiles, f"{{{CONTAINER}}}rootfile",
                     {"full-path": "EPUB/package.opf", "media-type": "application/oebps-package+xml"})
    return _xml(container)


def write_book(cue_list: list[Cue], mp3: Path, target: Path, info: ReadAlongInfo,
               modified: datetime | None = None) -> None:
    """The EPUB file, from the cues and the finished MP3."""
    text, timed, toc = text_document(cue_list, info)
    parts = [("META-INF/container.xml", container_document()),
             ("EPUB/package.opf", package_document(info, modified or datetime.now(timezone.utc))),
             ("EPUB/nav.xhtml", nav_document(toc, info)), ("EPUB/text.xhtml", text),
             ("EPUB/text.smil", overlay_document(timed)), ("EPUB/style.css", STYLE.encode("utf-8"))]
    with atomic_path(target) as temp, zipfile.ZipFile(temp, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in parts:
            book.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        book.write(mp3, "EPUB/audio.mp3", compress_type=zipfile.ZIP_STORED)


def write_epub(timeline, mp3: Path, target: Path, info: ReadAlongInfo) -> None:
    """NAME.epub beside NAME.mp3, timed from the same timeline as the captions and the page."""
    write_book(cues(timeline, info.language), mp3, target, info)
