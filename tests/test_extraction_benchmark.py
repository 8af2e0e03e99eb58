"""The page-extraction benchmark reads its gold bodies as they are saved, so that its numbers mean what
they say (a body saved in UTF-16 counted as single letters scored every reading of its page 0)."""

from __future__ import annotations

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import gold_text, load_gold_standard, title_in_gold, word_scores

BODY = "Night trains return to the coast.\n\nTickets cost twenty-nine euros, the company said."


def test_gold_bodies_saved_in_utf16_or_with_a_byte_order_mark_read_as_their_words():
    for raw in (BODY.encode("utf-16"), BODY.encode("utf-16-be").join([b"\xfe\xff", b""]),
                BODY.encode("utf-8-sig"), BODY.encode("utf-8")):
        assert gold_text(raw) == BODY


def test_a_cleaneval_folder_scores_a_page_whose_body_is_utf16(tmp_path):
    (tmp_path / "GoldStandard").mkdir()
    (tmp_path / "input").mkdir()
    (tmp_path / "GoldStandard" / "7.txt").write_bytes(BODY.encode("utf-16"))
    (tmp_path / "input" / "7.html").write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    [(key, _, true)] = load_gold_standard(tmp_path)
    assert key == "7" and word_scores(true, BODY) == (1.0, 0.0)


def test_a_dragnet_body_ends_at_its_comments_mark_however_the_mark_is_typed(tmp_path):
    (tmp_path / "GoldStandard").mkdir()
    (tmp_path / "input").mkdir()
    for key, mark in enumerate(("!@#$%^&*()  COMMENTS", "!@ $%^&*()  COMMENTS", "  #$%^&*()  COMMENTS",
                                "!@#$%^&*   COMMENTS", "!@#$%^&*()")):
        (tmp_path / "GoldStandard" / f"{key}.txt").write_text(f"{BODY}\n\n{mark}\n\nFirst! Great story.\n")
        (tmp_path / "input" / f"{key}.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    for _, _, true in load_gold_standard(tmp_path):
        assert true.strip() == BODY


def test_a_title_counts_as_the_headline_when_its_words_stand_in_the_gold_bodys_first_lines():
    gold = "Night Trains Return to the Coast\n\nBy a staff writer\n\n" + BODY
    assert title_in_gold("Night trains return to the coast", gold)
    assert not title_in_gold("Railway Courier", gold) and not title_in_gold("", gold)
