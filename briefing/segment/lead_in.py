"""The attribution in the sentence that leads into a quote: 'X said:', 'According to X,', 'In a statement, the
board said:', 'X: ...', and the person who introduces a partial quote ('Lee called it "a giveaway"')."""

from __future__ import annotations

import re

from briefing.model import Segment
from briefing.segment.article_words import ArticleWords
from briefing.segment.mentions import CANDIDATE, ROLE_THEN_NAME
from briefing.segment.names import ROLE_LINK, split_name
from briefing.segment.pattern_cache import compiled
from briefing.segment.patterns import ADVERB, UPPER, VOCAB, WHEN, LanguagePattern, alternation, capitalised
from briefing.segment.sentences import PARTIAL_QUOTE_INTRO, mask_abbreviations, sentence_start
from briefing.segment.speaker_phrase import (
    SUBJECT,
    Attribution,
    document,
    has_acronym,
    is_pronoun,
    main_clause,
    opens_a_leading_clause,
    person_name,
    role_of,
    trim,
    usable,
)

BEFORE_QUOTE_VERB = LanguagePattern(lambda w: (
    # "Ann Lee said:", and "The ad claims", "said in a statement that": the verb ends the lead-in
    # (or "explicó que" before a quote in the speaker's own words: the word opening the reported clause)
    rf"(?P<name>{w.pronoun}\b|{SUBJECT}?)\s+{ADVERB}(?P<verb>{w.speech_verbs})\b"
    rf"(?:[^.!?]*[,:]|(?:{WHEN}\s+that)?|[^.!?;:]{{0,60}}?(?<!\w){w.any_of('complementizers')})\s*$|"
    rf"(?:{w.according_to}\s+(?P<name2>[^,.!?:]{{1,120}})[^.!?]*|"
    # "Said the mayor, ..."
    rf"^\s*{alternation(capitalised(w.vocab.speech_verbs))}\s+(?P<name3>[^,.!?:]{{1,80}}))[,:]\s*$|"
    rf"(?P<name4>{SUBJECT}?),\s+{ADVERB}(?P<verb2>{w.speech_verbs})\s*$|"  # "Ann Lee posted a photo, writing"
    rf"(?P<name5>{document(w)})\s+(?:that\s+)?{w.any_of('document_verbs')}[,:]?\s*$|"  # "a sign that read"
    # "..., the board writes.", "Ann Lee agreed.": a sentence whose short subject speaks, right before the quote
    rf"(?:^\s*|,\s+)(?P<name7>(?:[\w’'\-.]+\s+){{0,5}}?[\w’'\-.]+)\s+{ADVERB}(?P<verb4>{w.speech_verbs}){WHEN}\.\s*$"
))
# "Ann Lee waved a placard saying", "wore caps reading,": a thing that shows words ends the lead-in; it speaks
DISPLAYED = LanguagePattern(lambda w: (
    rf"(?<![\w’'\-])(?P<name>(?:(?:{w.determiner}|{w.any_of('indefinites', capitals=True)})\s+"
    rf"(?:[\w’'\-]+\s+){{0,3}}?)?(?i:{w.any_of('displays')}))\s+(?:that\s+)?{w.any_of('display_gerunds')}[,:]?\s*$"))
