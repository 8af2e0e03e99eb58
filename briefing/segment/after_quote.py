"""The attribution right after a quote: '..., said Ann Lee', '..., she said', '..., according to X', a document
that reads, or a signature line ("— Ann Lee")."""

from __future__ import annotations

import re

from briefing.model import Segment
from briefing.segment.article_words import ArticleWords
from briefing.segment.names import LINKING_WORDS, ROLE_LINK, split_name
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import ADVERB, NAME_WORD, SENTENCE_END, UPPER, VOCAB, WHEN, LanguagePattern, Words
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations
from briefing.segment.speaker_phrase import (
    CONJUNCTION_WORDS,
    PARENTHESES,
    PHRASE,
    SUBJECT,
    Attribution,
    document,
    first_named_part,
    is_pronoun,
    joint_speakers,
    trim,
    usable,
)

RELATIVE = LanguagePattern(lambda w: w.any_of("relatives"))
GERUND_ENDINGS = tuple(VOCAB.gerund_endings)
# After a role ("said his best friend at Kelby College"), the name the sentence gives it between commas
APPOSITIVE_NAME = LanguagePattern(lambda w: rf"[^.,;:!?“”\"«»]{{0,60}},\s+(?P<name>{w.name})(?=\s*[,.;]|\s*$)")
SEP = r"^[\s,.–—-]*"
# "Secretary of State Ann Lee", "chief of staff Bo Kim", "le directeur à l’équipement Ivo Marrin": up to the next
# comma or sentence end, a title holding "of" (or the word of the article's language that says whose a role is)
TITLE_WITH_OF = LanguagePattern(lambda w: (
    rf"(?P<phrase>[^,.;:!?“”\"«»\n]{{1,40}}?\s(?:of|{w.any_of('role_links')})"
    # then the domain and the name: a few words, none that opens a clause ("sur le chantier qu’a dirigé X")
    rf"(?:\s+(?!(?:{w.clause_word}|{w.any_of('relatives')})(?![\w’']))[^\s,.;:!?“”\"«»]+){{1,6}}?)\s*(?=[,.;:!?]|$)"))
CLAUSE_WORDS_AND_ARTICLES = {w.lower() for w in VOCAB.clause_words + VOCAB.articles + VOCAB.determiners}
PLURAL_VERBS = {w.lower() for w in VOCAB.plural_verbs}
# "touches 3 states", "the notes": a number or a determiner (of the article's language) ends the phrase
COUNTED_END = LanguagePattern(
    lambda w: rf"(?<![\w’'])(?:\d[\d,.]*|(?i:{w.any_of('determiners', 'indefinites', 'articles')}))\s*\Z")
