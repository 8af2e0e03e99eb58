"""Quotes the text does not attribute directly: quotes of one utterance share a speaker (also one running on
over several paragraphs), a quote follows its paragraph's trailing attribution, continues the previous speaker's
paragraph when nothing in it says otherwise, or goes to the person named just before it."""

from __future__ import annotations

import itertools
import re

from briefing.model import Segment
from briefing.segment.names import organisation_in
from briefing.segment.patterns import ADVERB, UPPER, VOCAB, LanguagePattern
from briefing.segment.people import People, Person
from briefing.segment.quotes import TRAILING_ATTRIBUTION
from briefing.segment.ranker import CUES, cue_class, named_in
from briefing.segment.resolve import resolve
from briefing.segment.sentences import SENTENCE_BREAK, mask_abbreviations
from briefing.segment.speaker_phrase import has_acronym

# no subject right after these: "... a casa de Rosa Ibarra", "... es que Boris Kessel ha ganado"
NOT_BEFORE_A_SUBJECT = {w.lower() for w in VOCAB.prepositions + VOCAB.place_prepositions + VOCAB.complementizers
                        + VOCAB.relatives}
# "El entrenador, ...": a sentence opening with a definite article and a word in lower case (a role)
ROLE_OPENS = LanguagePattern(lambda w: rf"\s*{w.any_of('definite_articles', capitals=True)}\s+[^\W\d_{UPPER}]")
SPEECH = LanguagePattern(lambda w: rf"\b{w.speech_verbs}\b")
IT_SAID = LanguagePattern(lambda w: rf"^[\s,.–—-]*(?:[^.!?“”\"«»]{{0,80}},\s+)?{w.any_of('neuter_pronouns')}\s+"
                                    rf"{ADVERB}{w.speech_verbs}\b")
BODY_SPEAKS = LanguagePattern(lambda w: rf"(?P<body>{w.name})\s+{ADVERB}{w.speech_verbs}\b")
# "Kelby Power declined to comment further.": the body that opens the sentence, as its subject
BODY_OPENS = LanguagePattern(lambda w: rf"(?:^|[.!?]\s+)(?:{w.any_of('articles', capitals=True)}\s+)?(?P<body>{w.name})"
                                       rf"\s+(?=[^\W\d_{UPPER}])")
OPENING_MARKS = "“\"«„「『‹»'‘"
CLOSING_MARKS = "”\"»“」』›«'’"

# '«...», comentó.', '"...", dijo a la red Tevé.', '"...", dijo refiriéndose a la UE.': a speech verb after the
# quote, its subject left out (what follows it, if anything, is whom it was told or a clause of its own)
BARE_VERB = LanguagePattern(lambda w: (
    rf"^[\s,.–—-]*{w.speech_verbs}(?:\s+(?:{w.clause_word}|[^\W\d_]+{w.any_of('gerund_endings')})\b[^.!?]*)?"
    rf"\s*[.!]?\s*$"
    # "”, despotricó.": one past-tense word alone after the quote's comma, a speech verb the lists lack
    rf"|^\s*,\s*[a-zà-ÿ][\w’']*{w.any_of('past_endings')}\s*[.!]\s*$"))

# 'Más tarde, añadió: “...”': a sentence that is only a speech verb and a colon (an opening phrase and
# its comma before it), the subject left out: the one the article was quoting goes on
BARE_VERB_BEFORE = LanguagePattern(lambda w: (
    rf"(?:^|[.!?]\s+)(?:[^\W\d_][^.!?:,]{{0,60}},\s+)?{w.speech_verbs}\s*:\s*$"))

# What may stand before a sentence's subject: an opening phrase of a few words and its comma ("Por su parte, ",
# "Am Montag, "), and an article with a role in lower case ("La candidata ", "O senador ")
SUBJECT_OPENER = LanguagePattern(lambda w: (
    rf"(?:[^\W\d_][\w’']*(?:\s+[\w’']+){{0,3}},\s+)?(?:{w.determiner}\s+(?:[^\W\d_{UPPER}][\w’'\-]*\s+){{1,2}})?"))


def share_within_utterances(segments: list[Segment], speakers: dict, source: str) -> None:
    """Quotes with nothing spoken between them, and a quote running on over several paragraphs (no closing
    mark at the paragraph's end, an opening mark at the next one's start), are one utterance: one speaker."""
    quotes = sorted(speakers)
    for _ in range(2):
        for a, b in itertools.pairwise(quotes):
            runs_on = _runs_on(segments, a, b, source)
            same = (b == a + 1 and segments[a].paragraph == segments[b].paragraph) or runs_on
            # one quotation over several paragraphs is one speaker's by how quotation marks work: a cue the ranker
            # keeps (a continuation), where quotes merely next to each other may still be two people's
            cue = "continues-previous: one quotation over paragraphs" if runs_on else "same-utterance"
            if same and speakers[a][0] is None and speakers[b][0] is not None:
                speakers[a] = (speakers[b][0], cue)
            if same and speakers[b][0] is None and speakers[a][0] is not None:
                speakers[b] = (speakers[a][0], cue)