# After "according to the company's director": the name the sentence gives that role, between commas
ROLE_THEN_APPOSITIVE = LanguagePattern(lambda w: rf",\s+(?P<name>{w.name})\s*,")
CAPITALISED_RUN = rf"(?:[{UPPER}][\w.’'\-]*\s+){{0,4}}[{UPPER}][\w’'\-]*"  # "Rep. Ann Lee": usable checks it
# ", but Ann Lee said", ", the source recalled": a later clause of the lead-in with a speaker of its own (a
# linking word in lower case may open it; a relative clause may stand between the speaker and the verb)
LATER_CLAUSE_SPEAKER = LanguagePattern(lambda w: (
    rf",[”\"’']?\s+(?:(?:[^\W\d_{UPPER}][\w’']*\s+)?(?P<name>{w.pronoun}|{CAPITALISED_RUN})|"  # 'act "calm," but'
    rf"(?P<role>{w.determiner}\s+(?:[\w’'\-]+\s+){{0,2}}[\w’'\-]+))"
    # "..., while Ann Lee, who heads the Kelby Fund, said": a relative clause between the name and its verb
    rf"(?:,\s+{w.any_of('relatives')}\s[^,.!?]{{1,150}},)?\s+{ADVERB}(?P<verb>{w.speech_verbs})\b(?<!ing)"))
# « Absurde. Ce processus est la norme, explique Ana Vidal, toxicologue. Les études ... », "Das war knapp – sagt
# Eva Roth – und wir wissen es": an incise inside the quote, the verb first, names who speaks
INCISE = LanguagePattern(lambda w: (
    rf"(?:,|\s[–—-])\s+{w.speech_verbs}(?:-t-\w+)?\s+"
    rf"(?P<name>(?:(?!\s{w.clause_word}\s)[^,.!?;:–—«»“”„\"()]){{1,60}}?)(?:\s+{w.clause_word}\s[^,.!?;:–—]*)?"
    rf"\s*(?:,|\s[–—-]|\.)"))
# "contou que o homem bateu na banca e disse:": a speech verb joined by "and" to the verb of a reported clause shares
# that clause's subject (the word after "que"), not the main clause's
REPORTED_SUBJECT_SPEAKS = LanguagePattern(lambda w: (
    rf"(?<!\w){w.any_of('complementizers')}\s+(?P<name>{w.determiner}\s+[^\W\d_{UPPER}][\w’'\-]*|{w.name})"
    rf"\s+[^\W\d_{UPPER}][^,.;:!?]{{0,80}}?\s{w.any_of('conjunctions')}\s+{ADVERB}{w.speech_verbs}\s*:\s*$"))
# "KIM:", "Ann Lee:" opening a quoted line of a transcript (a name of one to three words, then the line)
SPEAKER_LABEL = compiled(rf"(?P<name>[{UPPER}][\w’'\-]*(?: [{UPPER}][\w’'\-]*){{0,2}}):\s+\S")
# "... the next morning in the Kelby Star:", "... on Kelby TV:": right before where or to whom it was said
BEFORE_A_VENUE = LanguagePattern(
    lambda w: rf"(?<![\w’'])(?i:{w.any_of('venue_prepositions')})\s+(?:(?i:{w.any_of('articles')})\s+)?\Z")
ROLE_NOUNS = {w.lower() for w in VOCAB.role_nouns}
CONTRASTING_CLAUSE = LanguagePattern(lambda w: rf",\s+{w.any_of('adversatives')}\s")
BEFORE_A_ROLE = LanguagePattern(lambda w: rf"\s+{w.any_of('role_nouns')}\b")
PARTICLES = {w.lower() for w in VOCAB.particles}
LEAD_IN_NAMES = ("name", "name2", "name3", "name4", "name5", "name7")  # BEFORE_QUOTE_VERB's groups
LEAD_IN_VERBS = ("verb", "verb2", "verb4")


def partial_intro(preceding: Segment) -> Attribution | None:
    """'Former Kelby governor Ann Lee called it "a giveaway"': the person who introduces a partial quote."""
    start = sentence_start(preceding.text, len(preceding.text))
    match = PARTIAL_QUOTE_INTRO.search(mask_abbreviations(preceding.text[start:]))
    if not match:
        return None
    end = start + match.end("name")
    role_then_name = ROLE_THEN_NAME.match(preceding.text, end)  # "Former Kelby governor Ann Lee calls"
    name = preceding.text[start + match.start("name") : role_then_name.end() if role_then_name else end]
    return Attribution(name, preceding.start + start + match.start("name"), "partial-intro")


