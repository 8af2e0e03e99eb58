"""PDF, Word and EPUB documents are read as articles: every body word, in order, and no page furniture.

The documents are made here: a two-column PDF with a running header, a running footer and page numbers
(fpdf2), a DOCX with a title, headings, a quote, a list and a table (python-docx), a small EPUB (zipfile).
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from audio import words
from helpers import assert_plain_error, run_briefing

from briefing.errors import ExitStatus, InputError
from briefing.read import article_from_bytes, read_article

TITLE = "Harbour Town Votes to Rebuild Its Old Pier"
PARAGRAPHS = [
    "The town council of Harbour Town voted on Monday to rebuild the old pier, which storms damaged two "
    "winters ago. The work is expected to start in the spring and to take about eighteen months.",
    "Fishermen have waited a long time for the decision. Many of them moor their boats in the neighbouring "
    "bay and drive back and forth every morning, which costs them time and fuel.",
    "The council considered three designs before choosing a concrete deck on steel piles. Engineers said the "
    "new structure would withstand waves twice as high as those of the last great storm.",
    "Money for the project comes from the regional development fund and from a harbour fee that visiting "
    "yachts will pay from next summer. Shop owners on the seafront welcomed the plan.",
    "Not everyone is pleased. A group of residents argued that the money should go to the flood defences "
    "instead, and they collected several hundred signatures against the project.",
    "The mayor said both would be done. The flood defences are next on the list, she told the meeting, and "
    "their plans will be presented to residents before the end of the year.",
]
HEADLINE = "What Happens Next"
LATER = [
    "Contractors can bid for the work until the end of next month. The council will choose one of them in "
    "a public meeting, and residents may ask questions before the vote.",
    "During the works, a temporary landing stage will serve the ferry to the islands. The ferry company said "
    "its timetable would not change, although boarding could take a little longer.",
] * 8


def body_words() -> list[str]:
    return words(" ".join([TITLE, *PARAGRAPHS, HEADLINE, *LATER]))


# -- PDF -----------------------------------------------------------------------------------------

def two_column_pdf(pages: int = 2) -> bytes:
    """The article set in two columns with a running header, a running footer and page numbers;
    long lines are broken with hyphens where fpdf2's hyphenation would put them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    pdf.set_author("Mara Quill")
    pdf.set_lang("en")
    column_width, gutter, top = 85, 10, 30
    texts = [("title", TITLE), *[("body", p) for p in PARAGRAPHS], ("head", HEADLINE),
             *[("body", p) for p in LATER]]
    page = column = 0
    y = 0.0

    def new_page():
        nonlocal page, column, y
        pdf.add_page()
        page += 1
        column, y = 0, top
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(15, 10)
        pdf.cell(0, 5, "The Coastal Gazette - Local News")
        pdf.set_xy(15, 285)
        pdf.cell(0, 5, f"Page {page}")
        pdf.set_xy(150, 285)
        pdf.cell(0, 5, "coastalgazette.example")

    new_page()
    for kind, text in texts:
        size = {"title": 20, "head": 14, "body": 10}[kind]
        pdf.set_font("Helvetica", style="B" if kind != "body" else "", size=size)
        width = 180 if kind == "title" else column_width
        lines = pdf.multi_cell(width, size * 0.5, _hyphenated(text), dry_run=True, output="LINES")
        height = len(lines) * size * 0.5
        if y + height > 270:
            if column == 0 and page <= pages:
                column, y = 1, top + (15 if page == 1 else 0)  # below the title on the first page
            else:
                new_page()
        x = 15 + column * (column_width + gutter)
        pdf.set_xy(x, y)
        pdf.multi_cell(width, size * 0.5, _hyphenated(text))
        y += height + (8 if kind == "title" else 4)
    return bytes(pdf.output())


def _hyphenated(text: str) -> str:
    """A soft hyphen in long words, which fpdf2 turns into a visible hyphen at a line end."""
    return " ".join(word[:5] + "\u00ad" + word[5:] if len(word) > 9 and word.isalpha() else word
                    for word in text.split())


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return two_column_pdf()