def _runs_on(segments: list[Segment], a: int, b: int, source: str) -> bool:
    """Quote a ends its paragraph unclosed and quote b opens the next paragraph."""
    if b != a + 1 or segments[b].paragraph != segments[a].paragraph + 1:
        return False
    after = source[segments[a].end : segments[a].end + 3].lstrip(" .,!?…")
    before = source[max(0, segments[b].start - 2) : segments[b].start].strip()
    return not after.startswith(tuple(CLOSING_MARKS)) and before.endswith(tuple(OPENING_MARKS))


def fill_unattributed(segments: list[Segment], speakers: dict, people: People) -> None:
    """Quotes the text does not attribute directly: follow the paragraph's trailing attribution, or carry over
    into a quote paragraph that continues the previous speaker's (when nothing in it says otherwise)."""
    last: Person | None = None
    last_paragraph = -1
    for index in sorted(speakers):
        seg = segments[index]
        if speakers[index][0] is None:
            speakers[index] = _unattributed_speaker(segments, index, people, last, last_paragraph)
        if speakers[index][0] is not None:
            last, last_paragraph = speakers[index][0], seg.paragraph
        elif seg.paragraph != last_paragraph:
            last = None


def _unattributed_speaker(segments, index, people, last, last_paragraph) -> tuple[Person | None, str | None]:
    seg = segments[index]
    if last is not None and last_paragraph == seg.paragraph and _after_the_attribution_of_the_quote_before(segments,
                                                                                                        index):
        # '"A," an angry Lund said. "B." Kim also spoke out, ...': B goes on with A, before anyone the paragraph
        # names later
        return last, "continues-previous"
    paragraph_end = _trailing_speaker(segments, index, people)
    if paragraph_end:
        return paragraph_end, "paragraph-end"
    body = _body_it_stands_for(segments, index, people)
    if body:
        return body, f'said-after: "it said" ({body.name} said before)'
    if last is not None and last.organisation and seg.paragraph - last_paragraph <= 2 \
            and _it_said_after(segments, index):
        # '"...," it said.' after the body's own quote ('... the utility said.' between names no other one)
        return last, f'said-after: "it said" ({last.name} quoted before)'

    between = [s for s in segments if last_paragraph < s.paragraph < seg.paragraph]
    names_someone = any(s.paragraph == seg.paragraph and s.kind == "narration" and SPEECH.search(s.text)
                        for s in segments[max(0, index - 3) : index + 4])
    after_last = [s for s in segments[:index] if s.paragraph == last_paragraph and s.kind == "quote"]
    since = after_last[-1].end if after_last else seg.start
    # someone else named since: in a paragraph of their own, said to speak, or new to the article; not people named
    # before coming up again in an aside that closes the previous speaker's paragraph ("“...,” said Lee. Kim and
    # Roe have won too.")
    last_end = _paragraph_end(segments, after_last[-1].end) if after_last else -1
    first_named = {}
    for position, person, *_ in people.mentions:
        first_named.setdefault(id(person), position)
    another_named = any(person is not last and (speaks or position > last_end or first_named[id(person)] >= since)
                        for position, person, _, speaks in people.mentions if since <= position < seg.start)
    new_subject = _new_subject(people, last, since, seg)
    if last is not None and seg.paragraph - last_paragraph <= 2 and _bare_verb_before(segments, index):
        return last, "continues-previous: a verb without its subject leads into the quote"
    if last is not None and seg.paragraph - last_paragraph <= 2 and _bare_verb_after(segments, index):
        new_subject = _new_subject(people, last, since, seg, after_an_opener=True)
        # '"A." Girão defende que ... "B", destaca.': the one the sentence before is about, unless the quote names
        # them ('“Ibarra habla de unión ...”, dijo.': a quote about a person is seldom that person's)
        if new_subject is not None and not _names_themself(new_subject, seg.text):
            # (the verb after the quote is the evidence, its subject the sentence's: a said-after the ranker keeps)
            return new_subject, f"said-after: a verb without its subject, after a sentence about {new_subject.name}"
        return last, "continues-previous: a verb without its subject after the quote"
    continues = last is not None and ((seg.paragraph == last_paragraph and new_subject is None)
                                      or (
        seg.paragraph == last_paragraph + 1 and not names_someone and not another_named
        and not any(s.kind == "headline" for s in between) and not _names_themself(last, seg.text)))
    if continues:
        return last, "continues-previous"
    return _named_just_before(segments, index, people)