def speaker_label(quote: Segment, article: ArticleWords | None = None) -> Attribution | None:
    """'"DORNE: Did you lie?"', '"Ann Lee: We stay."': a quoted transcript line names its speaker before a colon (a
    name, not a word the article also writes in lower case: "Note:", "Update:")."""
    label = SPEAKER_LABEL.match(quote.text)
    name = label.group("name") if label else ""
    name = name.title() if name.isupper() else name  # "DORNE" is the Dorne the article names
    if not name or not _names_a_person(name, article):
        return None
    return Attribution(name, quote.start + label.start("name"), f'colon-lead-in: "{label.group("name")}:"')


def incise(quote: Segment, article: ArticleWords | None = None) -> Attribution | None:
    """« Absurde, explique Ana Vidal, toxicologue. Les études ... »: the speaker a quote names in an incise of its
    own (a speech verb, then the speaker, between commas or dashes)."""
    found = INCISE.search(quote.text)
    if not found or not _a_speaker(found.group("name"), article):
        return None
    # the cue of a verb-first attribution after the quote's words, as the ranker knows it
    return Attribution(found.group("name"), quote.start + found.start("name"),
                       f'said-after: "{found.group(0).strip(" ,–—-")}" (an incise)')


def _a_speaker(phrase: str, article: ArticleWords | None) -> bool:
    """An incise names a person ("Ana Vidal, toxicologue"), a pronoun, or a role or group the language lists ("gli
    attivisti"); not any phrase after a verb ("answered a grand total of seven questions")."""
    role = role_of(phrase)
    return is_pronoun(phrase) or bool(person_name(split_name(phrase, article).name)) or bool(
        role and _head(role).lower() in ROLE_NOUNS)


def _head(role: str) -> str:
    """The noun a role phrase is about: its last word, or the word before a link that says whose role it is
    ("candidato de Avanza Norte")."""
    words = role.split()
    link = next((i for i, word in enumerate(words) if i and ROLE_LINK.fullmatch(word)), len(words))
    return words[link - 1]


def _names_a_person(name: str, article: ArticleWords | None) -> bool:
    """"Ann Lee", or "Dorne" that the article also gives with a first name ("Teo Dorne"); not "Note", "Update",
    "Editor's Note", nor a lone word that may be a place's name."""
    if article is None or any(article.is_common_word(word) for word in name.split()):
        return False
    if " " in name:
        return bool(person_name(split_name(name, article).name))
    fuller = re.search(rf"[{UPPER}][\w’'\-]+\s+{re.escape(name)}(?![\w’'\-])", article.text)
    return fuller is not None and bool(person_name(split_name(fuller.group(0), article).name))


