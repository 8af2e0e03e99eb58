"""Find the quoted stretches of a paragraph: which marks open and close them, and which are only a few quoted
words inside a narration sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.segment.patterns import UPPER, LanguagePattern, alternation

# Opening mark -> the marks that may close it. "“" closes „ in German-style quotes; 「」『』 are CJK quotes.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’", "「": "」", "『": "』", "‹": "›", "»": "«"}
MIXED_CLOSERS = {'"': "”", "“": '"'}
SENTENCE_PUNCTUATION = ".!?…,;:"
CLOSING_CONTEXT = " \t\n,.;:!?)]—–\"”»」』。，、！？"
# Two apostrophes stand for a double quote in some wire and archive texts (''Yes,'' she said).
DOUBLED_APOSTROPHE = re.compile(r"''")
# Dutch newspapers open a quote with two commas on the line: ,,We gaan door'', zei ze.
DOUBLED_COMMA_OPENING = re.compile(r"(?:^|(?<=[\s(\[{—–-]))(,,)(?=[\w‘'\"…])")
# ', said Dana Quill' / ' affirmed Quill' at a paragraph's end: where an unclosed quote stops.
TRAILING_ATTRIBUTION = LanguagePattern(lambda w: (
    rf"(?:,\s*|\s+)(?:{w.speech_verbs}\s+(?P<name>(?:{w.title}\s+)*{w.name})|"
    rf"(?P<name2>(?:{w.title}\s+)*{w.name}|{w.pronoun})\s+{w.speech_verbs})\s*[.!?]?\s*$"
))
# «Il ponte - ha detto Ada Neri - riapre a marzo», «No iremos —dijo el alcalde— a ninguna parte», « Le pont sera
# prêt, souligne-t-elle. Les travaux ... »: the narrator's aside inside a quote, a speech verb first, between
# two dashes (not "– say, Ann or Bo –"), or a verb with its pronoun joined on after a comma: narration that splits
# the quote in two
QUOTE_ASIDE = LanguagePattern(lambda w: (
    rf"(?:\s[–—-]\s*|\s?—\s*)(?:{w.speech_verbs})(?![\w,])[^–—«»“”„\"\n]{{0,80}}?(?:\s[–—-]|—)(?=\s)|"
    rf",\s+(?:{w.speech_verbs})-(?:t-)?(?:{w.pronoun}|{w.any_of('plural_pronouns')})(?!\w)"
    rf"[^,.;:!?«»“”„\"\n]{{0,60}}[,.](?=\s)|"
    # "« Le pont, explique Ada Neri, sera prêt »", "«Las obras, afirmó Eva Sanz en entrevista, terminan»", "„Die
    # Arbeiten, sagte er, sind fertig“": a speech verb after a comma, then its subject (a pronoun, a capital) or a
    # preposition, up to a comma or to a full stop that ends the sentence (a role alone, "apunta el juez", stays an
    # incise of the quote, which names it); a verb alone only before a full stop ("..., afirmou. Depois ...";
    # ", say, ..." is a filler). A verb with its object, a clause run on or a gerund is the speaker's own sentence
    # ("the plan she, said would fail", "ha detto che", "..., saying it twice. . ."); a relative clause after the
    # aside ("..., said Ann Lee, who ...") is the narrator's, not the quote going on
    rf",\s+(?!(?:{w.any_of('display_gerunds', 'reporting_gerunds')})(?!\w))(?:{w.speech_verbs})(?![\w’'-])"
    rf"(?!\s*,?\s*{w.any_of('complementizers')}(?!\w))"
    rf"(?=\s*\.|\s+(?:(?:{w.pronoun}|{w.any_of('plural_pronouns')}|{w.locative_word}|"
    rf"{w.any_of('verb_asides')})(?!\w)|[{UPPER}]))"
    rf"[^,.;:!?«»“”„\"\n–—]{{0,60}}?(?:,(?!\s+(?:{w.any_of('relatives')})(?!\w))|\.(?=\s+[{UPPER}]))(?=\s)"
))

# "— Мы готовы, — сказал он." : in languages that write dialogue with dashes, a paragraph opened by a dash is direct
# speech; it ends at a closing aside (a dash after the quote's punctuation and a speech verb, to the paragraph's end,
# with no dash after it: "— сказал он. — Мы ..." goes on, and QUOTE_ASIDE splits it out; "— сообщили в полиции":
# a plural verb whose institution speaks closes it too)
DIALOGUE_OPENING = LanguagePattern(lambda w: rf"\s*{alternation(w.vocab.dialogue_dashes)}\s*(?=[\w«„“\"…(])")
DIALOGUE_CLOSING_ASIDE = LanguagePattern(lambda w: (
    rf"(?<=[\w,.!?…»“”\"])\s*{alternation(w.vocab.dialogue_dashes)}\s*"
    rf"(?:{w.speech_verbs}|{w.any_of('institution_verbs')})(?!\w)[^\n—–]*$"))

# "the book "Nine Winters"", "Autor des Buches „...“", "la chanson « ... »", "компании «...»": quotation marks right
# after a noun that names a work, a title or an organisation hold a name, not speech
NAMED_WORK = LanguagePattern(lambda w: rf"(?<!\w){w.any_of('work_nouns')}\s*[:,]?\s*$")


@dataclass(frozen=True)
class _Span:
    """A quoted stretch of a paragraph: where its marks and its words are (paragraph-relative)."""

    open_at: int
    start: int
    end: int
    close_at: int | None
    partial: bool = False


def _mask_doubled_apostrophes(text: str) -> str:
    """The same text, same length, with each '' (and each Dutch opening ,,) made one straight double quote and a
    space, placed so that the usual rules see an opening mark before a word and a closing mark after one."""
    def swap(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else " "
        return ' "' if before.isspace() or before in "([{—–-:" else '" '

    if ",," in text:
        text = DOUBLED_COMMA_OPENING.sub(' "', text)
    return DOUBLED_APOSTROPHE.sub(swap, text) if "''" in text else text


def find_quotes(text: str) -> list[_Span]:
    """Quoted stretches of one paragraph. An unclosed quote ends at the paragraph's end, before a
    trailing attribution (", said Dana Quill"), or before the next opening mark. The name of a work after its noun
    (NAMED_WORK) is no quote."""
    masked = _mask_doubled_apostrophes(text)
    dialogue = _dialogue_span(text)
    spans = [dialogue] if dialogue else [
        _widen(text, span) for span in _raw_spans(masked) if not NAMED_WORK.search(text, 0, span.open_at)]
    found = [_Span(s.open_at, s.start, s.end, s.close_at, _is_partial_quote(text, s)) for s in spans]
    return [piece for span in found for piece in _around_asides(text, span)]


def _dialogue_span(text: str) -> _Span | None:
    """The direct speech of a paragraph opened by a dialogue dash, quotation marks inside it included; None when the
    paragraph does not open with one (or the language writes no dialogue with dashes)."""
    opening = DIALOGUE_OPENING.match(text)
    if opening is None:
        return None
    end = len(text)
    aside = DIALOGUE_CLOSING_ASIDE.search(text, opening.end())
    if aside:
        end = aside.start()
    while end > opening.end() and text[end - 1].isspace():
        end -= 1
    dash_at = opening.start() + len(opening.group()) - len(opening.group().lstrip())
    return _Span(dash_at, opening.end(), end, None) if end > opening.end() else None


def _around_asides(text: str, span: _Span) -> list[_Span]:
    """The pieces of a quote on either side of the narrator's asides inside it ("«A - ha detto Neri - B»"); the
    aside itself is left out, so it is read as narration. A partial quote is kept whole."""
    if span.partial:
        return [span]
    pieces, start, open_at = [], span.start, span.open_at
    for aside in QUOTE_ASIDE.finditer(text, span.start, span.end):
        if re.search(r"\w", text[start : aside.start()]) and re.search(r"\w", text[aside.end() : span.end]):
            pieces.append(_Span(open_at, start, aside.start(), None))
            start = open_at = aside.end()
    return [*pieces, _Span(open_at, start, span.end, span.close_at)] if pieces else [span]


def _widen(text: str, span: _Span) -> _Span:
    """A span found through a masked '' or ,, covers both characters of its marks."""
    open_at, close_at = span.open_at, span.close_at
    if open_at and text[open_at - 1 : open_at + 1] in ("''", ",,"):
        open_at -= 1
    if close_at is not None and text[close_at : close_at + 2] == "''":
        close_at += 1
    return _Span(open_at, span.start, span.end, close_at)


def _raw_spans(text: str) -> list[_Span]:
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
        end = _unclosed_end(text, i)
        spans.append(_Span(i, i + 1, end, None))
        i = max(end, i + 1)
    return spans


def _unclosed_end(text: str, i: int) -> int:
    end = next((j for j in range(i + 1, len(text)) if _opens_quote(text, j)), len(text))
    attribution = TRAILING_ATTRIBUTION.search(text, i + 1, end)
    if attribution and attribution.start() > i + 1:
        end = attribution.start() + (1 if text[attribution.start()] == "," else 0)
    while end > i + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_quote(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in QUOTE_PAIRS:
        return False
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or (after.isspace() and ch not in "«»"):
        return False
    before = text[i - 1] if i else " "
    if ch == '"':
        return before.isspace() or before in "([{—–-:"
    if ch == "‘":  # British style: opens only at the start of a word
        return (before.isspace() or before in "([{—–-:“\"") and (after.isalnum() or after in "‘“\"")
    if ch == "»":  # Danish/Swedish style »...« ; elsewhere » only closes
        return (before.isspace() or i == 0) and "«" in text[i + 1 :] and "«" not in text[:i]
    return True


def _find_close(text: str, i: int) -> int | None:
    if text[i] == "‘":
        return _find_single_close(text, i)
    closers = QUOTE_PAIRS[text[i]]
    nested = 0  # “quotes” inside a straight-quoted one
    straight_nested = 0  # "quotes" inside one: "Near the "Elm" stop," said X
    for j in range(i + 1, len(text)):
        ch = text[j]
        inner_opening = ch == '"' and text[j - 1].isspace() and j + 1 < len(text) and not text[j + 1].isspace()
        if ch in closers and not inner_opening and not (ch == '"' and straight_nested):
            return j
        if text[i] == ch == '"':  # a straight quote inside the straight quote opens (+1), or closes (-1)
            straight_nested += 2 * inner_opening - 1
            continue
        if text[i] == '"' and ch in "“”" and (ch == "“" or nested):  # a curly quote inside opens (+1), or closes (-1)
            nested += 2 * (ch == "“") - 1
            continue
        if ch in MIXED_CLOSERS.get(text[i], "") and _closes_here(text, j):
            return j  # straight and curly marks mixed in one quote ("We will,” said X / “We will," said X)
        if ch == text[i] != '"' and _opens_quote(text, j):
            return None  # the same mark opens again: this quote was never closed
        if ch == text[i] != '"' and not text[j - 1].isspace():
            return j  # the opening mark typed where the closing one belongs ("here,“ said X")
        if ch == '"' and closers != '"' and _opens_quote(text, j):
            return None
    return None


def _closes_here(text: str, j: int) -> bool:
    return not text[j - 1].isspace() and (j + 1 == len(text) or text[j + 1] in CLOSING_CONTEXT)


def _find_single_close(text: str, i: int) -> int | None:
    """The ’ that closes a ‘ quote. ’ is also the apostrophe (it’s, ’90s, rock ’n’ roll, the researchers’
    notes), so a closer must end a word and be followed by a space or punctuation; one after , . ! ? is surest."""
    candidates = []
    for j in range(i + 1, len(text)):
        if text[j] == "‘" and _opens_quote(text, j):
            break  # a new quote opens: this one was not closed
        following = text[j + 1] if j + 1 < len(text) else " "
        if text[j] == "’" and not text[j - 1].isspace() and following in CLOSING_CONTEXT:
            if text[j - 1] in ",.!?…":
                return j
            elided = text[j - 1] == "n" and text[j - 2 : j - 1] == "’"  # rock ’n’ roll
            candidates.append((text[j - 1] in "sz" or elided, j))
    if not candidates:
        return None
    return min(candidates)[1]


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
    if not mid_sentence or len(inner.split()) > 3:
        return False
    return (bool(after) and after[0].islower()) or (inner[-1] not in SENTENCE_PUNCTUATION and _is_name(inner))


def _is_name(inner: str) -> bool:
    """«Зелёная роща», "Nine Winters": a few words, the first capitalised, with no sentence's punctuation: a name in
    quotation marks (Russian capitalises only a name's first word)."""
    return inner[0].isupper()
