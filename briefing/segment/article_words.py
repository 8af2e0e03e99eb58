"""What the whole article says about its words, read once per article: which it also writes in lower case, which
follow "in"/"from" (places), which it capitalises inside a sentence (names), which only its headings capitalise,
which it writes as common nouns after an article (German), and the lone names, nicknames and roles it gives people.
names.py asks it whether a capitalised word is a name."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache

from briefing.lang import available, vocabulary
from briefing.segment.names import (
    ACRONYM,
    CAPITALISED,
    DEMONYM,
    NOT_A_NAME,
    NOUN_GENDER,
    PARTICLE_TOKEN,
    POSSESSIVE,
    ROLE_WORDS,
    TITLE_TOKEN,
    is_role_noun,
    is_title_or_role,
    place_as_surname,
    role_phrases,
)
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import (
    GAP,
    NAME_WORD,
    PRONOUN_WORDS,
    SENTENCE_END,
    STOP_NAMES,
    UPPER,
    VOCAB,
    LanguagePattern,
    stop_words_of,
)
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations

WORD = re.compile(r"[^\W\d_][\w’'\-]*")
LABEL = re.compile(r"[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*){0,2}:")  # "Ann Lee:" opening a line of a transcript
OPENING = "“\"«„「‘('[—–-"
CLOSING = "”\"»」’')]"
PLACE_AFTER_NAME = LanguagePattern(lambda w: rf"(?<![\w.])[{UPPER}][a-zà-ÿ]+\s+({w.any_of('place_words')})(?!\w)")
LOCATIVE = LanguagePattern(lambda w: rf"\b{w.locative_word}\s+(?P<place>[{UPPER}][\w’'\-]*"
                                      rf"(?:\s+[{UPPER}][\w’'\-]*){{0,2}})")
# "his wife, Marta, called", "Zorana, who won the award": one capitalised word that a role noun introduces, or that a
# relative pronoun only people take follows, names a person although no first name or title goes with it
LONE_AFTER_ROLE = LanguagePattern(lambda w: rf"(?<!\w)(?P<role>{w.any_of('role_nouns', 'male_nouns', 'female_nouns')}),"
                                            rf"\s+(?P<name>{NAME_WORD}),")
# "his wife Marta said", "her son Olek": a kin or role noun after a possessive, then one name word
LONE_AFTER_KIN = LanguagePattern(
    lambda w: rf"(?<!\w){w.determiner}\s+(?P<role>{w.any_of('male_nouns', 'female_nouns')})\s+(?P<name>{NAME_WORD})"
              rf"(?![\w’'\-]|\s+{NAME_WORD})")
LONE_BEFORE_RELATIVE = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])(?P<name>{NAME_WORD}),\s+{w.any_of('person_relatives')}(?!\w)")
# "Kelbian President Kazdağan called", "Präsident Kessler sagte": a title, then one name word, then the sentence goes
# on in lower case
LONE_AFTER_TITLE = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])(?P<role>{w.role_title}|{w.any_of('role_nouns')})\s+(?P<name>{NAME_WORD})"
              rf"(?=\s+[a-zà-ÿß])")
# "comme le raconte Lorik*, 27 ans, cuisinier": one name word with an age after it is a person (an asterisk
# marks a name the article changed)
LONE_BEFORE_AGE = LanguagePattern(
    lambda w: rf"(?<![\w’'\-])(?P<name>{NAME_WORD})\*?,\s+\d{{1,3}}\s+{w.any_of('age_words')}(?!\w)")
# "Landesbischof Kessler lobte", "l’entraîneur Quintela a salué": the same before a role the word lists hold only as
# the end of a compound (German writes "Landes-" + "Bischof" as one word) or after an elided article (l’, dell’);
# the word before the name must be a role noun (is_role_noun), whatever the language
LONE_AFTER_COMPOUND_ROLE = compiled(
    rf"(?<![\w’'\-])(?:[^\W\d_]{{1,4}}[’'])?(?P<role>[^\W\d_][\w\-]{{3,}})\s+(?P<name>{NAME_WORD})(?=\s+[a-zà-ÿß])")
LONE_NAME_PATTERNS = (LONE_AFTER_ROLE, LONE_AFTER_KIN, LONE_BEFORE_RELATIVE, LONE_AFTER_TITLE, LONE_BEFORE_AGE)
# "Asked about the vote, Torvale didn't wait": one capitalised word right after a leading clause's comma,
# then a word the article also writes after a subject pronoun ("I didn't"), a verb: the clause's subject, a person
LONE_SUBJECT = compiled(rf"(?<=,\s)(?P<name>{NAME_WORD})\s+(?P<verb>[a-zà-ÿ][\w’']+)")
HE_OR_SHE = compiled(rf"(?<![\w’'])(?:{'|'.join(map(re.escape, PRONOUN_WORDS))})(?![\w’'])", re.IGNORECASE)
NO_VERBS = {w.lower() for w in VOCAB.conjunctions + VOCAB.prepositions + VOCAB.clause_words + VOCAB.determiners
            + VOCAB.relatives}  # "he and his wife", "they in turn": what follows a pronoun is not always its verb
SUBJECT_PRONOUNS = {w.lower() for w in VOCAB.male_pronouns + VOCAB.female_pronouns + VOCAB.plural_pronouns
                    + VOCAB.other_pronouns} - {w.lower() for w in VOCAB.relatives + VOCAB.demonstratives}
INDEFINITE_WORDS = {w.lower() for w in VOCAB.indefinites}
NICKNAMED = compiled(rf"({NAME_WORD})\s+[“\"‘'(]({NAME_WORD})[”\"’')]\s+({NAME_WORD})")  # Robert “Bobby” Lund
NAME_WORD_ALONE = compiled(rf"(?<![\w’'\-]){NAME_WORD}(?![\w’'\-])(?!\s+{NAME_WORD})")
# after a role: the name of the person who holds it ("spokesman Tom Reyes", "friend at Harbour College, Ned Arlow",
# "Sprecher des Ministeriums, Jan Albers")
NAMED_AFTER = LanguagePattern(
    lambda w: rf"(?:\s+{w.any_of('prepositions', 'definite_articles')}\s+[^,.;:!?]{{1,60}},)?,?\s+{NAME_WORD}")
# what may stand in the run of role words right before a name: "the ministry’s | deputy press secretary, Ann Lee"
ROLE_RUN_BREAK = re.compile(r"[.;:!?()\[\]“”\"«»„]|\n|,(?=\s*\S)")


def _own_language(lower: set[str]) -> str | None:
    """The language whose stop words the article uses most."""
    return max(available(), key=lambda language: len(stop_words_of(language) & lower), default=None)


@cache
def _words_before_no_lone_name(language: str | None) -> set[str]:
    """Determiners, prepositions and locatives of the article's language ("the Marrites, who", "in Delmar, who")."""
    words = vocabulary((language,)) if language else VOCAB
    return {w.lower() for w in words.determiners + words.clause_words + words.locatives}


