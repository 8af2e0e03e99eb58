"""Documents as articles: PDF (its text layer), Word (.docx) and EPUB, told apart by their bytes.

PDF goes through pdfminer.six (pure Python, MIT, kept up): its layout analysis gives text boxes in reading
order across columns and every character's font size. Lines repeated at the top or bottom of most pages
(running headers and footers) and page numbers are dropped; words hyphenated at a line end are joined;
text set larger than the body is a headline (the largest on the first page, the title).
DOCX goes through python-docx: the styles say what is a title, a headline, a quote or a list.
EPUB is a ZIP of XHTML chapters listed in its package file; read with zipfile and lxml.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.model import Article
from briefing.read.parts import Part, article_from_parts, as_sentence

# -- PDF -----------------------------------------------------------------------------------------

LAYOUT = {"char_margin": 3.5,  # justified lines keep gaps of up to ~1.5 em between words; columns are wider apart
          "boxes_flow": None}  # boxes are put in column order here
HEADLINE_SCALE = 1.15  # text this much larger than the body's is a headline
MARGIN_SHARE = 0.1  # running headers and footers live in the top and bottom tenth of the page
PAGE_NUMBER = re.compile(r"^\W*(?:(?:page|p\.|seite|página|pagina)\s*)?[\divxlc]+(?:\s*(?:/|of|von|de|sur)\s*\d+)?\W*$",
                         re.IGNORECASE)
HYPHEN_END = re.compile(r"(\w)[-\u00ad]$")


@dataclass(frozen=True)
class _Line:
    text: str
    size: float
    page: int
    top: float  # share of the page height from the top edge: 0 at the top, 1 at the bottom
    box: int  # which text box (paragraph) of the document it belongs to


def read_pdf(raw: bytes, source: str) -> Article:
    lines, pages = _pdf_lines(raw, source)
    body = _body_size(lines)
    singles = {box for box, count in Counter(line.box for line in lines).items() if count == 1}
    lines = [line for line in lines if not _furniture(line, lines, pages)
             and not _small_margin_note(line, body, singles)]
    if not lines:
        raise InputError(f"{source} is a PDF without a text layer (a scan?); run it through OCR "
                         "(for example ocrmypdf) and give the result.")
    metadata = _pdf_metadata(raw)
    return article_from_parts(_pdf_parts(lines), source, **metadata)


def _pdf_lines(raw: bytes, source: str) -> tuple[list[_Line], int]:
    """Every text line with its font size and place, page by page in column order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    lines: list[_Line] = []
    pages = 0
    try:
        for pages, page in enumerate(extract_pages(io.BytesIO(raw), laparams=LAParams(**LAYOUT)), start=1):
            boxes = [element for element in page if isinstance(element, LTTextBox)]
            for box in column_order(boxes, page.width):
                lines += _box_lines(box, page, pages, (lines[-1].box if lines else 0) + 1)
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(f"{source} is a password-protected PDF; save an unprotected copy and give that.") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{source} is a damaged PDF that cannot be read ({error}); "
                         "save it again or give its text.") from None
    return lines, pages


def _box_lines(box, page, page_number: int, box_number: int) -> list[_Line]:
    from pdfminer.layout import LTTextLine

    ordered = sorted((line for line in box if isinstance(line, LTTextLine)),
                     key=lambda line: (-round(line.y1), line.x0))  # one baseline in pieces: left first
    return [_Line(" ".join(line.get_text().split()), _font_size(line), page_number,
                  (page.height - line.y1) / max(1.0, page.height), box_number)
            for line in ordered if line.get_text().strip()]


FULL_WIDTH = 0.6  # a box wider than this share of the page spans the columns (a title, a banner)
COLUMN_GAP = 0.15  # left edges this share of the page apart start different columns


def column_order(boxes: list, page_width: float) -> list:
    """Reading order of a page's text boxes: bands between boxes that span the page, and within a band
    each column top to bottom, left to right (pdfminer's own order mixes columns)."""
    ordered: list = []
    band: list = []
    for box in sorted(boxes, key=lambda b: -b.y1):
        if box.width > FULL_WIDTH * page_width:
            ordered += [*_columns(band, page_width), box]
            band = []
        else:
            band.append(box)
    return ordered + _columns(band, page_width)


