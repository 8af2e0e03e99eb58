"""Split an article into title, headlines, narration and quotes, and say who said each quote."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from briefing.model import Article, Block, Script, Segment

# Opening mark -> the marks that may close it. "“" closes „ in German-style quotes.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’"}
CLOSING_CONTEXT = " \t\n,.;:!?)]—–\"”»"
SENTENCE_END = ".!?…"
HEADLINE_MAX_WORDS = 16

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
NAME_WORD = rf"(?:[{UPPER}][\w’'\-]*|(?:O|D|L)[’'][{UPPER}][\w\-]*)"
PARTICLE = r"(?:de|da|del|der|den|di|du|la|le|van|von|bin|al|el|ibn|dos|das|y)"
NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{0,3}}"
TITLE = (r"(?:(?:Home|Foreign|Defen[cs]e|Finance|Health|Interior|Justice|Education|Energy|Environment|Transport|"
         r"Deputy|Vice|Acting|Former|Chief|Economy|Trade|Labou?r|Culture|State|Attorney|Police|Fire)\s+)?"
         r"(?:President|Vice President|Prime Minister|Minister|Secretary|Mayor|Governor|Senator|Representative|"
         r"Rep\.|Sen\.|Gov\.|Councilman|Councilwoman|Councillor|Councilor|Commissioner|Chancellor|Ambassador|"
         r"Judge|Justice|General|Gen\.|Colonel|Col\.|Captain|Capt\.|Sheriff|Chief|Director|Inspector|"
         r"Dr\.|Doctor|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Mx\.|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|"
         r"Pope|Rev\.|Father|Sister|Rabbi|Imam|Sheikh|Coach|Officer|Sergeant|Sgt\.|Detective|Lieutenant|Lt\.|"
         r"M\.|Mme|Mlle|Président|Présidente|Ministre|Maire|Herr|Frau)")
MALE_TITLES = {"mr.", "m.", "sir", "lord", "king", "prince", "father", "herr"}
FEMALE_TITLES = {"mrs.", "ms.", "mme", "mlle", "dame", "lady", "queen", "princess", "sister", "frau", "présidente"}
PRONOUNS = {"he": "male", "she": "female", "il": "male", "elle": "female", "er": "male", "sie": "female",
            "él": "male", "ella": "female"}
PRONOUN = r"(?:[Hh]e|[Ss]he|[Ii]l|[Ee]lle|[Ee]r|[Ss]ie|[Éé]l|[Ee]lla)"
SPEECH_VERBS = (
    r"(?:said|says|say|added|adds|stressed|affirmed|told|tells|explained|explains|asked|answered|replied|noted|"
    r"warned|declared|emphasi[sz]ed|insisted|argued|continued|cautioned|wrote|writes|announced|addressed|"
    r"recalled|acknowledged|admitted|agreed|conceded|claimed|confirmed|observed|remarked|concluded|urged|vowed|"
    r"promised|joked|laughed|shouted|whispered|pointed out|went on|was quoted as saying|is quoted as saying|"
    r"commented|responded|predicted|suggested|complained|countered|boasted|estimated|tweeted|posted|"
    r"a déclaré|a affirmé|a ajouté|a dit|a expliqué|a indiqué|a précisé|a souligné|a estimé|a assuré|"
    r"a répondu|a lancé|a martelé|a reconnu|a insisté|déclare|affirme|ajoute|explique|indique|précise|"
    r"souligne|estime|assure|sagte|erklärte|betonte|fügte hinzu|dijo|afirmó|explicó|añadió|declaró)"
)
ADVERB = r"(?:\w+ly\s+)?"
ACCORDING_TO = r"(?:according to|selon|laut|según)"
# A role or description between commas: "a affirmé son secrétaire général, Marc Lefèvre"
APPOSITIVE = r"(?:[^,.!?«»“”\"]{1,60},\s*)?"
# '"...," X said' / '"...," said X' / '... X explained' / '– Putin addressed' right after a quote.
AFTER_QUOTE = [
    re.compile(rf"^[\s,.–—-]*{SPEECH_VERBS}\s+(?P<name>(?:{TITLE}\s+)*{NAME})"),
    re.compile(rf"^[\s,.–—-]*{SPEECH_VERBS}\s+{APPOSITIVE}(?P<name>(?:{TITLE}\s+)*{NAME})"),
    # "said harbour master Joan Pike"
    re.compile(rf"^[\s,.–—-]*{SPEECH_VERBS}\s+(?:(?!that\b)[a-z][\w’'-]*\s+){{1,3}}(?P<name>(?:{TITLE}\s+)*{NAME})"),
    re.compile(rf"^[\s,.–—-]*(?P<name>(?:(?:the|The)\s+)?(?:{TITLE}\s+)*{NAME}|{PRONOUN})\s+{ADVERB}{SPEECH_VERBS}\b"),
    re.compile(rf"^[\s,.–—-]*(?P<name>(?:the|The)\s+[\w’'\- ]{{2,40}}?)\s+{SPEECH_VERBS}\b"),
    re.compile(rf"^[\s,.–—-]*{ACCORDING_TO}\s+(?P<name>(?:{TITLE}\s+)*{NAME})"),
]
# A sentence that hands over to the quote: 'X said:' / 'Il a ajouté :' / 'she was blunt:' / 'according to X,'
BEFORE_QUOTE_COLON = re.compile(rf"(?P<name>(?:(?:the|The)\s+)?(?:{TITLE}\s+)*{NAME}|{PRONOUN})\b[^:]*:\s*$")
BEFORE_QUOTE_VERB = re.compile(
    rf"(?:(?P<name>(?:{TITLE}\s+)*{NAME}|{PRONOUN})\b[^.!?]*?\b{SPEECH_VERBS}\b[^.!?]*|"
    rf"{ACCORDING_TO}\s+(?P<name2>(?:{TITLE}\s+)*{NAME})[^.!?]*)[,:]\s*$"
)
BEFORE_QUOTE_ROLE = re.compile(rf"(?P<name>\b(?:the|The)\s+[\w’' \-]{{2,40}}?)\s+{ADVERB}{SPEECH_VERBS}[^.!?]*[,:]\s*$")
# ', said Vladimir Putin' / ' affirmed Putin' at a paragraph's end: where an unclosed quote stops.
TRAILING_ATTRIBUTION = re.compile(
    rf"(?:,\s*|\s+)(?:{SPEECH_VERBS}\s+(?P<name>(?:{TITLE}\s+)*{NAME})|"
    rf"(?P<name2>(?:{TITLE}\s+)*{NAME}|{PRONOUN})\s+{SPEECH_VERBS})\s*[.!?]?\s*$"
)
TITLE_PREFIX = re.compile(rf"^(?:(?:the|The|le|la|Le|La)\s+)?(?:{TITLE}\s+)+")
PERSON_MENTION = re.compile(rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})")
NOT_A_PERSON = re.compile(
    r"\b(?:Council|University|College|School|Ministry|Department|Agency|Partners|Inc|Corp|Company|Group|Bank|"
    r"Republic|Federation|Union|Party|Committee|Court|House|Senate|Congress|Parliament|Army|Navy|Forces|Police|"
    r"Airbase|Airport|Institute|Institutes|Centre|Center|Hospital|Church|Board|Office|Agency|News|Times|Post|"
    r"Street|Road|Avenue|River|City|State|States|County|Kingdom|Nations|Organi[sz]ation|Association|Foundation|"
    r"Fund|Service|Services|Authority|Commission|Museum|Library|Station|Stadium|Club|Team|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
STOP_NAMES = {"the", "a", "an", "it", "this", "that", "these", "those", "there", "but", "and", "not", "asked",
              "in", "on", "at", "for", "after", "before", "when", "while", "as", "with", "by", "from", "according",
              "meanwhile", "however", "later", "earlier", "yesterday", "today", "tonight", "then", "also", "still",
              "so", "if", "once", "since", "during", "despite", "although", "though", "because", "last", "next",
              "speaking", "writing", "in a", "under", "over", "about", "some", "many", "most", "all", "both",
              "le", "la", "les", "un", "une", "des", "il", "elle", "we", "i", "they", "you", "our", "my"}


@dataclass(frozen=True)
class _Span:
    """A quoted stretch of a paragraph: where its marks and its words are (paragraph-relative)."""

    open_at: int
    start: int
    end: int
    close_at: int | None
    partial: bool = False


def segment(article: Article) -> Script:
    """Turn an Article into a Script: one segment per voice change, every word kept, in order."""
    segments = [Segment("title", article.title.text, article.title.start, article.title.end, paragraph=0)]
    for number, block in enumerate(article.blocks, start=1):
        if block.kind == "headline" or (block.kind is None and is_headline(block.text)):
            segments.append(Segment("headline", block.text, block.start, block.end, paragraph=number))
        elif block.kind == "quote" and not find_quotes(block.text):  # a block quote without quote marks
            segments.append(Segment("quote", block.text, block.start, block.end, paragraph=number))
        else:
            segments.extend(_split_paragraph(block, number))
    attributed, genders = attribute(segments, article.text)
    return Script(title=article.title.text, language=article.language, segments=tuple(attributed),
                  source=article.source, genders=genders, author=article.author, published=article.published,
                  site_name=article.site_name)


def is_headline(text: str) -> bool:
    """A short standalone line with no sentence punctuation at its end and no quotation marks."""
    if "\n" in text or any(mark in text for mark in "“”\"«»„"):
        return False
    words = text.split()
    if re.match(rf"(?:By|Par|Von|Por)\s+{NAME}", text):  # a byline is read as narration
        return False
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
    return [_Span(s.open_at, s.start, s.end, s.close_at, _is_partial_quote(text, s)) for s in spans]


def _opens_quote(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in QUOTE_PAIRS:
        return False
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or (after.isspace() and ch != "«"):
        return False
    before = text[i - 1] if i else " "
    if ch == '"':
        return before.isspace() or before in "([{—–-:"
    if ch == "‘":  # British style: opens only at the start of a word
        return (before.isspace() or before in "([{—–-:“\"") and (after.isalnum() or after in "‘“\"")
    return True


def _find_close(text: str, i: int) -> int | None:
    if text[i] == "‘":
        return _find_single_close(text, i)
    closers = QUOTE_PAIRS[text[i]]
    for j in range(i + 1, len(text)):
        ch = text[j]
        if ch in closers and not (ch == '"' and text[j - 1].isspace() and j + 1 < len(text)
                                  and not text[j + 1].isspace()):
            return j
        if ch == text[i] != '"' and _opens_quote(text, j):
            return None  # the same mark opens again: this quote was never closed
        if ch == '"' and closers != '"' and _opens_quote(text, j):
            return None
    return None


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
    return mid_sentence and len(inner.split()) <= 3 and bool(after) and after[0].islower()


def _split_paragraph(block: Block, paragraph: int) -> list[Segment]:
    """Narration and quotes, in order. A partial quote stays in the narration, unless a named person
    introduces it ("Okafor ... called it "a giveaway""): then it is that person's quote, read by the narrator."""
    pieces: list[Segment] = []
    cursor = 0
    for span in find_quotes(block.text):
        if span.partial and not _quoted_person_before(block.text, span.open_at):
            continue
        pieces += _piece("narration", block, cursor, span.open_at, paragraph)
        quote = _piece("quote", block, span.start, span.end, paragraph)
        pieces += [Segment(q.kind, q.text, q.start, q.end, q.paragraph, voice="narrator") for q in quote] \
            if span.partial else quote
        cursor = span.close_at + 1 if span.close_at is not None else span.end
    pieces += _piece("narration", block, cursor, len(block.text), paragraph)
    return pieces