def lead_in(preceding: Segment, stop_words: set[str] = frozenset(), attributes_previous: bool = False,
            article: ArticleWords | None = None) -> Attribution | None:
    """'X said:' / 'According to X,' / 'In a statement, the board said:' / 'X: ...' before the quote."""
    sentence_at = sentence_start(preceding.text, len(preceding.text))
    sentence = preceding.text[sentence_at:]
    offset = preceding.start + sentence_at
    masked = mask_abbreviations(sentence)
    shared = REPORTED_SUBJECT_SPEAKS.search(masked) or DISPLAYED.search(masked)
    if shared:
        return Attribution(shared.group("name"), offset + shared.start("name"),
                           f'said-before: "{sentence[shared.start() :].strip(" ,:")}"')
    match = BEFORE_QUOTE_VERB.search(masked)
    later = _later_clause_speaker(masked, match)
    if later:
        group = "name" if later.group("name") else "role"
        return Attribution(later.group(group), offset + later.start(group),
                            f'said-before: "{sentence[later.start(group) :].strip(" ,:")}"')
    group = next((g for g in LEAD_IN_NAMES if match.group(g)), "") if match else ""
    verb = next((match.group(g) for g in LEAD_IN_VERBS if match.group(g)), "") if match else ""
    name = trim(sentence[match.start(group) : match.end(group)], verb, stop_words) if match else ""
    if group == "name2" and not person_name(split_name(name).name):
        named = ROLE_THEN_APPOSITIVE.match(sentence, match.end(group))  # "Segundo a diretora da empresa, Ana Souza,"
        if named and person_name(split_name(named.group("name")).name):
            return Attribution(named.group("name"), offset + named.start("name"),
                               f'according-to: "{sentence[match.start(group) : named.end()].strip(" ,:")}"')
    if group == "name7" and ((attributes_previous and sentence_at == 0) or opens_a_leading_clause(name)):
        match = None  # "..., as the crowd cheered.": a leading clause's subject, not the sentence's
    # "Ähnlich äußerte sich Jan Kobel:": a word that only starts sentences, then the verb, then the speaker
    opener = _names_no_one(name, article) or (match is not None and verb and _after_a_leading_clause(
        sentence, match, verb, article))
    inverted = _named_after_the_verb(sentence, match, verb) if match and verb and opener else None
    if inverted:
        return Attribution(inverted[0], offset + inverted[1], f'said-before: "{sentence.strip(" ,:")}"')
    if match and usable(name):
        cue = {"name2": "according-to", "name3": "said-before"}.get(group, "said-before")
        evidence = f'{cue}: "{sentence[match.start() : match.end()].strip(" ,:")}"'
        return Attribution(name, offset + match.start(group), evidence)
    if sentence.rstrip().endswith(":"):
        return _colon_lead_in(sentence, offset, article)
    return None


def _named_after_the_verb(sentence: str, match: re.Match, verb: str) -> tuple[str, int] | None:
    """"Ähnlich äußerte sich Fraktionschef Jan Kobel:": with nobody named before the verb (a sentence that opens with
    an adverb, German word order), the person named right after it, up to the colon, or the pronoun right after it
    ("Dazu sagte sie:")."""
    verb_end = next(match.end(g) for g in LEAD_IN_VERBS if match.group(g) == verb)
    rest = sentence[verb_end:]
    phrase = rest.strip(" ,:").split(",")[0]
    start = verb_end + rest.find(phrase)
    # the subject right after the verb ends where the sentence goes on in lower case ("sagte Kim am Montag bei
    # ...:"), a name's particle aside ("sagte Ulla von der Brack:")
    words = phrase.split()
    cut = next((i for i, word in enumerate(words) if i and word[:1].islower() and word.lower() not in PARTICLES),
               len(words))
    phrase = " ".join(words[:cut])
    if phrase.split()[:1] and is_pronoun(phrase.split()[0]) and sentence.rstrip().endswith(":"):
        return phrase.split()[0], start  # "Dazu sagte sie:", "Am Telefon berichtet sie mir:"
    return (phrase, start) if phrase and person_name(split_name(phrase).name) and sentence.rstrip().endswith(":") \
        else None


def _after_a_leading_clause(sentence: str, match: re.Match, verb: str, article: ArticleWords | None) -> bool:
    """"Auf die Frage, wann ... fahre, sagte Kim am Dienstag:": in German a clause before the comma fills the first
    place, so the verb right after the comma comes second and its subject follows it."""
    verb_start = next(match.start(g) for g in LEAD_IN_VERBS if match.group(g) == verb)
    return article is not None and article.capitalises_nouns and sentence[:verb_start].rstrip().endswith(",")


def _names_no_one(phrase: str, article: ArticleWords | None) -> bool:
    """"Ähnlich", "Dazu": one word that only starts sentences; in a language that capitalises its nouns also
    "Am Telefon", "Im Gespräch": words before the verb that name no one (German puts the subject after the verb)."""
    if article is None:
        return False
    if len(phrase.split()) == 1 and not article.is_proper(phrase.strip()):
        return True
    return article.capitalises_nouns and bool(phrase.split()) and not is_pronoun(phrase) \
        and not split_name(phrase, article).name and role_of(phrase) is None


