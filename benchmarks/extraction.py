"""How much of each saved web page's true article body the reader keeps, and how much else it reads.

usage: python benchmarks/extraction.py DIR [--show N | --refused | --page ID | --snippets | --documents]

DIR holds saved pages with known article bodies in the layout of the public article-extraction benchmark
(`ground-truth.json` mapping a page id to {"articleBody": ...}, and `html/<id>.html.gz` or `.html`). Pages
are split by sorted id: every 5th is held out (our own check, never looked at while developing), the rest
are the dev part. For each part the table gives

- word recall: share of the body's words (as a multiset) that the reader kept, mean and worst page;
- extra words: share of the words read that are not in the body (furniture), mean over pages;
- shingle F1: the benchmark's own metric (4-word shingles, precision and recall averaged over pages);
- refused / failed: pages the reader refused (InputError) or crashed on; both should be zero.

Only the article's blocks are compared (the title is read too, but the benchmark's bodies leave it out).
`--show N` also lists the N dev pages with the lowest recall and with the most extra words (held-out pages
are only counted, never named: their lowest recalls are listed by the numbers alone, so that they stay a
real check). `--refused` lists the dev pages refused or failed, with their true body's size and the
reader's sentence. `--page ID` (a dev page's id, or its
first characters) prints what the reader missed of that page's true body, each run of missing words with
a few words around it, and the words it read that are not in the body.

DIR may instead hold pages in the CleanEval layout (`input/ID.html`, `GoldStandard/ID.txt`), as the
merged public copies of Dragnet's data and of L3S-GN1 have them (the folders `dragnet_data` and
`page-signal-master` of github.com/j-szulc/html-cleaning-dataset-merged; 1,381 and 621 news and blog
pages). Their bodies hold the headline, so the reader's title is compared too, and the table's "title in gold" is the
share of pages whose title's words stand mostly in the body's first lines (`--titles` lists the dev pages
where they do not); L3S-GN1's body is the text
its annotators marked as headline or full text, so captions and other "supplemental" text count as extra.
The same split applies: every 5th page by sorted id is held out.

`--snippets` scores another layout instead: trafilatura's own test pages (`evaldata.json` naming, for
each page in `eval/` or `cache/`, snippets that must be read ("with") and must not ("without")): the share
of "with" snippets read and of "without" snippets left out, dev and held-out (every 5th page by URL).

`--documents` instead sets each true body (those in Latin-1, which the PDF core fonts cover) as a
two-column PDF with a running header, a running footer and page numbers, long words hyphenated at line
ends (fpdf2, from the `test` extra), and as a DOCX (python-docx), and reads them back: the same table,
plus how many running headers or page numbers were read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.errors import InputError  # noqa: E402
from briefing.read import article_from_bytes  # noqa: E402

TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def shingle_counts(text: str, n: int = 4) -> Counter:
    """As the benchmark's evaluate.py: case-sensitive \\w+ tokens joined in runs of four."""
    words = TOKEN.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def shingle_scores(true: str, pred: str) -> tuple[float, float]:
    """(precision, recall) of one page's shingles, as the benchmark defines them."""
    truth, guess = shingle_counts(true), shingle_counts(pred)
    tp = sum((truth & guess).values())
    fp, fn = sum((guess - truth).values()), sum((truth - guess).values())
    precision = 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    recall = 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return precision, recall


def word_scores(true: str, pred: str) -> tuple[float, float]:
    """(recall, extra share) over words as multisets, case-insensitive."""
    truth, guess = Counter(tokens(true)), Counter(tokens(pred))
    kept = sum((truth & guess).values())
    recall = kept / max(1, sum(truth.values()))
    extra = sum((guess - truth).values()) / max(1, sum(guess.values()))
    return recall, extra


# Dragnet's gold bodies put the readers' comments after a line "!@#$%^&*()  COMMENTS"; ten of them have the
# mark typed a little differently ("!@ $%^&*()", "@#$%^&*()", "!@#$%^&*   COMMENTS"), which must cut there too
COMMENTS_MARK = re.compile(r"^[ \t]*(?=[!@#$%^&*() \t]*\^&\*)[!@#$%^&*() \t]{5,}(?:COMM|CORR|$)", re.MULTILINE)


def is_gold_standard(folder: Path) -> bool:
    return not (folder / "ground-truth.json").exists() and (folder / "GoldStandard").is_dir()