PARTIAL_QUOTE_INTRO = re.compile(
    rf"(?P<name>(?:{TITLE}\s+)+{NAME}|{NAME_WORD}\s+{NAME_WORD})\b[^.!?]*\b"
    r"(?:called|calls|described|describes|termed|terms|dubbed|labell?ed|branded|said|says)\b[^.!?]*$"
)


ABBREVIATION = re.compile(r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|Gen|Col|Capt|Lt|Rev|Sen|Rep|Gov|No|vs|etc|"
                          r"Inc|Ltd|Co|Corp|[ap]\.m|e\.g|i\.e)\.")


def _mask_abbreviations(text: str) -> str:
    """The same text with the dots of "U.S." or "Dr." made into a look-alike, so they end no sentence."""
    return ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\u2024"), text)


def _sentence_start(text: str, position: int) -> int:
    masked = _mask_abbreviations(text[:position])
    return max(masked.rfind(". "), masked.rfind("? "), masked.rfind("! ")) + 1


def _quoted_person_before(text: str, position: int) -> str | None:
    """The named person whose words a partial quote at `position` repeats, if the sentence says so."""
    start = _sentence_start(text, position)
    match = PARTIAL_QUOTE_INTRO.search(_mask_abbreviations(text[start:position]))
    if match and match.group("name").split()[0].lower() not in STOP_NAMES:
        return text[start + match.start("name") : start + match.end("name")]
    return None