def _paragraph_end(segments: list[Segment], position: int) -> int:
    """Where the paragraph holding `position` ends (-1 for none)."""
    holding = [s for s in segments if s.start <= position <= s.end]
    if not holding:
        return -1
    return max(s.end for s in segments if s.paragraph == holding[0].paragraph)


def _new_subject(people: People, last: Person | None, since: int, seg: Segment,
                 after_an_opener: bool = False) -> Person | None:
    """'"A," says Lee. Kim did not need coaxing. "B."': the last one, not the previous speaker, whom a sentence
    between the two quotes opens with (its subject); the next quote is theirs. Before a verb after the quote that
    leaves its subject out ('«B», dijo.'), the subject may also follow an opening phrase and a comma ("Por su
    parte, Luis Prado, ...") or its role ("La candidata Rosa Ibarra aprovechó ...")."""
    text = people.article.text if people.article is not None and after_an_opener else ""
    opening = [person for position, person, sentence, _ in people.mentions
               if since <= position < seg.start and person is not last
               and (position == sentence or (text and SUBJECT_OPENER.fullmatch(text, sentence, position)))]
    if opening or not text:
        return opening[-1] if opening else None
    return _subject_after_its_verb(people, last, since, seg, text)


def _subject_after_its_verb(people: People, last: Person | None, since: int, seg: Segment,
                            text: str) -> Person | None:
    """'Otra propuesta trajo la arquitecta Rosa Ibarra. «...», dijo.': languages that leave the subject out also
    put it after its verb; the one person the sentence right before the quote names (not the quoted person before,
    not after a preposition: "... a casa de Rosa Ibarra") is who goes on speaking."""
    named = [(position, person, sentence) for position, person, sentence, _ in people.mentions
             if since <= position < seg.start]
    if not named:
        return None
    sentence = named[-1][2]
    if len(SENTENCE_BREAK.findall(mask_abbreviations(text[sentence : seg.start]))) > 1:
        return None  # another sentence stands between it and the quote
    in_sentence = [(position, person) for position, person, at in named if at == sentence]
    if any(person is last for _, person in in_sentence) or ROLE_OPENS.match(text, sentence):
        return None  # "El entrenador, cuyo equipo perdió, explicó": the role that opens it is the subject
    subjects = {id(person): person for position, person in in_sentence
                if (before := re.findall(r"[\w’']+", text[sentence:position])[-3:])
                and not any(word.lower() in NOT_BEFORE_A_SUBJECT for word in before)
                and not person.organisation and _named_there(person, text, position)}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _named_there(person: Person, text: str, position: int) -> bool:
    """The mention at `position` writes a form of the person's name ("Rosa Ibarra", "Ibarra"), not a phrase that holds
    it ("la Junta de Kelbia" for "Kelbia")."""
    words = person.name.split()
    return text.startswith(words[0], position) or text.startswith(words[-1], position)


def _after_the_attribution_of_the_quote_before(segments: list[Segment], index: int) -> bool:
    """'"A," Lund said. "B."': between the quote before and this one, in their paragraph, only a short sentence with a
    speech verb (the attribution of the quote before)."""
    if index < 2:
        return False
    between, before = segments[index - 1], segments[index - 2]
    return before.kind == "quote" and between.kind == "narration" and \
        before.paragraph == between.paragraph == segments[index].paragraph and \
        between.text.rstrip().endswith(".") and len(between.text.split()) <= 12 and SPEECH.search(between.text) \
        is not None


def _narration_beside(segments: list[Segment], index: int, step: int) -> Segment | None:
    """The narration right after the quote at `index` (step 1) or right before it (step -1), in its paragraph."""
    at = index + step
    beside = segments[at] if 0 <= at < len(segments) else None
    return beside if beside is not None and beside.kind == "narration" and \
        beside.paragraph == segments[index].paragraph else None


def _it_said_after(segments: list[Segment], index: int) -> bool:
    """'"...," it said.': the quote's own sentence goes on with "it" and a speech verb."""
    following = _narration_beside(segments, index, 1)
    return following is not None and IT_SAID.match(following.text) is not None


def _body_it_stands_for(segments: list[Segment], index: int, people: People) -> Person | None:
    """'"...," it said.': an organisation speaks by "it"; it is the one the narration last had speak ("Kelby Power
    said in a statement that ...") in this paragraph or the two before, if any."""
    seg = segments[index]
    if not _it_said_after(segments, index):
        return None
    narration = [s for s in segments[:index] if s.kind == "narration" and seg.paragraph - 2 <= s.paragraph]
    bodies = [m.group("body") for s in narration for m in BODY_SPEAKS.finditer(s.text)
              if has_acronym(m.group("body")) or organisation_in(m.group("body"))]
    if not bodies:
        bodies = _body_opening_the_sentence_before(segments, index)
    if not bodies:
        return None
    return people.organisation(bodies[-1])