def _capitalised_words(masked: str) -> tuple[set[str], set[str], set[str]]:
    """The capitalised words of the running text that stand inside a sentence (not first in it), all capitalised
    words of the running text, and those of its heading-like lines ("ESPN Fires Coach Over Post")."""
    proper: set[str] = set()
    in_prose: set[str] = set()
    in_headings: set[str] = set()
    for line in masked.splitlines():
        words = list(WORD.finditer(line))
        # "al-Kelbab", "bin Tarek": a name that opens with a particle joined by a hyphen is capitalised
        capitalised = [m for m in words if m.group(0)[0].isupper() or CAPITALISED.match(m.group(0))]
        if _is_heading_line(words, capitalised):
            in_headings.update(POSSESSIVE.sub("", m.group(0)) for m in capitalised)
            continue
        for match in capitalised:
            word = POSSESSIVE.sub("", match.group(0))
            in_prose.add(word)
            if not _starts_sentence(line, match.start()):
                proper.add(word)
    return proper, in_prose, in_headings


def _closes_a_quote(before: str) -> bool:
    """'"We lost," Kelbor', "''We lost,'' Kelbor": a straight quote mark (or two) written right after the quote's
    last word closes it, as a curly one would; the word after it goes on the sentence."""
    marks = before.rstrip("\"'")
    return len(marks) < len(before) and marks[-1:] not in ("", *" \t([")