def _piece(kind, block: Block, start: int, end: int, paragraph: int) -> list[Segment]:
    raw = block.text[start:end]
    text = raw.strip()
    if not re.search(r"\w", text):  # nothing to say: punctuation between two quotes
        return []
    offset = block.start + start + (len(raw) - len(raw.lstrip()))
    return [Segment(kind, text, offset, offset + len(text), paragraph)]


@dataclass
class _Person:
    """One person the article quotes or names; every form of their name resolves to this."""

    name: str
    gender: str | None = None


class _People:
    """Resolves "President Vladimir Putin", "Putin", "the President" and "he" to one person."""

    def __init__(self) -> None:
        self.by_surname: dict[str, _Person] = {}
        self.by_role: dict[str, _Person] = {}
        self.mentions: list[tuple[int, _Person]] = []  # (offset in the input, person), narration only

    def register(self, raw: str) -> _Person | None:
        """Add a name seen with a title or next to a speech verb; return its person."""
        titles, bare = _split_title(raw)
        if not bare:
            return self.lookup(raw)
        if bare.split()[0].lower() in STOP_NAMES:
            return None
        key = _surname(bare)
        person = self.by_surname.get(key)
        if person is None:
            person = self.by_surname[key] = _Person(bare)
        elif len(bare.split()) > len(person.name.split()):
            person.name = bare
        for title in titles:
            self.by_role.setdefault(title.lower().rstrip("."), person)
            if title.lower() in MALE_TITLES:
                person.gender = "male"
            elif title.lower() in FEMALE_TITLES:
                person.gender = "female"
        return person

    def lookup(self, raw: str) -> _Person | None:
        titles, bare = _split_title(raw)
        if bare:
            person = self.by_surname.get(_surname(bare))
            if person:
                return person
        phrase = re.sub(r"^(?:the|The|le|la|Le|La|son|sa|his|her)\s+", "", raw.strip()).lower().rstrip(".")
        if phrase in self.by_role:
            return self.by_role[phrase]
        if titles and not bare:
            return self.by_role.get(titles[-1].lower().rstrip("."))
        return None

    def add_role(self, phrase: str, person: _Person) -> None:
        phrase = re.sub(r"^(?:the|a|an|son|sa|le|la|its|his|her)\s+", "", phrase.strip(), flags=re.I).lower()
        if 2 < len(phrase) < 60:
            self.by_role.setdefault(phrase, person)

    def last_mentioned(self, offset: int, gender: str | None) -> _Person | None:
        for position, person in reversed(self.mentions):
            if position < offset and (gender is None or person.gender in (None, gender)):
                return person
        return None


