"""Turn PolNeAR's attribution annotations into the corpus's gold format, for benchmarks/segmentation.py.

usage: python benchmarks/polnear_gold.py POLNEAR_SPLIT_DIR OUT_DIR
       (e.g. /work/data/polnear/data/train /work/data/polnear-gold)

For each article it writes OUT_DIR/NAME.txt (the text, unchanged) and OUT_DIR/NAME.gold.json. The briefing voices
only direct speech, so a gold quote is text inside quotation marks that an annotated attribution's content covers,
with that attribution's source as the speaker; paraphrase stays narration. The speaker is the person the source
phrase is about: its own head name ("Varga spokeswoman Mara Holt" -> Mara Holt; not a possessor, a noun modifier
or the object of "for": "a spokesman for Ann Lee" stays that role); "X and Y" stays a group, an indefinite or
plural source ("a senior aide", "officials") stays as written, "who" takes the name before it. A pronoun or a
definite role ("the senator") is resolved through CoreNLP's coreference chain of that very phrase, only when the
chain is a person's (it holds a he or she), never to a name inside quotation marks or inside the attribution's own
content, and only to a name that agrees with the source's own proper nouns; a he/she the chains leave unresolved
goes to the previous attribution's named source when nobody else is named between. Every person then gets one
name, the fullest form the article gives (Marsh, Mrs. Marsh -> Ruth Marsh; a lone first name too), and
role phrases get their short forms as aliases. Quoted words inside a narration sentence (called it
"a mess") and quoted words no attribution covers are marked "either": the reading may go either way. Short lines
without sentence punctuation may be headlines or narration: "either" too.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
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
    """CoreNLP tokens and coreference chains of one article, looked up by character offsets. A token is (start,
    end, word, NER, POS); a mention is its tokens and its head token."""

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
                start, end = int(mention.findtext("start")) - 1, int(mention.findtext("end")) - 1
                head = int(mention.findtext("head") or start + 1) - 1
                if sentence[start:end]:
                    mentions.append((sentence[start:end], sentence[min(max(head, start), end - 1)]))
            self.chains.append(mentions)

    def appositive(self, mention: list[tuple]) -> list[tuple]:
        """The name set off by commas right after a mention ("Varga's eldest daughter, Ilse Varga,")."""
        sentence = next((s for s in self.sentences if mention[-1] in s), [])
        after = sentence[sentence.index(mention[-1]) + 1 :] if sentence else []
        if len(after) < 2 or after[0][2] != ",":
            return []
        run = next(iter(person_runs(after[1:6])), [])
        follows = after[1 + len(run) : 2 + len(run)]
        return run if run and run[0] is after[1] and (not follows or follows[0][4] in (",", ".")) else []

    def tokens_in(self, start: int, end: int) -> list[tuple]:
        return [t for s in self.sentences for t in s if t[0] < end and t[1] > start]

    def sentence_before(self, start: int) -> list[tuple]:
        """The tokens of the sentence holding `start` that come before it."""
        sentence = next((s for s in self.sentences if s[0][0] <= start < s[-1][1] + 1), [])
        return [t for t in sentence if t[1] <= start]

    def chain_of(self, start: int, end: int, source_tokens: list[tuple]) -> list[tuple]:
        """The chain of the mention that is the source itself: the one covering most of it, and not a mention of
        a word that only describes it ("his" in "his spokesman", "Marsh" in "a Marsh aide")."""
        best, best_overlap = [], 0
        for chain in self.chains:
            for tokens, head in chain:
                overlap = min(end, tokens[-1][1]) - max(start, tokens[0][0])
                if overlap <= best_overlap or not start <= head[0] < end:
                    continue
                if overlap >= (end - start) * 0.5 or not is_modifier(source_tokens, tokens):
                    best, best_overlap = chain, overlap
        return best


PREPOSITION_TAGS = {"IN", "TO"}
NOUN_TAGS = {"NN", "NNS"}
POSSESSIVE_TAGS = {"POS", "PRP$", "WP$"}


def is_modifier(phrase: list[tuple], part: list[tuple]) -> bool:
    """Whether `part` only describes the head of `phrase`: a possessor ("Marsh's aide", "his campaign"), a noun
    modifier ("the Marsh campaign", "a Varga spokesman") or the object of a preposition after a common noun ("a
    spokesman for Marsh"; not "Secretary of State John Abbot")."""
    starts = [t[0] for t in phrase]
    if not part or part[0][0] not in starts:
        return False
    at = starts.index(part[0][0])
    after = phrase[at + len(part) :]
    if part[-1][4] in POSSESSIVE_TAGS or (after and after[0][4] in POSSESSIVE_TAGS):
        return len(after) > (0 if part[-1][4] in POSSESSIVE_TAGS else 1)  # "Hassan's" alone is Hassan
    if after and after[0][4] in NOUN_TAGS:
        return True
    before = phrase[:at]
    commas = [i for i, t in enumerate(before) if t[2] in (",", "--", "-")]
    clause = before[commas[-1] + 1 :] if commas else before
    return any(t[4] in PREPOSITION_TAGS and i and clause[i - 1][4] in NOUN_TAGS for i, t in enumerate(clause))


def person_runs(tokens: list[tuple]) -> list[list[tuple]]:
    """Stretches of PERSON tokens, titles dropped."""
    runs, run = [], []
    for token in tokens:
        if token[3] == "PERSON" and token[2].lower().rstrip(".") not in TITLE_WORDS:
            run.append(token)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [run for run in runs if run]


def head_runs(tokens: list[tuple]) -> list[list[tuple]]:
    """The names a phrase is about, best first: not a possessor, noun modifier or object of a preposition; before
    the first comma the last one ("Clark County Sheriff Joe Brandt"), then those after it in order."""
    heads = [run for run in person_runs(tokens) if not is_modifier(tokens, run)]
    comma = next((t[0] for t in tokens if t[2] == ","), None)
    first_part = [run for run in heads if comma is None or run[0][0] < comma]
    return first_part[-1:] + [run for run in heads if run not in first_part[-1:]]


def is_list_of_names(tokens: list[tuple], heads: list[list[tuple]]) -> bool:
    """"Ann Lee and Bo Kim", "Ann Lee, Bo Kim and Cy Dunn": from the first name on, names joined by commas and a
    conjunction; not "Ann Lee, 65, who voted for Bo Kim but ..." (a description between)."""
    for one, other in itertools.pairwise(sorted(heads)):
        if is_group(tokens, one, other):
            return True
        between = [t for t in tokens if one[-1][0] < t[0] < other[0][0]]
        if len(between) > 3 or any(t[2] != "," and t[4] not in ("JJ", "CD") for t in between):
            return False
    return False


def is_group(tokens: list[tuple], one: list[tuple], other: list[tuple]) -> bool:
    """"Ann Lee and Bo Kim", "Mr. Lee and Ms. Kim": two names joined by a conjunction."""
    between = [t for t in tokens if one[-1][0] < t[0] < other[0][0]]
    described = any(t[4] == "DT" for t in between)  # "Ann Lee, the Bo and Cy Kim Chair": a description
    conjunction = any(t[2].lower() in ("and", "&", "or", "nor") for t in between)
    joined = conjunction and (len(between) <= 4 or between[0][4] == "CC") and not described
    return joined and one[0][0] < other[0][0]


def person_name(tokens: list[tuple], text: str) -> str | None:
    """The person a phrase is about, as written ("Varga spokeswoman Mara Holt" -> Mara Holt; "a spokesman for
    Ann Lee" -> none)."""
    heads = head_runs(tokens)
    return text[heads[0][0][0] : heads[0][-1][1]] if heads else None


PLURAL_PRONOUNS = {"they", "them", "we", "us", "their", "those", "these"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}
NAME_PARTICLES = {"de", "da", "van", "von", "der", "del", "la", "le", "bin", "al", "dos", "di", "du"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
INDEFINITE = {"a", "an", "one", "another", "some", "many", "several", "any", "other", "others", "most", "few"}


def speaker_of(source: list[tuple[int, int]], coref: Coref | None, text: str,
               away: list[tuple[int, int]] = ()) -> str | None:
    """The source's own name; for "who" the name just before it; for a pronoun or a definite role ("the
    senator"), the name of the nearest earlier mention (else the nearest later one) of the same entity in CoreNLP's
    coreference chain (see resolve_through_chain); else the source as written (a role stays the role)."""
    if not source:
        return None
    start, end = source[0][0], source[-1][1]
    written = " ".join(text[a:b] for a, b in source).strip()
    if coref is None:
        return first_part(written)
    tokens = coref.tokens_in(start, end)
    heads = head_runs(tokens)
    if is_list_of_names(tokens, heads):
        return written  # "Ann Lee and Bo Kim": a group
    if heads:
        return text[heads[0][0][0] : heads[0][-1][1]]
    first = written.split()[0].lower() if written.split() else ""
    if first in PLURAL_PRONOUNS or first in INDEFINITE or (tokens and tokens[-1][4] in ("NNS", "NNPS")):
        return written  # a group, or someone newly introduced: not a person named elsewhere
    if first in RELATIVE_PRONOUNS and len(tokens) == 1:
        runs = person_runs(coref.sentence_before(start)[-12:])
        if runs:
            return text[runs[-1][0][0] : runs[-1][-1][1]]
    return resolve_through_chain(coref, tokens, text, away) or first_part(written)


def resolve_through_chain(coref: Coref, tokens: list[tuple], text: str, away) -> str | None:
    """The name of the nearest earlier (else later) named mention of the source's entity: never one inside
    quotation marks or the attribution's own content (`away`), only one that agrees with the source's own proper
    nouns, and for a noun phrase ("the senator") only when the chain is a person's (it has a he or she)."""
    start, end = tokens[0][0], tokens[-1][1]
    chain = coref.chain_of(start, end, tokens)
    is_pronoun = len(tokens) == 1 and tokens[0][4] in ("PRP", "PRP$", "WP")
    if not is_pronoun and not any(m[0][2].lower() in PERSONAL_PRONOUNS for m, _ in chain if len(m) == 1):
        return None
    named = [(mention[0][0], name) for mention, _ in chain
             if not inside(mention[0][0], away) and (name := person_name(mention, text) or person_name(
                 coref.appositive(mention), text))]
    proper = {t[2].lower() for t in tokens if t[4] == "NNP" and t[3] in ("PERSON", "O")
              and t[2].lower().rstrip(".") not in TITLE_WORDS}
    named = [item for item in named if not proper or proper & set(item[1].lower().split())]
    earlier = [item for item in named if item[0] < start]
    if earlier:
        return max(earlier)[1]
    return min(named)[1] if named else None


def first_part(written: str) -> str:
    """"Bryan Lee, the campaign's Iowa director" -> "Bryan Lee": a capitalised phrase before an appositive."""
    head = written.split(",")[0].strip()
    words = head.split()
    is_name = bool(words) and words[-1][:1].isupper() and all(
        w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)
    if head != written and is_name:
        return head
    trailing = TRAILING_NAME.search(written)  # "former Massachusetts congressman Ann Lee" -> "Ann Lee"
    return trailing.group(1) if trailing and "," not in written else written


PREVIOUS_WITHIN = 400  # characters: the previous attribution is in the same or the previous paragraph


def previous_speaker(source, previous, name, coref: Coref | None, text: str, quoted) -> str | None:
    """"Ann Lee, a pastor, said ... . 'Go,' he said": a he/she source that CoreNLP's chains leave unresolved goes
    to the previous attribution's named source, when no other person is named outside quotation marks between the
    two and the text has not shown that person to be of the other gender."""
    if not (source and previous and coref and name) or name.lower() not in ("he", "she"):
        return None  # only a pronoun CoreNLP left unresolved: where it resolves, it is right more often
    start, (where, previous_name, run) = source[0][0], previous
    if start - where > PREVIOUS_WITHIN or start <= where or previous_name == name:
        return None
    between = [r for r in person_runs(coref.tokens_in(run[-1][1], start)) if not inside(r[0][0], quoted)]
    if between or gender_shown(coref, run) not in (None, text[source[0][0] : source[0][1]].lower()):
        return None
    return previous_name


def gender_shown(coref: Coref, run: list[tuple]) -> str | None:
    """"he" or "she", when the person's CoreNLP chain uses one and not the other."""
    chain = next((c for c in coref.chains for tokens, _ in c if run[-1] in tokens), [])
    words = {tokens[0][2].lower() for tokens, _ in chain if len(tokens) == 1}
    male, female = bool(words & {"he", "him", "his", "himself"}), bool(words & {"she", "her", "hers", "herself"})
    return "he" if male and not female else "she" if female and not male else None


def inside(position: int, ranges) -> bool:
    return any(a <= position < b for a, b in ranges)


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


def paragraph_segments(text, para, attributions, speaker_for, *, shorter_wins_ties: bool = True) -> list[dict]:
    """The paragraph as narration and quotes; each quote takes the attribution that covers most of it (of two
    that cover it equally, the shorter, unless `shorter_wins_ties` is off: then the first)."""
    start, end = para.start(), para.end()
    segments, cursor = [], start
    for span in quoted_spans(text, start, end):
        inner = (span[1], span[2])
        best = max(attributions, key=lambda a: (overlap(inner, a["content"]),
                                                -sum(e - s for s, e in a["content"]) if shorter_wins_ties else 0),
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
POSSESSIVE_END = re.compile(r"[’']s?$")


def name_words(name: str) -> list[str]:
    """The words that identify a source: "Brent Bozell III, founder of X," -> [brent, bozell]; "The narrator" and
    "a narrator" -> [narrator]."""
    words = [POSSESSIVE_END.sub("", w.rstrip(".").lower()) for w in name.split(",")[0].split()]
    while len(words) > 1 and (words[0] in DETERMINERS or words[0] in TITLE_WORDS):
        words = words[1:]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def canonical_names(found: dict[int, str], article_names: Counter | None = None) -> dict[str, str]:
    """Every speaker name -> the fullest form of that person's name among the speakers and the names the article
    writes (CoreNLP's PERSON runs): same last word and no other first name (Marsh -> Ruth Marsh, but Tom
    Marsh stays Tom Marsh); a lone first name ("Ruth") -> the one full name starting with it. A bare
    surname shared by two people goes to the one who speaks, else the one the article names most. Suffixes,
    titles, determiners and a description after a comma do not make another person."""
    article_names = article_names or Counter()
    speakers = set(found.values())
    pool = {name for name in speakers | set(article_names) if looks_like_name(name)}

    def rank(full: str) -> tuple:
        return (len(name_words(full)), full in speakers, article_names[full], "," not in full, -len(full), full)

    canonical: dict[str, str] = {}
    for name in speakers:
        words = name_words(name)
        if not words or not looks_like_name(name):
            canonical[name] = same_role(name, speakers)
            continue
        same = [full for full in pool if (full_words := name_words(full)) and full_words[-1] == words[-1]
                and len(full_words) >= len(words) and (len(words) == 1 or full_words[0] == words[0]
                                                       or full_words[-len(words) :] == words)]  # "Ortega García"
        if len(words) == 1 and len({n.lower() for n in same}) == 1:
            by_first = {full for full in pool if len(name_words(full)) > 1 and name_words(full)[0] == words[0]}
            same = list(by_first) if len(by_first) == 1 else same
        people = {name_words(full)[0] for full in same if len(name_words(full)) > 1}
        if len(people) > 1:  # a bare surname of two people: the one who speaks, else the one named most
            same = [full for full in same if full in speakers and len(name_words(full)) > 1] or same
        canonical[name] = max(same, key=rank, default=name)
    # a name that became another's form goes all the way to that one's canonical form
    return {name: canonical.get(target, target) for name, target in canonical.items()}


# a role noun, then the name: not after a determiner or a preposition ("an official in the Marsh White House")
TRAILING_NAME = re.compile(r"\b(?!(?:the|a|an|of|in|for|to|at|with|from|on|by|and|or)\s)[a-z][a-z-]+\s+"
                           r"((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+)$")


def looks_like_name(name: str) -> bool:
    """"Ann Lee", "Anna de Vries", "Ann K. Lee Jr.": capitalised words and particles, no possessive, no comma."""
    words = name.split()
    return bool(words) and "," not in name and any(w[:1].isupper() for w in words) and all(
        ((w[:1].isupper() or w.lower() in NAME_PARTICLES or w.split("-")[-1][:1].isupper())
         and not POSSESSIVE_END.search(w.rstrip("."))) or
        w.lower().rstrip(".") in NAME_SUFFIXES for w in words) and words[0].lower() not in DETERMINERS | INDEFINITE


def same_role(name: str, speakers: set[str]) -> str:
    """"the spokesman" after "the prime minister's spokesman" (or "a Carrier executive" before "the executive"):
    a definite role goes to the one longer role phrase of the article with the same head noun."""
    words = name.split()
    same_words = sorted(other for other in speakers if other.lower() == name.lower())
    if len(words) != 2 or words[0].lower() != "the":
        return same_words[0]  # "The judge" and "the judge": one form
    longer = {other for other in speakers if other.split()[-1].lower() == words[-1].lower() and is_role_phrase(other)
              and (len(other.split()) > 2 or other.split()[0].lower() in INDEFINITE | {"a", "an"})}
    return sorted(longer)[0] if len({other.lower() for other in longer}) == 1 else same_words[0]


ROLE_END = re.compile(r",|\s(?:to|for|of|at|with|in|from|on|who|whose|which|that)\s")


def short_forms(name: str) -> set[str]:
    """Shorter ways to name the same speaker: "the former top aide to the governor" -> "former top aide to the
    governor", "former top aide"; "Ann Lee, a lawyer" -> "Ann Lee"."""
    forms = {first_part(name)} - {name}
    if is_role_phrase(name):
        bare = re.sub(r"^(?:the|a|an|one)\s+", "", name, flags=re.I)
        forms |= {bare, ROLE_END.split(bare)[0].strip()}
    return {form for form in forms if form and form != name}


def is_role_phrase(phrase: str) -> bool:
    first = phrase.split()[0]
    return first[:1].islower() or first.lower() in DETERMINERS | INDEFINITE or bool(POSSESSIVE_END.search(first))


def article_person_names(coref: Coref | None, text: str) -> Counter:
    return Counter(text[run[0][0] : run[-1][1]] for sentence in (coref.sentences if coref else [])
                   for run in person_runs(sentence))


def convert(text: str, attributions: list[dict], coref: Coref | None, source: str) -> dict:
    found = {}
    quoted = [(span[0], span[3]) for para in PARAGRAPH.finditer(text)
              for span in quoted_spans(text, para.start(), para.end())]
    previous = None  # (where, name, tokens) of the latest attribution whose source names its person
    for number, attribution in sorted(enumerate(attributions), key=lambda item: item[1]["source"][:1] or [(0, 0)]):
        name = speaker_of(attribution["source"], coref, text, quoted + attribution["content"])
        name = previous_speaker(attribution["source"], previous, name, coref, text, quoted) or name
        if name:
            found[number] = name
            attribution["number"] = number
        if coref and attribution["source"] and (own := head_runs(coref.tokens_in(
                attribution["source"][0][0], attribution["source"][-1][1]))):
            previous = (attribution["source"][0][0], name, own[0])
    canonical = canonical_names(found, article_person_names(coref, text))
    aliases: dict[str, set[str]] = {}
    for number, name in found.items():
        written = " ".join(text[a:b] for a, b in attributions[number]["source"]).strip()
        aliases.setdefault(canonical[name], set()).update({name, written, *short_forms(name)})

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