def test_pdf_is_read_whole_in_column_order_without_headers_or_page_numbers(pdf_bytes):
    article = article_from_bytes(pdf_bytes, "pier.bin")  # the name says nothing: the bytes do
    assert article.title.text == TITLE
    assert words(" ".join([article.title.text, *(b.text for b in article.blocks)])) == body_words()
    heard = " ".join(b.text for b in article.blocks)
    for furniture in ("Gazette", "Page 1", "Page 2", "coastalgazette"):
        assert furniture not in heard
    assert [b.text for b in article.blocks if b.kind == "headline"] == [HEADLINE]
    assert article.author == "Mara Quill" and article.language == "en"


def test_pdf_lines_broken_with_a_hyphen_are_joined(pdf_bytes):
    article = article_from_bytes(pdf_bytes, "pier.pdf")
    text = " ".join(b.text for b in article.blocks)
    assert "\u00ad" not in text and not re.search(r"\w- \w", text)
    assert "neighbouring" in text and "Contractors" in text


def test_briefing_script_reads_a_pdf(pdf_bytes, tmp_path):
    path = tmp_path / "pier.pdf"
    path.write_bytes(pdf_bytes)
    result = run_briefing("script", str(path))
    assert result.returncode == 0, result.stderr.decode()
    script = json.loads(result.stdout)
    spoken = " ".join(segment["text"] for segment in script["segments"])
    assert words(spoken) == body_words()
    assert script["segments"][0]["kind"] == "title" and script["language"] == "en"


def test_a_scanned_pdf_without_text_is_one_sentence(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a page with only a picture on it
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    result = run_briefing("script", str(path))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "without a text layer")