def _split_title(raw: str) -> tuple[list[str], str]:
    raw = raw.strip()
    match = TITLE_PREFIX.match(raw)
    if not match:
        bare = re.sub(r"^(?:the|The)\s+", "", raw)
        return [], bare if bare == raw else ""
    return re.findall(TITLE, match.group(0)), raw[match.end() :].strip()


def _surname(bare: str) -> str:
    return bare.split()[-1].lower().replace("'", "’")


@dataclass
class _Attribution:
    """A name (or pronoun) that the text next to a quote gives as its speaker, and where it stands.
    `alternatives` are further candidates from the same sentence, tried when this one names nobody known."""

    raw: str
    offset: int
    alternatives: tuple[tuple[str, int], ...] = ()


def attribute(segments: list[Segment], source: str) -> tuple[list[Segment], dict[str, str]]:
    """Give every quote its speaker's canonical name (None when the text does not say); also return the
    gender the article gives each speaker (by pronoun or title), for casting."""
    people = _People()
    found = {i: _attribution_near(segments, i) for i, seg in enumerate(segments) if seg.kind == "quote"}
    for attribution in found.values():
        if attribution and not _is_pronoun(attribution.raw) and not attribution.alternatives:
            people.register(attribution.raw)
    _collect_mentions(segments, people)
    speakers: dict[int, _Person | None] = {}
    for index, attribution in found.items():
        speakers[index] = None
        for raw, offset in ((attribution.raw, attribution.offset), *attribution.alternatives) if attribution else ():
            speakers[index] = _resolve(_Attribution(raw, offset), people)
            if speakers[index]:
                break
    _fill_unattributed(segments, speakers, people)
    attributed = [
        Segment(seg.kind, seg.text, seg.start, seg.end, seg.paragraph,
                speaker=speakers[i].name if speakers.get(i) else None, voice=seg.voice)
        if seg.kind == "quote" else seg
        for i, seg in enumerate(segments)
    ]
    genders = {p.name: p.gender for p in speakers.values() if p is not None and p.gender}
    return attributed, genders