def _is_heading_line(words: list[re.Match], capitalised: list[re.Match]) -> bool:
    """Title case or capitals throughout: every longer word of the line is capitalised."""
    longer = [m for m in words if len(m.group(0)) > 3]
    return len(longer) >= 2 and all(m.group(0)[0].isupper() for m in longer)


def _starts_sentence(line: str, position: int) -> bool:
    """Nothing before the word on its line but a sentence's end, a colon or an opening quote mark. After a quote
    that ends in "!" or "?", the sentence goes on ("“Stop!” Lee said"); a label opens its line ("Lee: Yes.")."""
    before = line[:position].rstrip()
    if not before:
        return not LABEL.match(line, position)
    if line[position - 1] in OPENING or (before[-1] in OPENING and not _closes_a_quote(before)):
        return True
    quoted = before.rstrip(CLOSING)
    if len(quoted) < len(before):
        return quoted[-1:] in ("", ".", "…", ":")
    return before[-1] in (*SENTENCE_END, ":")


@cache
def _noun_marked(language: str | None) -> re.Pattern | None:
    """A capitalised word right after a word that only stands before a noun ("am Telefon", "kein Wunder", "vor fünf
    Jahren", "die entscheidenden Stellen"), in a language that lists such words (one that capitalises its nouns);
    with an adjective between them (an inflected ending, not a verb's past "-te": "das betonte Jan Albers") only
    when no capitalised word follows ("der frühere Minister Jan Albers" has its name after the noun)."""
    markers = vocabulary((language,)).noun_markers if language else ()
    if not markers:
        return None
    before = rf"(?<![\w’'\-])(?:(?i:{'|'.join(map(re.escape, markers))})|\d+(?:[.,]\d+)*(?!\.))\s+"
    word = rf"[{UPPER}][\w’'\-]*"
    adjective = r"(?!\w*ten?\s)[a-zäöüß][\w\-]{2,}(?:e|en|er|es|em)"
    return compiled(rf"{before}(?:(?P<noun>{word})|{adjective}\s+(?P<described>{word})(?![\w’'\-]|\s+[{UPPER}]))")


@cache
def _bare_genitive(language: str) -> re.Pattern:
    """A capitalised word in the genitive ("Kalmsens Plan") after a word in lower case that is no noun marker ("in
    Kalmsens Plan", "verbreitete sie Kalmsens Behauptung"): only a name takes a genitive without an article."""
    words = vocabulary((language,))
    markers = "|".join(map(re.escape, words.noun_markers))
    endings = "|".join(map(re.escape, words.genitive_endings)) or r"(?!)"
    return compiled(rf"(?<![\w’'\-])(?!(?i:{markers})\s)[a-zäöüß][\w’']*\s+(?P<name>[{UPPER}][\w’']*?)"
                    rf"(?:{endings})\s+[{UPPER}]")


def _written_as_nouns(text: str, language: str | None, proper: set[str]) -> set[str]:
    """The capitalised words the article writes as common nouns (_noun_marked), but not a marker that is a name's
    particle ("Van der Velde", "von der Brack") nor a word it also writes as a surname, right after a first name
    ("Tobias Kalmsen" besides "der optimistische Kalmsen"), or in a bare genitive ("die Kalmsen University" besides
    "Kalmsens Plan")."""
    marked = _noun_marked(language)
    if marked is None:
        return set()
    nouns = set()
    for match in marked.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()].split()[-1:]
        if not (before and PARTICLE_TOKEN.match(before[0].lower())):
            nouns.add(POSSESSIVE.sub("", match.group("noun") or match.group("described")))
    surnames = {m.group(2) for m in compiled(rf"(?<![\w’'\-])(?=({NAME_WORD})\s+({NAME_WORD}))").finditer(text)
                if m.group(1) in proper and m.group(1) not in nouns and m.group(1).lower() not in STOP_NAMES}
    genitives = {m.group("name") for m in _bare_genitive(language).finditer(text)}
    return nouns - surnames - genitives


