"""Turn PolNeAR's attribution annotations into the corpus's gold format, for benchmarks/segmentation.py.

usage: python benchmarks/polnear_gold.py POLNEAR_SPLIT_DIR OUT_DIR
       (e.g. /work/data/polnear/data/train /work/data/polnear-gold)

For each article it writes OUT_DIR/NAME.txt (the text, unchanged) and OUT_DIR/NAME.gold.json. The briefing voices
only direct speech, so a gold quote is text inside quotation marks that an annotated attribution's content covers,
with that attribution's source as the speaker; paraphrase stays narration. A source such as "he" is resolved
through CoreNLP's coreference chains to the person's name. Quoted words inside a narration sentence (called it
"a mess") and quoted words no attribution covers are marked "either": the reading may go either way. Short lines
without sentence punctuation may be headlines or narration: "either" too.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
QUOTE_MARKS = {"“": "”", '"': '"', "''": "''", "«": "»"}
OPENING = re.compile(r"“|''|\"|«")
HEADLINE_MAX_WORDS = 16
# A source CoreNLP could not resolve to a name ("he", "said") says nothing about who spoke: no gold speaker.
UNRESOLVED = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "his", "its", "their", "this",
              "that", "who", "which", "me", "us", "one"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "president", "senator",
               "secretary", "governor", "mayor", "judge", "rev", "prof", "professor", "sir", "lord", "lady"}


def read_ann(path: Path) -> list[dict]:
    """Attributions: {content: [(start, end)], source: [(start, end)] or []}."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = (label, [tuple(int(x) for x in r.split()) for r in ranges.split(";")])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    attributions = []
    for relation in relations:
        content = [r for key in ("Content", "Content2") if key in relation for r in spans[relation[key]][1]]
        source = spans[relation["Source"]][1] if "Source" in relation else []
        if content:
            attributions.append({"content": content, "source": source})
    return attributions


class Coref:
    """CoreNLP tokens and coreference chains of one article, looked up by character offsets."""

    def __init__(self, path: Path) -> None:
        root = ET.parse(path).getroot()
        self.sentences = []
        for sentence in root.iter("sentence"):
            tokens = sentence.find("tokens")
            if tokens is None:
                continue
            self.sentences.append([(int(t.findtext("CharacterOffsetBegin")), int(t.findtext("CharacterOffsetEnd")),
                                    t.findtext("word"), t.findtext("NER"), t.findtext("POS")) for t in tokens])
        self.chains = []
        outer = root.find(".//coreference")
        for chain in outer.findall("coreference") if outer is not None else []:
            mentions = []
            for mention in chain.findall("mention"):
                sentence = self.sentences[int(mention.findtext("sentence")) - 1]
                tokens = sentence[int(mention.findtext("start")) - 1 : int(mention.findtext("end")) - 1]
                if tokens:
                    mentions.append(tokens)
            self.chains.append(mentions)

    def tokens_in(self, start: int, end: int) -> list[tuple]:
        return [t for s in self.sentences for t in s if t[0] < end and t[1] > start]

    def chain_of(self, start: int, end: int) -> list[list[tuple]]:
        best, best_overlap = [], 0
        for chain in self.chains:
            for tokens in chain:
                overlap = min(end, tokens[-1][1]) - max(start, tokens[0][0])
                inside = tokens[0][0] >= start and tokens[-1][1] <= end
                if overlap > best_overlap and (inside or overlap >= (end - start) * 0.5):
                    best, best_overlap = chain, overlap
        return best


def person_name(tokens: list[tuple], text: str) -> str | None:
    """The longest run of PERSON tokens (titles dropped), as written in the text."""
    runs, run = [], []
    for token in tokens:
        if token[3] == "PERSON" and token[2].lower().rstrip(".") not in TITLE_WORDS:
            run.append(token)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    run = max(runs, key=len)
    return text[run[0][0] : run[-1][1]] if run else None


def speaker_of(source: list[tuple[int, int]], coref: Coref | None, text: str) -> str | None:
    """The source's own name; for a pronoun or a role, the name of the nearest earlier mention (else the nearest
    later one) of the same entity in CoreNLP's coreference chain; else the source as written."""
    if not source:
        return None
    start, end = source[0][0], source[-1][1]
    written = " ".join(text[a:b] for a, b in source).strip()
    if coref is None:
        return written
    own = person_name(coref.tokens_in(start, end), text)
    if own:
        return own
    named = [(tokens[0][0], name) for tokens in coref.chain_of(start, end)
             if (name := person_name(tokens, text))]
    earlier = [item for item in named if item[0] < start]
    if earlier:
        return max(earlier)[1]
    return min(named)[1] if named else written


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(open_at, inner_start, inner_end, close_end) for each top-level quotation in text[start:end]. An unclosed
    quotation runs to the paragraph's end (the next paragraph opens again)."""
    spans, i = [], start
    while True:
        match = OPENING.search(text, i, end)
        if not match:
            return spans
        mark = match.group(0)
        close = text.find(QUOTE_MARKS[mark], match.end(), end)
        inner_end = close if close >= 0 else end
        spans.append((match.start(), match.end(), inner_end, inner_end + len(QUOTE_MARKS[mark]) if close >= 0
                      else end))
        i = spans[-1][3]
        if i >= end:
            return spans