def load_pages(folder: Path) -> list[tuple[str, bytes, str]]:
    if is_gold_standard(folder):
        return load_gold_standard(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        packed, plain = folder / "html" / f"{key}.html.gz", folder / "html" / f"{key}.html"
        raw = gzip.decompress(packed.read_bytes()) if packed.exists() else plain.read_bytes()
        pages.append((key, raw, truth[key].get("articleBody", "")))
    return pages


def load_gold_standard(folder: Path) -> list[tuple[str, bytes, str]]:
    """The CleanEval layout (`input/ID.html`, `GoldStandard/ID.txt`), as the merged public copies of
    Dragnet's and L3S-GN1's data use it. A Dragnet body ends at its comments mark; an L3S-GN1 body is the
    page itself with the article's headline and full text marked (classes x-nc-sel1 and x-nc-sel2)."""
    pages = []
    for gold in sorted((folder / "GoldStandard").glob("*.txt")):
        page = folder / "input" / f"{gold.stem}.html"
        if not page.exists():
            continue
        true = gold_text(gold.read_bytes())
        if "x-nc-sel" in true[:20000]:
            true = marked_text(true)
        pages.append((gold.stem, page.read_bytes(), COMMENTS_MARK.split(true, maxsplit=1)[0]))
    return pages


def gold_text(raw: bytes) -> str:
    """A gold body's text: UTF-8 (with or without its byte-order mark), or UTF-16 by its byte-order mark, as
    five of Dragnet's bodies are saved (read as UTF-8 they fall apart into single letters)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8-sig", errors="replace")


def marked_text(annotated: str) -> str:
    """The text an L3S-GN1 page marks as headline or full text, block by block in page order."""
    from lxml import html

    tree = html.fromstring(annotated)
    marked = [e for e in tree.iter() if isinstance(e.tag, str)
              and set(e.get("class", "").split()) & {"x-nc-sel1", "x-nc-sel2"}]
    outer = [e for e in marked if not any(a in marked for a in e.iterancestors())]
    return "\n\n".join(" ".join(e.text_content().split()) for e in outer)


def read_body(key: str, raw: bytes, titled: bool = False) -> tuple[str, str, str]:
    """The article's blocks as the reader gives them (after its title, if `titled`: the gold bodies of the
    CleanEval layout hold the headline); "ok", "refused" or "failed"; and the reader's message when it refused
    or failed."""
    body, _, status, why = read_titled(key, raw, titled)
    return body, status, why


def read_titled(key: str, raw: bytes, titled: bool = False) -> tuple[str, str, str, str]:
    """As `read_body`, with the reader's title apart as the second item."""
    try:
        article = article_from_bytes(raw, f"{key}.html")
    except InputError as error:
        return "", "", "refused", str(error).removeprefix(f"{key}.html ")
    except Exception as error:  # a crash is a result to count here, not a reason to stop
        return "", "", "failed", repr(error)
    title = [article.title.text] if titled and article.title else []
    return "\n\n".join([*title, *(block.text for block in article.blocks)]), "".join(title), "ok", ""


GOLD_OPENING_LINES = 3  # a gold body of the CleanEval layout opens with its headline (and a byline, a date)
TITLE_WORDS_IN_GOLD = 0.6


def title_in_gold(title: str, true: str) -> bool:
    """The reader's title is the article's headline: most of its words stand in the gold body's first lines,
    where the headline is (a site's name or a section's label as the title is not)."""
    words = tokens(title)
    opening = set(tokens(" ".join([line for line in true.splitlines() if line.strip()][:GOLD_OPENING_LINES])))
    return bool(words) and sum(word in opening for word in words) >= TITLE_WORDS_IN_GOLD * len(words)


def evaluate(pages: list[tuple[str, bytes, str]], titled: bool = False) -> list[dict]:
    rows = []
    for key, raw, true in pages:
        started = time.perf_counter()
        pred, title, status, why = read_titled(key, raw, titled)
        recall, extra = word_scores(true, pred)
        precision, shingle_recall = shingle_scores(true, pred)
        rows.append({"page": key, "status": status, "why": why, "recall": recall, "extra": extra,
                     **({"title": title, "title ok": title_in_gold(title, true)} if titled else {}),
                     "precision": precision, "body words": len(tokens(true)), "read words": len(tokens(pred)),
                     "shingle_recall": shingle_recall, "seconds": time.perf_counter() - started})
    return rows


TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u200b": ""})
HEADER, FOOTER = "The Benchmark Gazette - Saturday Edition", "benchmark-gazette.example"