def _columns(boxes: list, page_width: float) -> list:
    columns: list[list] = []
    for box in sorted(boxes, key=lambda b: b.x0):
        if columns and box.x0 - columns[-1][0].x0 < COLUMN_GAP * page_width:
            columns[-1].append(box)
        else:
            columns.append([box])
    return [box for column in columns for box in sorted(column, key=lambda b: -b.y1)]


def _font_size(line) -> float:
    import statistics  # here: with fractions and decimal, ~5 ms of every run that reads no PDF

    sizes = [round(char.size, 1) for char in line if hasattr(char, "size") and char.get_text().strip()]
    return statistics.median(sizes) if sizes else 0.0


def _furniture(line: _Line, lines: list[_Line], pages: int) -> bool:
    """A page number, or a line in the page margin that repeats (digits aside) on several pages."""
    in_margin = line.top < MARGIN_SHARE or line.top > 1 - MARGIN_SHARE
    if not in_margin:
        return False
    if PAGE_NUMBER.match(line.text):
        return True
    key = _running_key(line.text)
    repeats = {other.page for other in lines if other.page != line.page and _running_key(other.text) == key
               and abs(other.top - line.top) < MARGIN_SHARE}
    return pages > 1 and len(repeats) + 1 >= max(2, pages // 2)


def _small_margin_note(line: _Line, body: float, singles: set[int]) -> bool:
    """On a document of one page nothing repeats: a short line alone in the margin, set smaller than the
    body, is its running header or footer."""
    in_margin = line.top < MARGIN_SHARE or line.top > 1 - MARGIN_SHARE
    return in_margin and line.box in singles and line.size < body and len(line.text.split()) <= 10


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the text is set in."""
    weights = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _pdf_parts(lines: list[_Line]) -> list[Part]:
    """Boxes become paragraphs; larger type becomes headlines, the largest on page 1 the title."""
    body = _body_size(lines)
    first_page = [line.size for line in lines if line.page == 1]
    title_size = max(first_page) if first_page else 0.0
    parts: list[Part] = []
    for box_lines in _boxes(lines):
        size = max(line.size for line in box_lines)
        text = _join_lines([line.text for line in box_lines])
        kind = "narration"
        if size >= body * HEADLINE_SCALE and len(text.split()) <= 25:
            is_title = size >= title_size and box_lines[0].page == 1 and not any(p.kind == "title" for p in parts)
            kind = "title" if is_title else "headline"
        _add_pdf_part(parts, Part(text, kind))
    return parts


def _boxes(lines: list[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and groups[-1][-1].box == line.box:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _add_pdf_part(parts: list[Part], part: Part) -> None:
    """A paragraph that runs on into the next column or page continues the previous one."""
    previous = parts[-1] if parts else None
    runs_on = (previous is not None and previous.kind == part.kind == "narration"
               and previous.text[-1:] not in ".!?…:;\"”’»)" and part.text[:1].islower())
    if runs_on:
        parts[-1] = Part(_join_lines([previous.text, part.text]), "narration")
    else:
        parts.append(part)


def _join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one text; "infor-" + "mation" is "information", "Anglo-" + "Saxon" is
    "Anglo-Saxon" (a capital after the break says the hyphen is part of the word)."""
    joined = ""
    for text in texts:
        if HYPHEN_END.search(joined) and text[:1].islower():
            joined = joined[:-1] + text
        elif HYPHEN_END.search(joined) and text[:1].isupper():
            joined = joined[:-1] + "-" + text
        else:
            joined = f"{joined} {text}" if joined else text
    return joined


def _pdf_metadata(raw: bytes) -> dict[str, str]:
    """Author, date and language from the document information and catalog, where present."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        info = resolve1(document.info[0]) if document.info else {}
        language = resolve1(document.catalog.get("Lang"))
    except Exception:  # metadata is a bonus: a document that reads but has odd metadata still reads
        return {}
    date = _text(info.get("CreationDate"))
    found = re.match(r"D:(\d{4})(\d{2})(\d{2})", date)
    return {"author": _text(info.get("Author")), "language": _text(language),
            "published": "-".join(found.groups()) if found else ""}


def _text(value) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value).strip()
    return value.strip() if isinstance(value, str) else getattr(value, "name", "") or ""


# -- DOCX ----------------------------------------------------------------------------------------

def read_docx(raw: bytes, source: str) -> Article:
    """Paragraphs in body order; styles say Title, Heading n, Quote and List; tables read row by row."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise InputError(f"{source} is a Word document that cannot be read ({error}); save it again.") from None
    parts: list[Part] = []
    items: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _flush_items(parts, items)
            parts += _table_parts([[cell.text for cell in row.cells] for row in block.rows])
        else:
            _docx_paragraph(block, parts, items)
    _flush_items(parts, items)
    properties = document.core_properties
    if properties.title and not any(p.kind == "title" for p in parts):
        parts.insert(0, Part(properties.title.strip(), "title"))
    return article_from_parts(parts, source, author=properties.author or "", language=properties.language or "",
                              published=properties.created.date().isoformat() if properties.created else "")


def _docx_paragraph(paragraph, parts: list[Part], items: list[str]) -> None:
    text = " ".join(paragraph.text.split())
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if not text:
        return
    if style.startswith("list") or (paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None):
        items.append(text)
        return
    _flush_items(parts, items)
    if style == "title":
        parts.append(Part(text, "headline" if any(p.kind == "title" for p in parts) else "title"))
    elif style.startswith("heading") or style == "subtitle":
        parts.append(Part(text, "headline"))
    elif "quote" in style:
        parts.append(Part(text, "quote"))
    else:
        parts.append(Part(text))


def _flush_items(parts: list[Part], items: list[str]) -> None:
    if items:
        parts.append(Part(" ".join(as_sentence(item) for item in items)))
        items.clear()


def _table_parts(rows: list[list[str]]) -> list[Part]:
    """A simple table read row by row, each row one sentence of its cells (merged cells once)."""
    sentences = []
    for row in rows:
        cells = [" ".join(cell.split()) for cell in row]
        unique = [cell for index, cell in enumerate(cells) if cell and cell not in cells[:index]]
        if unique:
            sentences.append(as_sentence(", ".join(unique)))
    return [Part(" ".join(sentences))] if sentences else []


# -- EPUB ----------------------------------------------------------------------------------------

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li", "tr", "caption", "figcaption", "dd", "dt")


def read_epub(raw: bytes, source: str) -> Article:
    """The chapters in spine order; the package's title, creator, date and language as metadata."""
    import zipfile

    from lxml import etree

    try:
        book = zipfile.ZipFile(io.BytesIO(raw))
        container = etree.fromstring(book.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        package = etree.fromstring(book.read(opf_path))
        chapters = _spine(package, opf_path)
        parts = [part for name in chapters for part in _xhtml_parts(book.read(name))]
    except (KeyError, AttributeError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise InputError(f"{source} is an EPUB that cannot be read ({error}); save it again.") from None
    title = package.findtext(f".//{DC}title") or ""
    if title.strip():
        parts.insert(0, Part(" ".join(title.split()), "title"))
        parts = [parts[0], *(p if p.kind != "title" else Part(p.text, "headline") for p in parts[1:])]
    return article_from_parts(parts, source, author=(package.findtext(f".//{DC}creator") or "").strip(),
                              language=package.findtext(f".//{DC}language") or "",
                              published=(package.findtext(f".//{DC}date") or "")[:10])


def _spine(package, opf_path: str) -> list[str]:
    folder = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
    manifest = {item.get("id"): item for item in package.iter(f"{OPF}item")}
    names = []
    for ref in package.iter(f"{OPF}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no" or "nav" in (item.get("properties") or "").split():
            continue
        names.append(folder + item.get("href").split("#")[0])
    return names


def _xhtml_parts(page: bytes) -> list[Part]:
    """The block elements of one chapter, innermost blocks only, in order."""
    import lxml.html

    root = lxml.html.fromstring(page)
    parts: list[Part] = []
    for element in root.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in element.iterdescendants()):
            continue
        text = " ".join(" ".join(element.itertext()).split()) if element.tag == "tr" else \
            " ".join("".join(element.itertext()).split())
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            parts.append(Part(text, "headline"))
        elif any(a.tag == "blockquote" for a in element.iterancestors()) or element.tag == "blockquote":
            parts.append(Part(text, "quote"))
        elif element.tag in ("li", "tr", "dt", "dd"):
            parts.append(Part(as_sentence(text) if text else ""))
        else:
            parts.append(Part(text))
    return parts