def is_embedded(text: str, para_start: int, span: tuple[int, int, int, int]) -> bool:
    """Quoted words inside a narration sentence ("called it “a mess” on Monday")."""
    inner = text[span[1] : span[2]].strip()
    if not inner or inner[0].islower():
        return True
    before = text[para_start : span[0]].rstrip()
    after = text[span[3] :].lstrip()
    mid = bool(before) and (before[-1].isalnum() or before[-1] in "’'")
    return mid and (len(inner.split()) <= 3 or (bool(after) and after[0].islower()))


def overlap(a: tuple[int, int], ranges: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in ranges)


def paragraph_segments(text, para, attributions, speaker_for) -> list[dict]:
    start, end = para.start(), para.end()
    segments, cursor = [], start
    for span in quoted_spans(text, start, end):
        inner = (span[1], span[2])
        best = max(attributions, key=lambda a: (overlap(inner, a["content"]), -sum(e - s for s, e in a["content"])),
                   default=None)
        covered = best is not None and overlap(inner, best["content"]) >= 0.5 * max(1, span[2] - span[1])
        if text[cursor : span[0]].strip():
            segments.append({"kind": "narration", "text": text[cursor : span[0]].strip()})
        quote = {"kind": "quote", "text": text[span[1] : span[2]].strip()}
        if not covered:
            quote = {"kind": "narration", "either": True, "text": quote["text"]}
        elif is_embedded(text, start, span):
            quote["either"] = True
        else:
            speaker = speaker_for(best)
            if speaker:
                quote["speaker"] = speaker
        if quote["text"]:
            segments.append(quote)
        cursor = span[3]
    if text[cursor:end].strip():
        segments.append({"kind": "narration", "text": text[cursor:end].strip()})
    return segments


def looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return len(words) <= HEADLINE_MAX_WORDS and paragraph.rstrip()[-1] not in ".!?\"”'"


NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
DETERMINERS = {"the", "a", "an"}


def name_words(name: str) -> list[str]:
    """The words that identify a source: "Brent Bozell III, founder of X," -> [brent, bozell]; "The narrator" and
    "a narrator" -> [narrator]."""
    words = [w.rstrip(".").lower() for w in name.split(",")[0].split()]
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def canonical_names(found: dict[int, str]) -> dict[str, str]:
    """Every name -> the longest name in the article with the same last word and no other first name (Clinton ->
    Hillary Clinton, but Bill Clinton stays Bill Clinton); a bare surname shared by two people goes to the first.
    Suffixes, determiners and a description after a comma do not make another person."""
    names = sorted(set(found.values()), key=lambda n: (-len(name_words(n)), "," in n, -len(n)))
    canonical: dict[str, str] = {}
    for name in names:
        words = name_words(name)
        canonical[name] = next((full for full in names if (full_words := name_words(full))[-1] == words[-1]
                                and len(full_words) >= len(words)
                                and (len(words) == 1 or full_words[0] == words[0])), name)
    return canonical


def convert(text: str, attributions: list[dict], coref: Coref | None, source: str) -> dict:
    found = {}
    for number, attribution in enumerate(attributions):
        name = speaker_of(attribution["source"], coref, text)
        if name:
            found[number] = name
            attribution["number"] = number
    canonical = canonical_names(found)
    aliases: dict[str, set[str]] = {}
    for number, name in found.items():
        written = " ".join(text[a:b] for a, b in attributions[number]["source"]).strip()
        aliases.setdefault(canonical[name], set()).update({name, written})

    def speaker_for(attribution):
        name = found.get(attribution.get("number"))
        if not name or name.lower() in UNRESOLVED or (" " not in name and name.islower()):
            return None  # an unresolved pronoun, or a stray word
        return canonical[name]

    paragraphs = list(PARAGRAPH.finditer(text))
    segments = [{"kind": "title", "text": paragraphs[0].group(0).strip()}] if paragraphs else []
    for para in paragraphs[1:]:
        pieces = paragraph_segments(text, para, attributions, speaker_for)
        if len(pieces) == 1 and pieces[0]["kind"] == "narration" and looks_like_headline(pieces[0]["text"]):
            pieces[0]["either"] = True
        segments += pieces
    used = {s.get("speaker") for s in segments if s.get("speaker")}
    return {"source": source, "note": "Converted from PolNeAR attributions by benchmarks/polnear_gold.py.",
            "speakers": {name: sorted(forms - {name}) for name, forms in aliases.items() if name in used},
            "segments": segments}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("Give the PolNeAR split folder (with text/, attributions/, corenlp/) and an output folder.")
        return 2
    split, out = Path(argv[0]), Path(argv[1])
    if not (split / "text").is_dir() or not (split / "attributions").is_dir():
        print(f"{split} has no text/ and attributions/ folders; give a PolNeAR split such as data/train.")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for text_path in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        corenlp = split / "corenlp" / f"{text_path.name}.xml"
        coref = Coref(corenlp) if corenlp.exists() else None
        gold = convert(text, read_ann(annotations[0]), coref, text_path.name)
        (out / text_path.name).write_text(text, encoding="utf-8")
        (out / f"{text_path.stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")
        written += 1
    print(f"Wrote {written} articles with gold readings to {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