def test_a_damaged_pdf_is_one_sentence(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF")
    with pytest.raises(InputError):
        read_article(str(path))


# -- DOCX ----------------------------------------------------------------------------------------

def word_document() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = "Mara Quill"
    document.core_properties.language = "en-GB"
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(PARAGRAPHS[0])
    document.add_paragraph("“We have waited long enough,” said Ivo Brandt, who chairs the fishermen’s "
                           "association. “Now the boats can come home.”")
    document.add_heading("The Designs", level=1)
    document.add_paragraph(PARAGRAPHS[2])
    document.add_paragraph("The pier will be rebuilt in steel and concrete.", style="Quote")
    for item in ("a concrete deck", "steel piles", "a landing stage for the ferry"):
        document.add_paragraph(item, style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    cells = [("Stage", "Cost"), ("Deck", "4 million"), ("Piles", "2 million")]
    for row, (stage, cost) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = stage, cost
    document.add_heading(HEADLINE, level=2)
    document.add_paragraph(LATER[0])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_headings_from_styles_and_quotes_as_written(tmp_path):
    article = article_from_bytes(word_document(), "pier")
    assert article.title.text == TITLE
    kinds = [(b.kind or "narration", b.text) for b in article.blocks]
    assert ("headline", "The Designs") in kinds and ("headline", HEADLINE) in kinds
    assert ("quote", "The pier will be rebuilt in steel and concrete.") in kinds
    assert ("narration", "“We have waited long enough,” said Ivo Brandt, who chairs the fishermen’s association. "
            "“Now the boats can come home.”") in kinds
    assert ("narration", "a concrete deck. steel piles. a landing stage for the ferry.") in kinds
    assert ("narration", "Stage, Cost. Deck, 4 million. Piles, 2 million.") in kinds
    assert article.author == "Mara Quill" and article.language == "en"


def test_briefing_script_reads_a_docx_and_finds_the_quote_speaker(tmp_path):
    path = tmp_path / "pier.docx"
    path.write_bytes(word_document())
    result = run_briefing("script", str(path))
    assert result.returncode == 0, result.stderr.decode()
    segments = json.loads(result.stdout)["segments"]
    assert words(" ".join(s["text"] for s in segments)) == words(
        " ".join([TITLE, PARAGRAPHS[0]]) + " We have waited long enough said Ivo Brandt who chairs the fishermen’s "
        "association Now the boats can come home The Designs " + PARAGRAPHS[2] + " The pier will be rebuilt in "
        "steel and concrete a concrete deck steel piles a landing stage for the ferry Stage Cost Deck 4 million "
        "Piles 2 million " + HEADLINE + " " + LATER[0])
    assert any(s["kind"] == "quote" and s.get("speaker") == "Ivo Brandt" for s in segments)


# -- EPUB ----------------------------------------------------------------------------------------

def small_epub(language: str = "fr") -> bytes:
    chapter = ("<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
               "<h1>Le port</h1><p>Le conseil municipal a voté lundi la reconstruction du vieux ponton.</p>"
               "<blockquote><p>Nous avons assez attendu.</p></blockquote>"
               "<ul><li>une dalle en béton</li><li>des pieux en acier</li></ul></body></html>")
    opf = ("<?xml version='1.0'?><package xmlns='http://www.idpf.org/2007/opf' version='3.0'>"
           "<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>Le ponton</dc:title>"
           f"<dc:creator>Mara Quill</dc:creator><dc:language>{language}</dc:language></metadata>"
           "<manifest><item id='c1' href='c1.xhtml' media-type='application/xhtml+xml'/>"
           "<item id='nav' href='nav.xhtml' properties='nav' media-type='application/xhtml+xml'/></manifest>"
           "<spine><itemref idref='nav'/><itemref idref='c1'/></spine></package>")
    container = ("<?xml version='1.0'?><container xmlns='urn:oasis:names:tc:opendocument:xmlns:container' "
                 "version='1.0'><rootfiles><rootfile full-path='OEBPS/book.opf' "
                 "media-type='application/oebps-package+xml'/></rootfiles></container>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", container)
        book.writestr("OEBPS/book.opf", opf)
        book.writestr("OEBPS/nav.xhtml", "<html><body><nav><ol><li>Le port</li></ol></nav></body></html>")
        book.writestr("OEBPS/c1.xhtml", chapter)
    return buffer.getvalue()


def test_epub_chapters_in_spine_order_with_the_book_metadata():
    article = article_from_bytes(small_epub(), "book.zip")
    assert article.title.text == "Le ponton" and article.language == "fr" and article.author == "Mara Quill"
    assert [(b.kind or "narration", b.text) for b in article.blocks] == [
        ("headline", "Le port"),
        ("narration", "Le conseil municipal a voté lundi la reconstruction du vieux ponton."),
        ("quote", "Nous avons assez attendu."),
        ("narration", "une dalle en béton."), ("narration", "des pieux en acier."),
    ]


def test_a_folder_takes_documents_too(tmp_path, pdf_bytes):
    from briefing.read import article_sources

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(pdf_bytes)
    (folder / "b.docx").write_bytes(word_document())
    (folder / "c.epub").write_bytes(small_epub())
    (folder / "d.odt").write_bytes(b"PK\x03\x04")
    assert [p.rsplit("/", 1)[1] for p in article_sources([str(folder)])] == ["a.pdf", "b.docx", "c.epub"]


@pytest.mark.parametrize(("lines", "paragraph"), [
    (["The infor-", "mation was late."], "The information was late."),
    (["The Anglo-", "Saxon names."], "The Anglo-Saxon names."),
    (["A well-known", "fact."], "A well-known fact."),
    (["Ends with a dash -", "then more."], "Ends with a dash - then more."),
])
def test_lines_of_a_paragraph_are_joined(lines, paragraph):
    from briefing.read.documents import _join_lines

    assert _join_lines(lines) == paragraph


def test_a_paragraph_running_into_the_next_column_continues():
    from briefing.read.documents import _add_pdf_part
    from briefing.read.parts import Part

    parts = [Part("The work starts in")]
    _add_pdf_part(parts, Part("spring and ends in autumn."))
    _add_pdf_part(parts, Part("A new paragraph."))
    assert [p.text for p in parts] == ["The work starts in spring and ends in autumn.", "A new paragraph."]