def _places(text: str) -> set[str]:
    """Names the article mostly puts after "in"/"at": places. One "swinging at Ann Lee" among many "Ann Lee said"
    does not make a person a place."""
    after_locative = Counter(m.group("place") for m in LOCATIVE.finditer(text))
    return {name for name, count in after_locative.items()
            if 2 * count >= len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))}


class ArticleWords:
    """What the whole article says about words: which it also writes in lower case, which follow "in"/"from",
    which it capitalises inside a sentence (names), which only its headings capitalise."""

    def __init__(self, text: str) -> None:
        masked = mask_abbreviations(text)
        # where each sentence of the whole article starts (a quote that ends mid-sentence does not end it)
        # ("Rep. Bo Lee (D-Ore.) spoke": no sentence starts with a lower-case word)
        self.sentence_starts = [0, *(m.end() for m in re.finditer(rf"{SENTENCE_BREAK.pattern}|\n\s*\n", masked)
                                     if not masked[m.end() : m.end() + 1].islower())]
        self.text = text
        self.masked = masked
        self._alone: set[str] | None = None
        self._stop_surnames: set[str] | None = None
        self._roles_before: dict[str, list[tuple[str, int]]] = {}
        self.lower = {w for w in re.findall(r"\b[a-zà-ÿ][\w’'-]*", text)}
        self.language = _own_language(self.lower)
        self.stop_words = stop_words_of(self.language) if self.language else frozenset()
        self.places = _places(text)
        self.located = {m.group("place") for m in LOCATIVE.finditer(text)}  # "in Canada", "at Harbour Point"
        self.proper, in_prose, in_headings = _capitalised_words(masked)
        self.heading_only = in_headings - in_prose
        # "am Telefon", "kein Wunder": words the article writes as common nouns (German capitalises them)
        self.nouns = _written_as_nouns(text, self.language, self.proper)
        self.capitalises_nouns = _noun_marked(self.language) is not None
        # "Dana Paris" somewhere: "Paris, who worked there, said" is that person
        self.place_surnames = {match.group(1) for match in PLACE_AFTER_NAME.finditer(text)
                               if place_as_surname(match.group(0).split(), [], 0, self)}

    def lone_names(self) -> dict[str, str | None]:
        """One-word names the article gives a person ("his wife, Marta,", "Zorana, who"), in order, with the gender a
        kin word gives them; not a word it also writes beside another name word ("Marta Lee", "Mr. Lee"), which the
        fuller name already covers."""
        matches = [m for pattern in LONE_NAME_PATTERNS for m in pattern.finditer(self.text)]
        matches += [m for m in LONE_AFTER_COMPOUND_ROLE.finditer(self.text) if is_role_noun(m.group("role"))]
        found = sorted(((m.start("name"), m.group("name"), NOUN_GENDER.get((m.groupdict().get("role") or "").lower()))
                        for m in matches), key=lambda item: item[0])
        verbs = self._verbs_after_pronouns()
        found += [(m.start("name"), m.group("name"), None) for m in LONE_SUBJECT.finditer(self.text)
                  if m.group("verb") in verbs and m.group("verb") not in NO_VERBS
                  and re.split(r"[’']", m.group("name"))[0].lower() not in STOP_NAMES  # not "I’m"
                  and HE_OR_SHE.search(self.text, m.end(), m.end() + 200)]  # a person the text goes on about
        names: dict[str, str | None] = {}
        for start, name, gender in sorted(found, key=lambda item: item[0]):
            if self._is_lone_name(name, start):
                names[name] = names.get(name) or gender
        return names

    def _verbs_after_pronouns(self) -> set[str]:
        """The lower-case words the article writes right after a subject pronoun ("she didn't", "I hesitated")."""
        return {m.group(2) for m in re.finditer(r"(?<![\w’'])([^\W\d_]+)\s+([a-zà-ÿ][\w’']+)", self.text)
                if m.group(1).lower() in SUBJECT_PRONOUNS}

    def _is_lone_name(self, name: str, start: int) -> bool:
        before = [word for word in self.text[:start].split()[-1:] if not word.endswith(",")]
        titled = bool(before) and (is_title_or_role(before[0]) or is_role_noun(_without_elision(before[0])))
        if titled:
            before = []  # "President Kazdağan": a title before it, not a first name (nor a people: "Americans")
        if before and ((CAPITALISED.match(before[0]) and before[0].lower() not in STOP_NAMES)
                       or PARTICLE_TOKEN.match(before[0].lower()) or NOT_A_NAME.search(before[0])):
            return False  # "Ann Lee, who", "de Marsan, who", "New York, who": the end of a longer name
        if before and before[0].lower() in _words_before_no_lone_name(self.language):
            return False  # "the Marrites, who", "voters in Delmar, who": a noun, or a place "who" does not refer to
        if POSSESSIVE.search(name) or ACRONYM.search(name) or not self.is_proper(name) or name.lower() in self.lower \
                or name.lower() in STOP_NAMES or TITLE_TOKEN.match(name) or NOT_A_NAME.search(name) \
                or (DEMONYM.search(name) and not titled) or name in self.places:
            return False
        beside = re.finditer(rf"({NAME_WORD})\s+{re.escape(name)}(?!\w)|(?<!\w){re.escape(name)}\s+({NAME_WORD})",
                             self.text)
        return not any(self._is_name_beside(m.group(1) or m.group(2)) for m in beside)

    def _is_name_beside(self, word: str) -> bool:
        """"Ann" in "Ann Lee"; not "Meanwhile" in "Meanwhile Zorana" nor "The" in "The Lee": a word that is neither
        a stop word nor one the article writes in lower case."""
        word = POSSESSIVE.sub("", word)
        return bool(CAPITALISED.match(word)) and word.lower() not in STOP_NAMES and word.lower() not in self.lower \
            and not TITLE_TOKEN.match(word) and not is_role_noun(word)  # "President Kazdağan": a title, not a name

    def after_heading(self, phrase: str) -> str:
        """"... Keep Kelby Open" + a new line + "Dana Quill returned": a phrase that runs on from a heading's line
        into the text's is only its part after the line break; a name wrapped by hand across lines is kept."""
        start = self.text.find(phrase)
        head, _, tail = phrase.rpartition("\n")
        if start < 0 or not tail.strip():
            return phrase
        line = self.text[self.text.rfind("\n", 0, start + len(head)) + 1 : start + len(head)]
        words = list(WORD.finditer(re.split(r"[.:!?]\s", line)[-1]))  # its last sentence: "Lee: Make Roads Safe"
        return tail.strip() if _is_heading_line(words, [m for m in words if m.group(0)[0].isupper()]) else phrase

    def is_name_word(self, token: str) -> bool:
        """Not a word only the headings capitalise ("Fires" in "ESPN Fires Coach"), nor a word in capitals that the
        article also writes in lower case ("FULL TEXT", "BREAKING"): those are headings' words, not names."""
        word = POSSESSIVE.sub("", token)
        return word not in self.heading_only and not (
            len(word) > 1 and word.isupper() and word.lower() in self.lower)

    def is_proper(self, word: str) -> bool:
        """Capitalised inside a sentence somewhere in the running text: a name, not a sentence's first word."""
        return POSSESSIVE.sub("", word) in self.proper

    def sentence_of(self, position: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.lower and word.lower() not in ROLE_WORDS

    def is_place(self, name: str) -> bool:
        return name in self.places and len(name.split()) > 1

    def refers_back_to(self, role: str) -> int | None:
        """Where the article first writes this role with a definite article and no name after it ("the spokesman
        said"): a later mention of someone. The text's end when it writes the role only right before names ("said
        his best friend at Harbour College, Ned Arlow", however the speaker's phrase was cut): one of them. None
        when it also writes the role alone without a definite article ("a spokesman said": someone not named; "her
        friend said": not one the article named before)."""
        if not (role[:1].islower() or role.split()[-1].lower() in ROLE_WORDS) or not self.language:
            return None  # a role, in lower case ("spokesman") or as the language writes nouns ("Sprecher")
        definite = {w.lower() for w in vocabulary((self.language,)).definite_articles}
        pattern = rf"(?:(?<![\w’'])(?P<det>[\w’']+)\s+)?(?<![\w’'\-]){re.escape(role)}(?![\w’'\-])"
        mentions = [(m.start(), (m.group("det") or "").lower(), NAMED_AFTER.match(self.text, m.end()) is not None)
                    for m in re.finditer(pattern, self.text, re.IGNORECASE)]
        alone = [(at, determiner) for at, determiner, named in mentions if not named]
        back = [at for at, determiner in alone if determiner in definite]
        return back[0] if back else (len(self.text) if mentions and not alone else None)

    def first_epithet(self, role: str) -> tuple[int | None, str | None]:
        """Where the article first writes this role after a definite article that in its language may stand for
        the person written about ("el mandatario"), with no name after it, and the gender that article gives ("la
        titular": a woman); None if it never does, or also writes the role with an indefinite article."""
        words = vocabulary((self.language,)) if self.language else None
        if not words or not words.epithet_articles:
            return None, None
        role_at = rf"(?<![\w’'\-]){re.escape(role)}(?![\w’'\-])"
        # the article's own language's indefinites: English "a" is Portuguese "the" ("a petista")
        indefinites = "|".join(map(re.escape, words.indefinites or tuple(INDEFINITE_WORDS)))
        if re.search(rf"(?<![\w’'])(?i:{indefinites})\s+{role_at}", self.text):
            return None, None
        articles = "|".join(map(re.escape, words.epithet_articles))
        for match in re.finditer(rf"(?<![\w’'])(?P<article>(?i:{articles}))\s*{role_at}", self.text):
            if NAMED_AFTER.match(self.text, match.end()) is None:
                article = match.group("article").lower()
                gender = "male" if article in words.male_articles else "female" if article in words.female_articles \
                    else None
                return match.start(), gender
        return None, None

    def stands_alone(self, word: str) -> bool:
        """Whether the article writes this capitalised word anywhere without another name word right after it:
        "Quill said", "Quill’s plan"; not "National" if it only writes "National Committee" and "National Guard"."""
        if re.search(r"[^\w’'\-]", word):  # "St.": not a word of one token
            pattern = rf"(?<![\w’'\-]){re.escape(word)}(?:[’']s?)?(?![\w’'\-])(?!\s+{NAME_WORD})"
            return re.search(pattern, self.text) is not None
        if self._alone is None:
            self._alone = {POSSESSIVE.sub("", m.group(0)) for m in NAME_WORD_ALONE.finditer(self.text)}
        return word in self._alone

    def nicknames(self) -> dict[str, str]:
        """"Bobby Lund" -> "Robert Lund": the names the article writes with a nickname in quote marks or brackets
        between first name and surname ("Robert “Bobby” Lund"), the nickname's form to the full one."""
        return {f"{m.group(2)} {m.group(3)}": f"{m.group(1)} {m.group(3)}" for m in NICKNAMED.finditer(self.text)}

    def named_later_as(self, role: str) -> set[str]:
        """The full names the article gives, after it first writes this role, right after a definite article and
        the role's head noun (with no word the role does not have): "The spokeswoman, Ada Kern," for "company
        spokeswoman"; not "The union's spokesman, Tom Reyes," for "company spokesman"."""
        words = role.lower().split()
        first = self.text.lower().find(role.lower())
        articles = vocabulary((self.language,)).definite_articles if self.language else ()
        if first < 0 or not articles:
            return set()
        pattern = (rf"(?<![\w’'])(?i:{'|'.join(map(re.escape, articles))})\s+(?P<between>(?:[\w’'\-]+\s+){{0,2}}?)"
                   rf"(?i:{re.escape(words[-1])}),?\s+(?P<name>{NAME_WORD}(?:{GAP}{NAME_WORD}){{1,3}})")
        return {m.group("name") for m in re.finditer(pattern, self.text[first:])
                if set(m.group("between").lower().split()) <= set(words)}

    def surnames_like_stop_words(self) -> set[str]:
        """"Dana Every, a strategist", "columnist Ivo Will": a stop word the article capitalises right after a
        first name (and before no other name word) is that person's surname, wherever it stands."""
        if self._stop_surnames is None:
            pair = compiled(rf"(?<![\w’'\-])({NAME_WORD})\s+({NAME_WORD})(?![\w’'\-])(?!\s+{NAME_WORD})")
            pairs = pair.finditer(self.text)
            self._stop_surnames = {m.group(2) for m in pairs if m.group(2).lower() in STOP_NAMES
                                   and m.group(2)[1:].islower() and self._is_first_name(m.group(1), inside=False)
                                   and not self._capitalised_sentence_start(m.group(1), m.group(2))}
        return self._stop_surnames

    def _capitalised_sentence_start(self, first: str, stop_word: str) -> bool:
        """German capitalises nouns, the polite "Sie" and a heading's next sentence's first word ("Entdecken Sie die
        Stadt", "Kalbeck Im Norden der Stadt"): there a stop word of the article's own language is no surname,
        and a first name is capitalised inside a sentence and no noun the article writes after an article."""
        return self.capitalises_nouns and (stop_word.lower() in self.stop_words or not self.is_proper(first)
                                           or first in self.nouns)

    def _is_first_name(self, word: str, inside: bool = True) -> bool:
        """Capitalised (`inside` a sentence somewhere), never in lower case; no stop word, title, role, place or
        organisation."""
        return (self.is_proper(word) or not inside) and self.is_name_word(word) and word.lower() not in self.lower and \
            word.lower() not in STOP_NAMES and word.lower() not in ROLE_WORDS and not (
                TITLE_TOKEN.match(word) or NOT_A_NAME.search(word) or POSSESSIVE.search(word))

    def first_names_of(self, word: str) -> set[str]:
        """The words the article writes right before this name word as a first name: capitalised inside a sentence,
        never in lower case, no title, role, place or organisation ("Jan" of "Jan Albers", not "President")."""
        found = set()
        for match in re.finditer(rf"(?<![\w’'\-])({NAME_WORD})\s+{re.escape(word)}(?![\w\-])", self.text):
            if self._is_first_name(match.group(1)):
                found.add(match.group(1))
        return found

    def roles_before(self, name: str) -> list[tuple[str, int]]:
        """"Prime Minister Ola Brekke", "the ministry’s spokesman, Tom Reyes": the role words the article writes
        right before a full name, and where, as "the prime minister" or "the spokesman" may later stand for that
        person."""
        if name not in self._roles_before:
            found: list[tuple[str, int]] = []
            for match in re.finditer(rf"(?<![\w’'\-]){re.escape(name)}(?![\w’'\-])", self.text):
                before = ROLE_RUN_BREAK.split(self.masked[max(0, match.start() - 80) : match.start()])[-1]
                found += [(phrase, match.start()) for phrase in role_phrases(before, self.language)]
            self._roles_before[name] = found
        return self._roles_before[name]


def _without_elision(word: str) -> str:
    """"l’entraîneur" -> "entraîneur": the word after an elided article or preposition."""
    return re.sub(r"^[^\W\d_]{1,4}[’']", "", word)