# "Die Eltern sammelten ...": a sentence opening with an article and a noun, then a word in lower case (its verb)
GROUP_SUBJECT = LanguagePattern(lambda w: (
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<group>{w.determiner}\s+[{UPPER}][\w\-]+)(?=\s+[^\W\d_{UPPER}])"))
# After a verb, what reports speech of its own: "said that ...", "said he would ...", "announced a plan"
# ("relatou que ...": the language's word opening a reported clause)
REPORTED_SPEECH = LanguagePattern(lambda w: rf"\s+(?:that\b|{w.any_of('complementizers')}\s|"
                                           rf"(?:{w.pronoun}|{w.determiner}|{NAME_WORD})\s+[\w’']+)")


def _clause_after(w: Words) -> str:
    """After "said", the speaker's phrase stops at a preposition or a clause ("wrote Ann Lee in The Daily Mail"),
    at a line break (a name never runs into the next paragraph) and at a dash (the end of an aside: "—dijo Ana Ruiz—
    y ...")."""
    return rf"(?:(?!\s{w.clause_word}\b)[^.!?“”\"«»「」;:,–—\n]){{1,100}}"


def _phrase_after(w: Words) -> str:
    """The speaker's phrase after "said": it may hold one comma ("son secrétaire général, Marc Lefèvre"; not a clause
    after it: "el mandatario, en alusión a ..."), or be someone new out of a group ("one of the organisers")."""
    part_of = rf"{w.any_of('indefinites', capitals=True)}\s+of\s+"
    # not a clause of its own after the comma: "said Ann Lee, though she added that ..."
    clause = rf"(?:{w.clause_word}|{w.any_of('subordinators', 'conjunctions')})\b"
    return (rf"(?!{w.clause_word}\b)(?:{part_of}{_clause_after(w)}|"
            rf"{_clause_after(w)}(?:,\s+(?!{clause}){_clause_after(w)})?)")


def _recipient(w: Words) -> str:
    """"a déclaré à Kelbinfo le porte-parole", "dijo a Kelnoticias el ministro": whom the speaker told (one
    capitalised word, maybe elided onto an article) between the verb and the speaker's phrase, which starts with a
    determiner."""
    return (rf"(?:{w.any_of('recipients')}\s*(?:[\w]{{1,2}}[’']\s*)?[{UPPER}][\w.\-]*\s+"
            rf"(?={w.determiner}\s))?")


AFTER_QUOTE = [  # (pattern on the narration right after a quote, cue)
    (LanguagePattern(lambda w: rf"{SEP}{w.speech_verbs}{WHEN},?\s+(?:{w.any_of('verb_asides')},?\s+)?{_recipient(w)}"
                               rf"(?P<name>{_phrase_after(w)})"),
     "said-after"),
    # '"..." for the mayor, said Ann Lee': the quote's sentence runs on in lower case, then the speaker follows
    # the verb
    (LanguagePattern(lambda w: rf"{SEP}(?!{w.pronoun}\b|{w.determiner}\b)[a-z][^.!?“”\"«»]{{0,120}}?,\s+"
                               rf"{w.speech_verbs}{WHEN},?\s+(?={NAME_WORD})(?P<name>{_phrase_after(w)})"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}(?P<name>{w.pronoun}|{SUBJECT}?)\s+{ADVERB}(?P<verb>{w.speech_verbs})\b"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}{w.according_to}\s+(?P<name>{PHRASE})"), "according-to"),
    (LanguagePattern(lambda w: rf"{SEP}(?P<name>{document(w)})\s+(?:that\s+)?{w.any_of('document_verbs')}\b"),
     "said-after"),
    (LanguagePattern(lambda w: rf"{SEP}{w.any_of('document_verbs')}\s+(?P<name>{document(w)})"), "said-after"),
    # the subject pronoun after its verb, joined by hyphens: « ... », a-t-elle ajouté / dit-il / ajoute-t-elle
    (LanguagePattern(lambda w: rf"{SEP}(?:[\w’']+-t-|{w.speech_verbs}-)(?P<name>{w.pronoun})\b"), "said-after"),
]
# '«...», — сообщили в полиции': a plural speech verb with no subject, then "в" and the institution that speaks (a
# Russian row; a time or a channel after "в" is none); its name may stand in quotation marks ('в "Кельбтрансе"')
INSTITUTION = LanguagePattern(lambda w: (
    rf"{SEP}{w.any_of('institution_verbs')}\s+{w.locative_word}\s+(?!{w.any_of('not_institutions')}(?!\w)|\d)"
    rf"(?P<name>[\"“„«]?[^.,;:!?\"“”\n–—]{{1,80}}?[\"”“»]?)\s*(?=[.,;:!?–—]|$)"))
# "..., says Ann Lee." ending the narration: the speaker named after the verb at the sentence's end
NAMED_AT_THE_END = LanguagePattern(lambda w: rf",?\s+(?P<name>(?:{w.title}\s+)*{w.name})\s*(?:[.!?]|$)")
SUSPENDED_HYPHEN = re.compile(r"(?<=\w)-,(?=\s)")  # "Bau-, Verkehrs- und ...": a compound cut short
# "— Ann Lee": a line of its own, or the end of the quote's paragraph, that signs the quote
SIGNATURE = compiled(rf"^\s*[–—-]+\s*(?P<name>[{UPPER}][^,;:!?()]{{0,60}}?)[\s.,]*$")  # split_name checks it


