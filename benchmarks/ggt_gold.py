"""Turn the Gender Gap Tracker's hand-annotated news quotes into the corpus's gold format, for segmentation.py.

usage: python benchmarks/ggt_gold.py GGT_FOLDER OUT_DIR
       (e.g. /work/data/ggt-raw /work/data/ggt-gold)

GGT_FOLDER holds the English evaluation set of the Gender Gap Tracker (SFU Discourse Lab): rawtext/ID.txt (98
Canadian news articles from seven outlets) and its annotation table (*.xlsx, one row an article, the column
"quotations" a JSON list of {quote, speaker, verb, reference, *_index}). Reading the table needs openpyxl. Both were
in the public repository sfu-discourse-lab/GenderGapTracker (MIT licence for its code; the article texts belong to
their outlets) until its evaluation data became "available upon request": at commit fe82ba2, unzip
NLP/evaluation/src/rawtext.zip and take NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx.
Keep them outside this repository, like PolNeAR.

For each article it writes OUT_DIR/OUTLET_ID.txt and OUTLET_ID.gold.json. The files give the body without its
headline, so a neutral first line (NEUTRAL_TITLE) stands for it: the reader takes a text's first line as the title,
and the gold says so. The briefing voices only direct speech: a gold quote is text inside quotation marks that an
annotated quotation covers (found in the text by its words, as the table's offsets count another copy of the body),
with that quotation's "reference" as the speaker: the person as the annotator resolved them, also for "she said" and
for a quote with no speaking verb at all (the next paragraph of the same speech). Each person's written forms
("the rookie defenceman", "Lee") are aliases; score.py also takes any prediction holding the surname. Quoted words
inside a narration sentence and quoted words no annotation covers are "either", as in polnear_gold.py; paraphrase
stays narration.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from polnear_gold import PARAGRAPH, looks_like_headline, paragraph_segments

NEUTRAL_TITLE = "News report"
OBJECT_ID = re.compile(r"[0-9a-f]{24}(?=\)?\s*$)")  # "ObjectId(5c…)", once "ObjectId5c…)"
WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+")
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "who"}
OUTLETS = {"cbc news": "cbc", "ctvnews": "ctv", "global news": "global", "huffingtonpost": "huffpost",
           "nationalpost": "nationalpost", "the globe and mail": "globe", "thestar": "star"}


def quotations(cell: str | None) -> list[dict]:
    """The table's JSON list; a cell that opens a second list inside the first ("} [ {") counts both."""
    found, text, position = [], re.sub(r"\}\s*\[\s*\{", "}, {", (cell or "").strip()), 0
    decoder = json.JSONDecoder(strict=False)
    while position < len(text):
        value, position = decoder.raw_decode(text, position)
        found += value if isinstance(value, list) else [value]
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
    return found


def find(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Where the quotation's words stand in the text, whatever lies between them (marks, paragraph breaks);
    of several places the one nearest the table's offset."""
    words = WORD.findall(quote)
    if not words:
        return None
    pattern = re.compile(r"[^0-9A-Za-z\u00C0-\u024F]+".join(map(re.escape, words)))
    places = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return min(places, key=lambda place: abs(place[0] - near)) if places else None


def speaker(quotation: dict) -> str | None:
    """The annotator's resolved person; else the speaker as written, unless it is a bare pronoun."""
    for field in ("reference", "speaker"):
        name = " ".join(str(quotation.get(field) or "").split())
        if name and name.lower() not in PRONOUNS:
            return name
    return None


def located(text: str, annotations: list[dict], shift: int) -> list[dict]:
    """Each annotated quotation with its place in the text ("range") and its speaker."""
    out = []
    for quotation in annotations:
        offsets = re.findall(r"\d+", str(quotation.get("quote_index") or ""))
        near = int(offsets[0]) + shift if offsets else 0
        place = find(text, str(quotation.get("quote") or ""), near)
        if place:
            out.append({"content": [place], "speaker": speaker(quotation),
                        "written": " ".join(str(quotation.get("speaker") or "").split())})
    return out


def convert(body: str, annotations: list[dict], source: str) -> tuple[str, dict]:
    text = f"{NEUTRAL_TITLE}\n\n{body.strip()}\n"
    attributions = located(text, annotations, len(NEUTRAL_TITLE) + 2)
    paragraphs = list(PARAGRAPH.finditer(text))
    segments = [{"kind": "title", "text": paragraphs[0].group(0).strip()}]
    for para in paragraphs[1:]:
        pieces = paragraph_segments(text, para, attributions, lambda attribution: attribution["speaker"],
                                    shorter_wins_ties=False)
        if len(pieces) == 1 and pieces[0]["kind"] == "narration" and looks_like_headline(pieces[0]["text"]):
            pieces[0]["either"] = True
        segments += pieces
    used = {s["speaker"] for s in segments if s.get("speaker")}
    aliases: dict[str, set[str]] = {}
    for attribution in attributions:
        name, written = attribution["speaker"], attribution["written"]
        if name in used and written and written != name and written.lower() not in PRONOUNS:
            aliases.setdefault(name, set()).add(written)
    gold = {"source": source, "note": "Converted from the Gender Gap Tracker's annotated quotes by "
            "benchmarks/ggt_gold.py; the first line stands for the missing headline.",
            "speakers": {name: sorted(aliases.get(name, ())) for name in sorted(used)},
            "segments": segments}
    return text, gold


def read_table(folder: Path) -> list[dict]:
    try:
        import openpyxl
    except ImportError:
        raise SystemExit("Reading the annotation table needs openpyxl: pip install openpyxl.") from None
    tables = sorted(folder.glob("*.xlsx"))
    if not tables:
        raise SystemExit(f"{folder} holds no annotation table (*.xlsx).")
    rows = [list(row) for row in openpyxl.load_workbook(tables[0], read_only=True).active
            .iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(rows) if "quotations" in row)
    names = rows[header]
    return [dict(zip(names, row, strict=False)) for row in rows[header + 1 :] if any(row)]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("Give the folder with rawtext/ and the annotation table, and an output folder.")
        return 2
    folder, out = Path(argv[0]), Path(argv[1])
    if not (folder / "rawtext").is_dir():
        print(f"{folder} has no rawtext/ folder; give the Gender Gap Tracker's evaluation folder.")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    written = quotes = 0
    for row in read_table(folder):
        match = OBJECT_ID.search(str(row.get("_id") or ""))
        raw = folder / "rawtext" / f"{match.group(0)}.txt" if match else None
        if raw is None or not raw.is_file():
            continue
        outlet = OUTLETS.get(str(row.get("outlet") or "").strip().lower(), "other")
        name = f"{outlet}_{match.group(0)}"
        text, gold = convert(raw.read_text(encoding="utf-8"), quotations(row.get("quotations")), f"{name}.txt")
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        written += 1
        quotes += sum(1 for s in gold["segments"] if s.get("speaker"))
    print(f"Wrote {written} articles ({quotes} gold quote segments with a speaker) to {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