def two_column_pdf(title: str, paragraphs: list[str]) -> bytes:
    """The paragraphs flowed line by line through two columns and over pages, as a newspaper sets them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    state = {"page": 0, "column": 0, "y": 0.0}

    def next_page():
        pdf.add_page()
        state.update(page=state["page"] + 1, column=0, y=25.0)
        pdf.set_font("Helvetica", size=8)
        for x, y, text in ((15, 10, HEADER), (15, 285, f"Page {state['page']}"), (150, 285, FOOTER)):
            pdf.set_xy(x, y)
            pdf.cell(0, 5, text)

    def place(text: str, size: int, width: float, style: str = "") -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        height = size * 0.5
        for line in pdf.multi_cell(width, height, text, dry_run=True, output="LINES"):
            if state["y"] + height > 275:
                if state["column"] == 0:
                    state.update(column=1, y=25.0 if state["page"] > 1 else 45.0)
                else:
                    next_page()
                    pdf.set_font("Helvetica", style=style, size=size)
            pdf.set_xy(15 + state["column"] * 95, state["y"])
            pdf.cell(width, height, line)
            state["y"] += height
        state["y"] += 3

    next_page()
    place(title, 18, 180, "B")
    state["y"] = 45.0
    for paragraph in paragraphs:
        place(" ".join(w[:4] + "\u00ad" + w[4:] if len(w) > 8 and w.isalpha() else w for w in paragraph.split()),
              10, 85)
    return bytes(pdf.output())


def word_document(title: str, paragraphs: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def evaluate_documents(pages: list[tuple[str, bytes, str]]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {"pdf": [], "docx": []}
    for key, _, true in pages:
        paragraphs = [" ".join(p.translate(TYPOGRAPHY).split()) for p in true.split("\n") if p.strip()]
        if not paragraphs or not all(p.encode("latin-1", "ignore").decode("latin-1") == p for p in paragraphs):
            continue
        title = f"Benchmark article {key[:8]}"
        for kind, make in (("pdf", two_column_pdf), ("docx", word_document)):
            pages_as_document = [(key, make(title, paragraphs), true)]
            row = evaluate(pages_as_document)[0]
            body = read_body(key, pages_as_document[0][1])[0]
            row["furniture"] = sum(body.count(text) for text in (HEADER, FOOTER)) + len(
                re.findall(r"\bPage \d+\b", body))
            rows[kind].append(row)
    return rows


def evaluate_snippets(folder: Path) -> dict[str, dict]:
    """Share of must-read snippets read and of must-not snippets left out, per part."""
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    totals = {part: Counter() for part in ("dev", "held-out")}
    for index, url in enumerate(sorted(data)):
        item = data[url]
        path = next((folder / d / item["file"] for d in ("eval", "cache") if (folder / d / item["file"]).exists()),
                    None)
        if path is None:
            continue
        try:
            article = article_from_bytes(path.read_bytes(), url)
            text = " ".join([article.title.text, *(block.text for block in article.blocks)])
            status = "ok"
        except InputError:
            text, status = "", "refused"
        except Exception:  # counted, not fatal
            text, status = "", "failed"
        text = " ".join(text.split())
        total = totals["held-out" if index % 5 == 4 else "dev"]
        total["pages"] += 1
        total[status] += 1
        for snippet in item.get("with", []):
            total["with"] += 1
            total["with read"] += " ".join(snippet.split()) in text
        for snippet in item.get("without", []):
            total["without"] += 1
            total["without left out"] += " ".join(snippet.split()) not in text
    return {part: {"pages": t["pages"], "with read": t["with read"] / max(1, t["with"]),
                   "without left out": t["without left out"] / max(1, t["without"]),
                   "refused": t["refused"], "failed": t["failed"]} for part, t in totals.items()}


def summary(rows: list[dict]) -> dict:
    precision = statistics.mean(r["precision"] for r in rows)
    recall = statistics.mean(r["shingle_recall"] for r in rows)
    return {"pages": len(rows), "word recall": statistics.mean(r["recall"] for r in rows),
            "worst recall": min(r["recall"] for r in rows),
            "extra words %": 100 * statistics.mean(r["extra"] for r in rows),
            "shingle F1": 2 * precision * recall / (precision + recall),
            "refused": sum(r["status"] == "refused" for r in rows),
            "failed": sum(r["status"] == "failed" for r in rows),
            **({"furniture read": sum(r["furniture"] for r in rows)} if rows and "furniture" in rows[0] else {}),
            **({"title in gold": statistics.mean(r["title ok"] for r in rows)} if rows and "title ok" in rows[0]
               else {}),
            "ms/page": 1000 * statistics.mean(r["seconds"] for r in rows)}


def print_table(parts: dict[str, list[dict]]) -> None:
    columns = list(summary(next(iter(parts.values()))))
    print(f"{'part':10}" + "".join(f"{c:>15}" for c in columns))
    for name, rows in parts.items():
        values = summary(rows)
        print(f"{name:10}" + "".join(f"{v:>15.3f}" if isinstance(v, float) else f"{v:>15}"
                                     for v in values.values()))


def print_worst(name: str, rows: list[dict], count: int) -> None:
    for key, label in (("recall", "lowest recall"), ("extra", "most extra words")):
        ranked = sorted(rows, key=lambda r: r[key], reverse=key == "extra")[:count]
        print(f"\n{name}, {label}:")
        for row in ranked:
            print(f"  {row['page'][:16]}  recall {row['recall']:.3f}  extra {100 * row['extra']:5.1f} %  "
                  f"{row['status']}")


def print_refused(rows: list[dict]) -> None:
    """The dev pages the reader refused or failed on, with their true body's size and the reader's words."""
    print("\ndev, refused or failed:")
    for row in (r for r in rows if r["status"] != "ok"):
        print(f"  {row['page'][:16]:16}  body words {row['body words']:5}  {row['status']}: {row['why']}")


def print_numbers_only(name: str, rows: list[dict], count: int) -> None:
    """The lowest-recall pages of a part by their numbers alone: no id, so that none is looked at."""
    print(f"\n{name}, lowest recall (numbers only):")
    for row in sorted(rows, key=lambda r: r["recall"])[:count]:
        print(f"  recall {row['recall']:.3f}  extra {100 * row['extra']:5.1f} %  body words {row['body words']:5}  "
              f"read words {row['read words']:5}  {row['status']}")


def differences(true: str, pred: str, context: int = 6) -> tuple[list[str], list[str]]:
    """The runs of true-body words the reading lacks and of read words the body lacks, each shown with
    `context` words of its own text around it in [brackets]."""
    import difflib

    truth, guess = TOKEN.findall(true), TOKEN.findall(pred)
    matcher = difflib.SequenceMatcher(None, [t.lower() for t in truth], [g.lower() for g in guess], autojunk=False)
    missing, extra = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            missing.append(_in_context(truth, i1, i2, context))
        if tag in ("insert", "replace"):
            extra.append(_in_context(guess, j1, j2, context))
    return missing, extra


def _in_context(words: list[str], start: int, end: int, context: int) -> str:
    before, after = words[max(0, start - context):start], words[end:end + context]
    return f"{' '.join(before)} [{' '.join(words[start:end])}] {' '.join(after)}".strip()


def print_page(pages: list[tuple[str, bytes, str]], prefix: str, titled: bool = False) -> None:
    found = [(i, page) for i, page in enumerate(pages) if page[0].startswith(prefix)]
    if len(found) != 1:
        sys.exit(f"{len(found)} pages have an id starting with {prefix!r}; give one page's id.")
    index, (key, raw, true) = found[0]
    if index % 5 == 4:
        sys.exit(f"{key} is a held-out page: it is only counted, never looked at.")
    pred, status, _ = read_body(key, raw, titled)
    recall, extra_share = word_scores(true, pred)
    print(f"{key}: {status}, recall {recall:.3f}, extra {100 * extra_share:.1f} %")
    missing, extra = differences(true, pred)
    for label, runs in (("missing", missing), ("extra", extra)):
        print(f"\n{label} ({sum(len(r.split('[')[1].split(']')[0].split()) for r in runs)} words):")
        for run in runs:
            print(f"  {run}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=0, help="list the N worst dev pages")
    parser.add_argument("--page", help="a dev page's id (or its start): its missing and extra words in context")
    parser.add_argument("--titles", action="store_true",
                        help="list the dev pages whose title is not the gold's headline")
    parser.add_argument("--refused", action="store_true", help="list the dev pages refused or failed, and why")
    parser.add_argument("--documents", action="store_true", help="the true bodies as PDF and DOCX instead")
    parser.add_argument("--snippets", action="store_true", help="FOLDER is trafilatura's tests folder")
    args = parser.parse_args()
    if args.snippets:
        results = evaluate_snippets(args.folder)
        columns = list(next(iter(results.values())))
        print(f"{'part':10}" + "".join(f"{c:>18}" for c in columns))
        for name, values in results.items():
            print(f"{name:10}" + "".join(f"{v:>18.3f}" if isinstance(v, float) else f"{v:>18}"
                                         for v in values.values()))
        return
    pages = load_pages(args.folder)
    if args.page:
        print_page(pages, args.page, is_gold_standard(args.folder))
        return
    if args.documents:
        for name, part in (("dev", [p for i, p in enumerate(pages) if i % 5 != 4]),
                           ("held-out", [p for i, p in enumerate(pages) if i % 5 == 4])):
            print_table({f"{name} {kind}": rows for kind, rows in evaluate_documents(part).items()})
        return
    rows = evaluate(pages, titled=is_gold_standard(args.folder))
    parts = {"dev": [r for i, r in enumerate(rows) if i % 5 != 4],
             "held-out": [r for i, r in enumerate(rows) if i % 5 == 4], "all": rows}
    print_table(parts)
    if args.refused:
        print_refused(parts["dev"])
    if args.titles:
        print("\ndev, title not in the gold's opening lines:")
        for row in (r for r in parts["dev"] if r.get("title ok") is False and r["status"] == "ok"):
            print(f"  {row['page'][:16]:16}  {row['title'][:80]!r}")
    if args.show:
        print_worst("dev", parts["dev"], args.show)
        print_numbers_only("held-out", parts["held-out"], args.show)


if __name__ == "__main__":
    main()