def right_after(segments: list[Segment], index: int, stop_words: set[str],
                 article: ArticleWords | None) -> Attribution | None:
    """The attribution in the narration right after the quote: in its paragraph, or a signature line ("— Ann Lee")
    that ends the paragraph or makes up the next one."""
    quote = segments[index]
    following = segments[index + 1] if index + 1 < len(segments) else None
    if not following or following.kind != "narration" or following.paragraph > quote.paragraph + 1:
        return None
    signature = SIGNATURE.match(following.text)
    if signature and _signs(signature.group("name")):
        return Attribution(signature.group("name"), following.start + signature.start("name"),
                            f'said-after: "{following.text.strip()}"')
    if following.paragraph != quote.paragraph or _leads_into_the_next_quote(segments, index):
        return None
    return _institution(following) or _after_quote(quote, following, stop_words, article)


def _leads_into_the_next_quote(segments: list[Segment], index: int) -> bool:
    """'"We lost." Kim replied: "..."': after a quote that ends its sentence, narration that runs without a sentence
    end into the next quote (or ends in a colon) is that quote's lead-in, not this one's attribution. So is
    narration that opens a new sentence ('"... that". Bo Renner said, "..."'), and, after a quote that a colon
    introduced, narration that ends in a colon ('X fanno sapere: «...», mentre Y dice: «...»')."""
    quote, following = segments[index], segments[index + 1]
    following_next = segments[index + 2] if index + 2 < len(segments) else None
    masked = mask_abbreviations(following.text).strip()
    opens_a_sentence = masked[:1] in SENTENCE_END
    if not (quote.text.rstrip().endswith(tuple(SENTENCE_END)) or opens_a_sentence
            or (_after_a_colon(segments, index) and masked.endswith(":"))):
        return False
    masked = masked.lstrip(SENTENCE_END + " ")
    if SENTENCE_BREAK.search(masked) or masked.endswith(tuple(SENTENCE_END)):
        return False
    return masked.endswith(":") or (following_next is not None and following_next.kind == "quote"
                                    and following_next.paragraph == following.paragraph)


def _after_a_colon(segments: list[Segment], index: int) -> bool:
    """The quote's own lead-in ends in a colon right before it ("X said:"), in its paragraph or at the end of the
    one before."""
    before = segments[index - 1] if index else None
    return (before is not None and before.kind == "narration"
            and segments[index].paragraph - 1 <= before.paragraph <= segments[index].paragraph
            and before.text.rstrip().endswith(":"))


def _opens_with_a_gerund(phrase: str) -> bool:
    """"dijo refiriéndose a la UE": a gerund right after the verb opens a clause of its own, and the sentence leaves
    its subject out; whoever spoke is named elsewhere."""
    first = phrase.split()[:1]
    return bool(GERUND_ENDINGS and first) and first[0][:1].islower() and first[0].endswith(GERUND_ENDINGS)


def _signs(phrase: str) -> bool:
    """"Rep. Ann Lee" signs a quote; "Reporting by Ann Lee" (a credit line) does not."""
    name = split_name(phrase).name
    before = phrase[: phrase.rfind(name)].split() if name else []
    return bool(name) and all(word[:1].isupper() for word in before)


