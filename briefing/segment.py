"""Split an article into title, headlines, narration and quotes, and say who said each quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model import Article, Block, Script, Segment

# Opening mark -> the marks that may close it. "“" closes „ in German-style quotes.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“”", '"': '"'}
SENTENCE_END = ".!?…"
HEADLINE_MAX_WORDS = 16

SPEECH_VERBS = (
    "said|says|added|adds|stressed|affirmed|told|tells|explained|asked|answered|replied|noted|warned|"
    "declared|emphasized|emphasised|insisted|argued|continued|cautioned|wrote|announced|addressed|"
    "recalled|acknowledged|admitted|agreed|conceded|claimed|confirmed|observed|remarked|concluded|"
    "urged|vowed|promised|joked|laughed|shouted|whispered|pointed out|went on"
)
TITLES = r"(?:President|Prime Minister|Minister|Mayor|Governor|Senator|Councilman|Councilwoman|Councillor|" \
         r"Dr\.|Prof\.|Mr\.|Mrs\.|Ms\.|Sir|Dame|Judge|General|Chancellor|King|Queen|Pope|Rev\.|Chief)"
NAME_WORD = r"[A-Z][\w’'\-]*\.?"
NAME = rf"(?:{TITLES}\s+)*{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
PRONOUN = r"(?:he|she|He|She)"

AFTER_QUOTE = [
    re.compile(rf"^[\s,–—-]*(?:{SPEECH_VERBS})\s+(?P<name>{NAME})"),
    re.compile(rf"^[\s,–—-]*(?P<name>{NAME}|{PRONOUN})\s+(?:{SPEECH_VERBS})\b"),
]
BEFORE_QUOTE = re.compile(rf"(?P<name>{NAME}|{PRONOUN})\b[^.!?“”\"]*?\b(?:{SPEECH_VERBS})\b[^.!?“”\"]*[:,]\s*$")
TRAILING_ATTRIBUTION = re.compile(
    rf"(?:,\s*|\s+)(?:(?:{SPEECH_VERBS})\s+{NAME}|(?:{NAME}|{PRONOUN})\s+(?:{SPEECH_VERBS}))\s*[.!?]?\s*$"
)
TITLE_WORDS = re.compile(rf"^(?:(?:the|The)\s+)?{TITLES}\s+")


@dataclass(frozen=True)
class _Span:
    """A quoted stretch of a paragraph: where its marks and its words are (paragraph-relative)."""

    open_at: int
    start: int
    end: int
    close_at: int | None


def segment(article: Article) -> Script:
    """Turn an Article into a Script: one segment per voice change, every word kept, in order."""
    segments = [Segment("title", article.title.text, article.title.start, article.title.end, paragraph=0)]
    for number, block in enumerate(article.blocks, start=1):
        if is_headline(block.text):
            segments.append(Segment("headline", block.text, block.start, block.end, paragraph=number))
        else:
            segments.extend(_split_paragraph(block, number))
    return Script(title=article.title.text, language=article.language,
                  segments=tuple(attribute(segments, article.text)), source=article.source)


def is_headline(text: str) -> bool:
    """A short standalone line with no sentence punctuation at its end and no quotation marks."""
    if "\n" in text or any(mark in text for mark in "“”\"«»„"):
        return False
    words = text.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and text[-1] not in SENTENCE_END + ",;:" and text[0].isalnum()


def find_quotes(text: str) -> list[_Span]:
    """Quoted stretches of one paragraph. An unclosed quote ends at the paragraph's end, before a
    trailing attribution (", said Vladimir Putin"), or before the next opening mark."""
    spans: list[_Span] = []
    i = 0
    while i < len(text):
        if not _opens_quote(text, i):
            i += 1
            continue
        close_at = _find_close(text, i)
        if close_at is not None:
            spans.append(_Span(i, i + 1, close_at, close_at))
            i = close_at + 1
            continue
        end = len(text)
        for j in range(i + 1, len(text)):
            if _opens_quote(text, j):
                end = j
                break
        attribution = TRAILING_ATTRIBUTION.search(text, i + 1, end)
        if attribution and attribution.start() > i + 1:
            end = attribution.start() + (1 if text[attribution.start()] == "," else 0)
        while end > i + 1 and text[end - 1].isspace():
            end -= 1
        spans.append(_Span(i, i + 1, end, None))
        i = end
    return [span for span in spans if not _is_partial_quote(text, span)]


def _opens_quote(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in QUOTE_PAIRS:
        return False
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or (after.isspace() and ch != "«"):
        return False
    if ch == '"':
        before = text[i - 1] if i else " "
        return before.isspace() or before in "([{—–-:"
    return True


def _find_close(text: str, i: int) -> int | None:
    closers = QUOTE_PAIRS[text[i]]
    for j in range(i + 1, len(text)):
        ch = text[j]
        if ch in closers and not (ch == '"' and text[j - 1].isspace() and j + 1 < len(text)
                                  and not text[j + 1].isspace()):
            return j
        if ch != '"' and ch in QUOTE_PAIRS and ch not in closers and _opens_quote(text, j):
            return None
        if ch == '"' and closers != '"' and _opens_quote(text, j):
            return None
    return None


def _is_partial_quote(text: str, span: _Span) -> bool:
    """A few quoted words inside a narration sentence (called it "a giveaway") stay with the narrator."""
    inner = text[span.start : span.end].strip()
    if not inner:
        return True
    before = text[: span.open_at].rstrip()
    mid_sentence = bool(before) and (before[-1].isalnum() or before[-1] in "’'")
    if mid_sentence and inner[0].islower():
        return True
    after = text[span.close_at + 1 :].lstrip() if span.close_at is not None else ""
    return mid_sentence and len(inner.split()) <= 3 and bool(after) and after[0].islower()


def _split_paragraph(block: Block, paragraph: int) -> list[Segment]:
    pieces: list[Segment] = []
    cursor = 0
    for span in find_quotes(block.text):
        pieces += _piece("narration", block, cursor, span.open_at, paragraph)
        pieces += _piece("quote", block, span.start, span.end, paragraph)
        cursor = span.close_at + 1 if span.close_at is not None else span.end
    pieces += _piece("narration", block, cursor, len(block.text), paragraph)
    return pieces


def _piece(kind, block: Block, start: int, end: int, paragraph: int) -> list[Segment]:
    raw = block.text[start:end]
    text = raw.strip()
    if not re.search(r"\w", text):  # nothing to say: punctuation between two quotes
        return []
    offset = block.start + start + (len(raw) - len(raw.lstrip()))
    return [Segment(kind, text, offset, offset + len(text), paragraph)]


def attribute(segments: list[Segment], source: str) -> list[Segment]:
    """Give every quote a speaker: named next to it, or carried over from the quote before."""
    people = _Names(source)
    result = list(segments)
    last_speaker: str | None = None
    last_paragraph = -1
    for index, seg in enumerate(result):
        if seg.kind == "headline":
            last_speaker = None
        if seg.kind != "quote":
            continue
        name = _speaker_near(result, index)
        speaker = people.canonical(name, last_speaker) if name else None
        if speaker is None and seg.paragraph - last_paragraph <= 1:
            speaker = last_speaker
        result[index] = Segment(seg.kind, seg.text, seg.start, seg.end, seg.paragraph, speaker=speaker)
        if speaker:
            last_speaker, last_paragraph = speaker, seg.paragraph
    return result


def _speaker_near(segments: list[Segment], index: int) -> str | None:
    quote = segments[index]
    following = segments[index + 1] if index + 1 < len(segments) else None
    if following and following.kind == "narration" and following.paragraph == quote.paragraph:
        for pattern in AFTER_QUOTE:
            match = pattern.match(following.text)
            if match:
                return match.group("name")
    preceding = segments[index - 1] if index else None
    if preceding and preceding.kind == "narration" and preceding.paragraph == quote.paragraph:
        sentence = re.split(r"(?<=[.!?])\s+", preceding.text)[-1]
        match = BEFORE_QUOTE.search(sentence)
        if match:
            return match.group("name")
    return None


class _Names:
    """Resolves the names an article uses for one person ("Putin", "President Vladimir Putin") to one."""

    def __init__(self, source: str):
        self.full_names = re.findall(rf"{NAME_WORD}\s+{NAME_WORD}(?:\s+{NAME_WORD})?", source)

    def canonical(self, name: str, last_speaker: str | None) -> str | None:
        if name in ("he", "she", "He", "She"):
            return last_speaker
        bare = TITLE_WORDS.sub("", name).strip()
        while TITLE_WORDS.match(bare):
            bare = TITLE_WORDS.sub("", bare).strip()
        if not bare or bare.lower() in ("the", "president", "the president"):
            return last_speaker
        if " " in bare:
            return bare
        candidates = [TITLE_WORDS.sub("", full) for full in self.full_names if full.split()[-1] == bare]
        candidates = [c for c in candidates if c != bare and not TITLE_WORDS.match(c)]
        return max(candidates, key=candidates.count) if candidates else bare