def _is_pronoun(raw: str) -> bool:
    return raw.lower() in PRONOUNS


def _resolve(attribution: _Attribution, people: _People) -> _Person | None:
    if _is_pronoun(attribution.raw):
        gender = PRONOUNS[attribution.raw.lower()]
        person = people.last_mentioned(attribution.offset, gender)
        if person and person.gender is None:
            person.gender = gender
        return person
    person = people.lookup(attribution.raw)
    if person is None and re.fullmatch(r"(?:the|The)\s+[\w’' \-]+", attribution.raw):
        person = people.by_role.setdefault(attribution.raw.lower()[4:], _Person(attribution.raw[4:]))
    return person


def _attribution_near(segments: list[Segment], index: int) -> _Attribution | None:
    """The speaker named right after the quote, or in the sentence that leads into it."""
    quote = segments[index]
    preceding = segments[index - 1] if index else None
    if quote.voice == "narrator" and preceding and preceding.paragraph == quote.paragraph:
        name = _quoted_person_before(preceding.text, len(preceding.text))
        if name:
            return _Attribution(name, preceding.start + preceding.text.rfind(name))
    following = segments[index + 1] if index + 1 < len(segments) else None
    if following and following.kind == "narration" and following.paragraph == quote.paragraph:
        for pattern in AFTER_QUOTE:
            match = pattern.match(following.text)
            if match and match.group("name").split()[0].lower() not in STOP_NAMES - {"the"} | {"il", "elle"}:
                return _Attribution(match.group("name"), following.start + match.start("name"))
            if match and _is_pronoun(match.group("name")):
                return _Attribution(match.group("name"), following.start + match.start("name"))
    lead_in = preceding and preceding.kind == "narration" and (
        preceding.paragraph == quote.paragraph
        or (preceding.paragraph == quote.paragraph - 1 and preceding.text.rstrip().endswith(":")))
    if lead_in:
        sentence_start = _sentence_start(preceding.text, len(preceding.text))
        sentence = preceding.text[sentence_start:]
        offset = preceding.start + sentence_start
        match = BEFORE_QUOTE_VERB.search(sentence)
        group = ("name" if match.group("name") else "name2") if match else ""
        if match and (match.group(group).split()[0].lower() not in STOP_NAMES or _is_pronoun(match.group(group))):
            return _Attribution(match.group(group), offset + match.start(group))
        role = BEFORE_QUOTE_ROLE.search(sentence)  # "In a statement, the education board said:"
        if role:
            return _Attribution(role.group("name"), offset + role.start("name"))
        if sentence.rstrip().endswith(":"):
            candidates = [(c.group(0), offset + c.start())
                          for c in re.finditer(rf"(?:{TITLE}\s+)*{NAME}|\b{PRONOUN}\b", sentence)
                          if c.group(0).split()[0].lower() not in STOP_NAMES or _is_pronoun(c.group(0))]
            if candidates:
                return _Attribution(*candidates[0], alternatives=tuple(candidates[1:]))
    return None


