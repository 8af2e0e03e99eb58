"""Which files are articles, and which reader reads them: the bytes decide, plain text is the fallback."""

from __future__ import annotations

import pytest
from helpers import assert_plain_error, run_briefing

from briefing.errors import ExitStatus, InputError
from briefing.read import READERS, article_from_bytes, article_sources


def test_plain_text_is_the_last_reader_and_takes_anything_else():
    assert READERS[-1].name == "text"
    assert all(reader.accepts(b"Title\n\nText.", "") is (reader.name == "text") for reader in READERS)


@pytest.mark.parametrize(("raw", "name", "reader"), [
    (b"%PDF-1.7\n", "report.txt", "pdf"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
    (b"  <html lang='en'><p>x</p></html>", "-", "html"),
    (b"# A title\n\nText.", "-", "markdown"),
    (b"Plain title\n\nText with <b> in it.", "notes.md", "markdown"),
    (b"Plain title\n\nText.", "page.html", "text"),
])
def test_the_reader_is_chosen_by_the_bytes(raw, name, reader):
    from pathlib import Path

    suffix = Path(name).suffix
    assert next(r.name for r in READERS if r.accepts(raw, suffix)) == reader


def test_a_zip_that_is_no_document_is_refused_as_binary():
    with pytest.raises(InputError, match="binary"):
        article_from_bytes(b"PK\x03\x04" + bytes(range(256)) * 8, "archive.docx")


def test_folders_give_every_format_read(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.pdf", "e.docx", "f.epub", "g.odt", "h.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.rsplit("/", 1)[1] for p in article_sources([str(tmp_path)])] == \
        ["a.txt", "b.md", "c.html", "d.pdf", "e.docx", "f.epub"]


def test_script_on_a_folder_says_to_give_one_of_its_articles(tmp_path, corpus):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("greve.txt", "storm-update.md"):
        (folder / name).write_bytes((corpus / name).read_bytes())
    result = run_briefing("script", str(folder))
    sentence = assert_plain_error(result, ExitStatus.BAD_INPUT, "is a folder (2 articles)", "greve.txt")
    assert "no articles" not in sentence