def _after_quote(quote: Segment, following: Segment, stop_words: set[str],
                 article: ArticleWords | None = None) -> Attribution | None:
    """'..., said Ann Lee' / '..., she said' / '..., according to X' right after the quote. Not a new sentence that
    reports other speech ('"We lost." Lee said that the vote was unfair') or opens with a linking word ('"We lost."
    And as Lee noted, ...'): that is narration of its own."""
    masked = _joined_compounds(_blank_parentheses(mask_abbreviations(following.text)))
    for pattern, cue in AFTER_QUOTE:
        match = pattern.match(masked)
        verb = (match.groupdict().get("verb") or "") if match else ""
        if verb and (inverted := _named_after_the_verb(following, masked, match, article)):
            return inverted
        if verb and _sentence_ended(quote, masked) and (REPORTED_SPEECH.match(masked, match.end())
                                                          or _opens_a_new_clause(masked[match.start("name") :])):
            continue
        if verb and _no_subject_of_the_verb(masked[match.start("name") : match.start("verb")]):
            continue
        if match and not verb and _opens_with_a_gerund(masked[match.start("name") :]):
            continue
        name = trim(_joined_compounds(following.text)[match.start("name") : match.end("name")], verb, stop_words) \
            if match else ""
        if match and pattern in (AFTER_QUOTE[0][0], AFTER_QUOTE[1][0]):
            name = joint_speakers(name, article) or first_named_part(name)
            named_later = None if split_name(name).name else (
                _titled_with_of(following, match.start("name"), cue, article)
                or _name_of_the_role(following, match.end(), cue))
            if named_later:
                return named_later
        if match and usable(name, article):
            evidence = following.text[: match.end()].strip(" ,.–—-")
            if is_pronoun(name) and _plural_verb(masked[: match.end()]):
                return _group_before(quote, article, f'{cue}: "{evidence}"')
            return Attribution(name, following.start + match.start("name"), f'{cue}: "{evidence}"')
    return None


def _institution(following: Segment) -> Attribution | None:
    """'«...», — сообщили в полиции': the institution after "в" speaks, as one voice (its name is no person's)."""
    institution = INSTITUTION.match(mask_abbreviations(following.text))
    if not institution:
        return None
    name = institution.group("name")
    bare = name.strip("«»\"„“” ")
    evidence = following.text[: institution.end()].strip(" ,.–—-")
    return Attribution(bare, following.start + institution.start("name") + name.index(bare),
                       f'said-after: "{evidence}"', group=True)


def _plural_verb(text: str) -> bool:
    """"sagten sie": a plural verb form makes German "sie" "they", not "she"."""
    return any(word.lower() in PLURAL_VERBS for word in re.findall(r"[^\W\d_]+", text))


def _group_before(quote: Segment, article: ArticleWords | None, cue: str) -> Attribution | None:
    """Whom a plural "sie" after a quote stands for: the group that opens one of the two sentences before it ("Die
    Eltern sammelten Spenden."); nobody (not the last woman named) when none does."""
    if article is None:
        return None
    window = article.text[max(0, quote.start - 400) : quote.start]
    groups = list(GROUP_SUBJECT.finditer(mask_abbreviations(window)))
    if not groups or len(SENTENCE_BREAK.findall(window[groups[-1].start() :])) > 2:
        return None
    found = groups[-1]
    return Attribution(window[found.start("group") : found.end("group")], quote.start - len(window) +
                       found.start("group"), f"{cue} (they: {found.group('group')})", group=True)


def _sentence_ended(quote: Segment, masked: str) -> bool:
    """'"We lost." Lee ...', '"We lost". Lee ...': the quote's sentence ends with it (the full stop inside or
    outside the closing mark)."""
    return quote.text.rstrip().endswith(".") or masked.lstrip().startswith(".")


def _named_after_the_verb(following: Segment, masked: str, match: re.Match,
                          article: ArticleWords | None) -> Attribution | None:
    """'"..." Most of the help comes online, says Ann Lee.': the narration after the quote is someone's paraphrase,
    its speaker named after the verb at the end; the words before the verb are no subject, and the speaker is the
    quote's too."""
    named = NAMED_AT_THE_END.match(masked, match.end())
    subject = following.text[match.start("name") : match.start("verb")]
    if not subject.rstrip().endswith(",") or _opens_with_a_name(subject, article) or \
            match.group("verb").split()[-1] in LINKING_WORDS:
        return None  # "Lee told Ann Kim.", "Lee, a pastor, told Kim.": the name after the verb is whom it was said to
    if not named or not split_name(following.text[named.start("name") : named.end("name")]).name:
        return None
    evidence = following.text[: named.end("name")].strip(" ,.–—-")
    return Attribution(following.text[named.start("name") : named.end("name")], following.start + named.start("name"),
                       f'said-after: "{evidence}"')