def _collect_mentions(segments: list[Segment], people: _People) -> None:
    """Register titled names, then note every mention of a known person in the narration, in order."""
    narration = [seg for seg in segments if seg.kind in ("narration", "headline", "title")]
    for seg in narration:
        for match in PERSON_MENTION.finditer(seg.text):
            if match.group("title"):
                person = people.register(match.group(0))
                appositive = re.match(r",\s*((?:the|a|an|son|sa)\s+[^,.;:]+)", seg.text[match.end() :])
                if person and appositive:
                    people.add_role(appositive.group(1), person)
    for seg in narration:  # untitled full names in running text ("John Park spoke", "according to Sara Cole")
        for match in PERSON_MENTION.finditer(seg.text):
            if people.lookup(match.group(0)) is None and _looks_like_person(seg.text, match):
                people.register(match.group("name"))
    for seg in narration:
        for match in PERSON_MENTION.finditer(seg.text):
            person = people.lookup(match.group(0))
            if person:
                people.mentions.append((seg.start + match.start(), person))
                appositive = re.match(r",\s*((?:the|a|an|son|sa)\s+[^,.;:]+)", seg.text[match.end() :])
                if appositive:
                    people.add_role(appositive.group(1), person)
        for role, person in list(people.by_role.items()):
            for match in re.finditer(rf"\b(?:the|The)\s+{re.escape(role)}\b", seg.text):
                people.mentions.append((seg.start + match.start(), person))
    people.mentions.sort(key=lambda item: item[0])


def _looks_like_person(text: str, match: re.Match) -> bool:
    """Two or three capitalised words, not an institution, not introduced as a place or a thing."""
    name = match.group("name")
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0].lower() in STOP_NAMES or NOT_A_PERSON.search(name):
        return False
    before = text[: match.start()].lower().split()[-2:] or [""]
    if before == ["according", "to"]:
        return True
    return before[-1] not in {"the", "of", "in", "at", "from", "to", "for", "on", "by", "a", "an"}


def _fill_unattributed(segments: list[Segment], speakers: dict[int, _Person | None], people: _People) -> None:
    """Quotes the text does not attribute directly: share with adjacent quotes, follow the paragraph,
    carry over into a quote paragraph that continues the previous one."""
    quotes = sorted(speakers)
    # Quotes with nothing spoken between them are one utterance: share a known speaker both ways.
    for _ in range(2):
        for a, b in itertools.pairwise(quotes):
            adjacent = b == a + 1 and segments[a].paragraph == segments[b].paragraph
            if adjacent and speakers[a] is None and speakers[b] is not None:
                speakers[a] = speakers[b]
            if adjacent and speakers[b] is None and speakers[a] is not None:
                speakers[b] = speakers[a]
    last: _Person | None = None
    last_paragraph = -1
    for index in quotes:
        seg = segments[index]
        if speakers[index] is None:
            paragraph_end = _trailing_speaker(segments, index, people)
            between = [s for s in segments if last_paragraph < s.paragraph < seg.paragraph]
            continues = last is not None and (seg.paragraph == last_paragraph or (
                seg.paragraph == last_paragraph + 1 and not any(s.kind == "headline" for s in between)))
            if paragraph_end:
                speakers[index] = paragraph_end
            elif continues:
                speakers[index] = last
            else:
                speakers[index] = people.last_mentioned(seg.start, None) if _mentioned_nearby(
                    segments, index, people) else None
        if speakers[index] is not None:
            last, last_paragraph = speakers[index], seg.paragraph
        elif seg.paragraph != last_paragraph:
            last = None


def _trailing_speaker(segments: list[Segment], index: int, people: _People) -> _Person | None:
    """'... stressed Vladimir Putin' at the end of the quote's paragraph."""
    paragraph = [s for s in segments[index + 1 :] if s.paragraph == segments[index].paragraph]
    if not paragraph or paragraph[-1].kind != "narration":
        return None
    match = TRAILING_ATTRIBUTION.search(paragraph[-1].text)
    if not match:
        return None
    raw = match.group("name") or match.group("name2")
    return _resolve(_Attribution(raw, paragraph[-1].start + match.start()), people)


def _mentioned_nearby(segments: list[Segment], index: int, people: _People) -> bool:
    """A person was named in this paragraph or the one just before it (and no headline since)."""
    paragraph = segments[index].paragraph
    return any(seg.paragraph in (paragraph, paragraph - 1) and seg.kind == "narration"
               and seg.start < segments[index].start and any(
                   seg.start <= position < seg.end for position, _ in people.mentions)
               for seg in segments[:index])