def _body_opening_the_sentence_before(segments: list[Segment], index: int) -> list[str]:
    """'Kelby Power declined to say more. "...," it said.': with no body said to speak, the one that is the subject
    of the sentence right before the quote, in its paragraph."""
    preceding = _narration_beside(segments, index, -1)
    if preceding is None:
        return []
    text = preceding.text.rstrip()
    last = list(BODY_OPENS.finditer(text))
    if not last or SENTENCE_BREAK.search(text, last[-1].end("body")):
        return []  # none, or not in the last sentence before the quote
    body = last[-1].group("body")
    return [body] if has_acronym(body) or organisation_in(body) else []


def _bare_verb_after(segments: list[Segment], index: int) -> bool:
    """'«...», comentó.', '"...", afirmou.': the language leaves the subject out, so it is the one the article
    was quoting, not whoever the narration named last ("... que Boris Kessel ha ganado poder ...")."""
    following = _narration_beside(segments, index, 1)
    return following is not None and BARE_VERB.match(following.text) is not None


def _bare_verb_before(segments: list[Segment], index: int) -> bool:
    """'Más tarde, añadió: “...”': the verb that leads into the quote has no subject of its own."""
    preceding = _narration_beside(segments, index, -1)
    return preceding is not None and BARE_VERB_BEFORE.search(preceding.text) is not None


def _names_themself(person: Person, text: str) -> bool:
    """"Lee has no plan": a quote naming a person is seldom that person's own."""
    return person.name[:1].isupper() and named_in(person, text)


def _named_just_before(segments: list[Segment], index: int, people: People) -> tuple[Person | None, str | None]:
    """A quote nothing attributes: the person the text named last, in this paragraph or the two before it (a
    headline or the title ends the search)."""
    seg = segments[index]
    earlier = [s for s in segments[:index] if seg.paragraph - 2 <= s.paragraph <= seg.paragraph]
    headings = [i for i, s in enumerate(earlier) if s.kind in ("headline", "title")]
    earlier = earlier[headings[-1] + 1 :] if headings else earlier
    if not earlier:
        return None, None
    person = people.last_mentioned(seg.start, None, since=earlier[0].start)
    if person is None:
        # "... Wendy Lund ... But her doubts are few. Her advice to bakers is blunt: ...": no one named since, but a
        # sentence opening with her possessive is about her
        owners = [owner for at, owner in people.owners if earlier[0].start <= at < seg.start]
        person = owners[-1] if owners else None
    if person is None or _names_themself(person, seg.text):
        return None, None  # left to the ranker, which weighs everyone named nearby
    return person, f"named-before: {person.name}"


def _trailing_speaker(segments: list[Segment], index: int, people: People) -> Person | None:
    """'... stressed Dana Quill' at the end of the quote's paragraph."""
    paragraph = [s for s in segments[index + 1 :] if s.paragraph == segments[index].paragraph]
    if not paragraph or paragraph[-1].kind != "narration":
        return None
    match = TRAILING_ATTRIBUTION.search(paragraph[-1].text)
    if not match:
        return None
    raw = match.group("name") or match.group("name2")
    return resolve(raw, paragraph[-1].start + match.start(), people)


# The rules' cues that name the speaker next to the quote, or carry one on over an utterance (not a guess from
# whoever was named nearby)
KNOWN_CUES = tuple(cue for cue in CUES if cue != "named-before")


def share_repeated_quotes(segments: list[Segment], speakers: dict) -> None:
    """A quote printed twice (a pull quote or a deck under the title that repeats words the body attributes): the
    copy with no speaker of its own beside it takes the one the attributed copy has."""
    named: dict[str, tuple[Person, str]] = {}
    for index, (person, cue) in speakers.items():
        opening = _opening_words(segments[index].text)
        if person is not None and _known(cue) and opening:
            named.setdefault(opening, (person, cue))
    for index, (_, cue) in list(speakers.items()):
        copy = named.get(_opening_words(segments[index].text))
        if copy and not _known(cue):
            speakers[index] = (copy[0], f"repeated: the same words as the quote where {copy[1]}")


def _known(cue: str | None) -> bool:
    return cue_class(cue) in KNOWN_CUES


def _opening_words(text: str) -> str:
    """The quote's first eight words, or "" for a shorter quote (a few words repeat by chance)."""
    words = re.findall(r"\w+", text.lower())
    return " ".join(words[:8]) if len(words) >= 8 else ""