def _opens_with_a_name(phrase: str, article: ArticleWords | None) -> bool:
    """"Ann Lee, a pastor,", "Senator Ann Lee,", "Lee, after a pause,": a phrase whose first words are a name."""
    name = split_name(phrase.split(",")[0], article).name.split()
    return any(word in name for word in phrase.split()[:3])


def _name_of_the_role(following: Segment, end: int, cue: str) -> Attribution | None:
    """"said his best friend at Kelby College, Teo Brask, who ...": the name the sentence gives the role, set off
    by commas."""
    named = APPOSITIVE_NAME.match(following.text, end)
    if not named or not split_name(named.group("name")).name:
        return None
    evidence = following.text[: named.end()].strip(" ,.–—-")
    return Attribution(named.group("name"), following.start + named.start("name"), f'{cue}: "{evidence}"')


def _titled_with_of(following: Segment, start: int, cue: str, article: ArticleWords | None) -> Attribution | None:
    """"said Secretary of State Ann Lee", "said chief of staff Bo Kim", "a précisé le directeur à l’équipement Ivo
    Marrin": a title that holds "of" (or the language's link of a role to its domain) runs on to the name it stands
    before (the phrase after the verb stops at "of", "à" otherwise); not a name that is the object of the link
    ("said the mother of Ann Lee": her mother speaks)."""
    titled = TITLE_WITH_OF.match(following.text, start)
    if not titled:
        return None
    phrase = titled.group("phrase")
    parts = split_name(phrase, article)
    name = parts.name
    before = phrase[: len(phrase) - len(name)].split() if name and phrase.endswith(name) else []
    # "the mother of Ann Lee" gives only her surname, "le fils de Ivo Marrin" names whose son speaks: someone of theirs
    if not before or before[-1].lower() in CLAUSE_WORDS_AND_ARTICLES or ROLE_LINK.fullmatch(before[-1].lower()) \
            or (len(name.split()) < 2 and not parts.titles):
        return None
    evidence = following.text[: titled.end("phrase")].strip(" ,.–—-")
    return Attribution(name, following.start + titled.end("phrase") - len(name), f'{cue}: "{evidence}"')


def _no_subject_of_the_verb(phrase: str) -> bool:
    """"... and Kelby workers who demanded $15": the verb is a relative clause's. "touches 3 states", "his
    remarks": a speech verb right after a number or a determiner is a noun of the same spelling. Either way the
    words before it name no speaker."""
    return _ends_in_a_relative(phrase) or COUNTED_END.search(phrase) is not None


def _ends_in_a_relative(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and RELATIVE.fullmatch(words[-1].lower()) is not None


def _joined_compounds(text: str) -> str:
    """"der Bau-, Verkehrs- und Umweltdirektor Rolf Amsel": the comma after a word cut short by a hyphen (the rest
    of the compound follows) ends no phrase; blanked, offsets kept."""
    return SUSPENDED_HYPHEN.sub("- ", text)


def _blank_parentheses(text: str) -> str:
    """"Rep. Bo Karsten (D-Ore.) said": an aside in parentheses (party, state, age) is blanked, offsets kept, so its
    full stops do not end the speaker's phrase."""
    return PARENTHESES.sub(lambda m: " " * len(m.group(0)), text)


def _opens_a_new_clause(text: str) -> bool:
    """"And as Lee noted, ...", "But when Kim said": a capitalised linking word opens a sentence of its own."""
    first = text.split()[:1]
    return bool(first) and first[0][:1].isupper() and first[0].lower() in LINKING_WORDS | CONJUNCTION_WORDS