def _later_clause_speaker(masked: str, match: re.Match | None) -> re.Match | None:
    """"His wife had warned him, but Tom Vale said: ..." -> the speaker of the last clause before the quote."""
    verb = next((group for group in LEAD_IN_VERBS if match and match.group(group)), None)
    if verb is None:
        return None
    verb_end = match.end(verb)
    found = [m for m in LATER_CLAUSE_SPEAKER.finditer(masked, verb_end) if usable(m.group("name") or m.group("role"))]
    return found[-1] if found else None


def _colon_lead_in(sentence: str, offset: int, article: ArticleWords | None = None) -> Attribution | None:
    """'When Lee died, Mayor Kim released a statement:' -> the main clause's subject (Kim), a person before an
    organisation; 'The Kelby campaign, in a note to voters, wrote:' -> the role or group that opens the main clause."""
    main = _main_clause_start(sentence)
    subject, *rest = sentence[main:].split(",")
    if len(subject.split()) <= 6 and role_of(subject) and not split_name(subject).name:
        appositive = rest[0] if rest and len(rest[0].split()) <= 5 else ""
        if split_name(appositive).name:  # "One early backer, Rep. Ann Lee, put it this way:": the name
            return Attribution(appositive.strip(), offset + main + len(subject) + 1, "colon-lead-in")
        return Attribution(subject.strip(), offset + main, "colon-lead-in")
    # "... next morning in the Kelby Star:": a name right after "on", "in", "at", "to" is where or to whom it was said
    # "Former Lee aide Tom Vell wrote:": a name before a role noun describes the role; the aide speaks
    named = [c for c in CANDIDATE.finditer(sentence) if not BEFORE_A_VENUE.search(sentence[: c.start()])
             and not BEFORE_A_ROLE.match(sentence, c.end())]
    found = [(c.group(0), offset + c.start()) for c in named if usable(c.group(0))] or [
        (c.group(0), offset + c.start()) for c in named
        if has_acronym(c.group(0)) and not c.group(0).isupper()]  # "SHORT READS:" is a heading
    # People before organisations ("Asked by Harbour News, Ana Roe wrote:"), the main clause before the one leading
    # into it; a name with an acronym ("Kelby Action USA") only when nothing else is named
    # (German: "Der Philosoph und Politiker Ada Kern sah es so:": a role noun alone names no person)
    # "Lee wanted to leave, but Kim shook his head and said:": the clause after "but" has its own subject, who speaks
    contrast = offset + _last_contrasting_clause(sentence)
    candidates = sorted(found, key=lambda c: (not (is_pronoun(c[0]) or person_name(c[0])), c[1] < contrast,
                                              _role_alone(c[0], article), c[1] < offset + main))
    if candidates:
        return Attribution(*candidates[0], "colon-lead-in", alternatives=tuple(candidates[1:]))
    return None


def _last_contrasting_clause(sentence: str) -> int:
    """Where the last clause that ", but" (the language's word for it) opens starts; 0 without one."""
    found = [m.end() for m in CONTRASTING_CLAUSE.finditer(sentence)]
    return found[-1] if found else 0


def _role_alone(phrase: str, article: ArticleWords | None) -> bool:
    """"Philosoph": in a language that capitalises its nouns, a role noun alone, no person's name."""
    return article is not None and article.capitalises_nouns and phrase.lower() in ROLE_NOUNS


def _main_clause_start(sentence: str) -> int:
    """Where the main clause starts: after a leading clause ("When Lee died in May, ..."; not after "As Ann Lee,")."""
    main = main_clause(sentence)
    return len(sentence) - len(main) if main is not sentence else len(sentence) - len(sentence.lstrip())
