"""Regular expressions built once from the per-language word lists (briefing/lang/*.toml)."""

from __future__ import annotations

import re

from briefing.lang import vocabulary

VOCAB = vocabulary()


def alternation(words, flags: str = "") -> str:
    """A regex group matching any of `words` whole, longest first (so "said in a statement" beats "said")."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True) if w]
    return f"(?{flags}:{'|'.join(escaped)})" if escaped else "(?!)"


def _capitalised(words) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁΑ-ΩΆΈΉΊΌΎΏ"
INITIAL = rf"[{UPPER}][.\u2024](?:[{UPPER}][.\u2024])*"  # \u2024: a dot masked as an abbreviation's
PARTICLE = alternation(VOCAB.particles)
# "Lee", "O’Neil", "al-Amin": a capitalised word, or a particle joined to one by an apostrophe or a hyphen
HYPHENED_PARTICLE = r"(?:al|el|ad|ash|bin|ibn|abu)-"
NAME_WORD = (rf"(?:[{UPPER}][\w’'\-]*|(?:O|D|L)[’'][{UPPER}][\w\-]*|"
             rf"(?<![\w\-]){HYPHENED_PARTICLE}[{UPPER}][\w’'\-]*)")
SUFFIX = alternation(VOCAB.name_suffixes)
# A person's name: capitalised words, with initials ("Gerald F. Seib") and particles ("Ludwig van Beethoven"); up to
# six, so that "Former Kelby-Mills CEO Dana Quill" is one phrase, not "Former Kelby-Mills CEO Dana" and "Quill".
NAME = (rf"{NAME_WORD}(?:\s+(?:{INITIAL}\s+)*(?:{PARTICLE}\s+)?{NAME_WORD}){{0,5}}(?:,?\s+{SUFFIX}(?!\w))?")
ROLE_TITLE = alternation(VOCAB.titles)
QUALIFIER = alternation(VOCAB.title_qualifiers)
TITLE = rf"(?:(?:{QUALIFIER}\s+)*{ROLE_TITLE}(?!\w))"
SPEECH_VERBS = alternation(VOCAB.speech_verbs)
ACCORDING_TO = alternation(VOCAB.according_to + tuple(_capitalised(VOCAB.according_to)))
PRONOUN_WORDS = {w: "male" for w in VOCAB.male_pronouns} | {w: "female" for w in VOCAB.female_pronouns}
PRONOUN = alternation(list(PRONOUN_WORDS) + _capitalised(PRONOUN_WORDS))
ADVERB = r"(?:\w+ly\s+)?"
DETERMINER = alternation(VOCAB.determiners + tuple(_capitalised(VOCAB.determiners)))
CLAUSE_WORD = alternation(VOCAB.clause_words)
LOCATIVE_WORD = alternation(VOCAB.locatives)
CONJUNCTION = alternation(VOCAB.conjunctions)
WHEN = r"(?:\s+(?:on|last|this|in|at|during)\s+[\w’' ]{1,30}?)?"

MALE_TITLES = {t.lower() for t in VOCAB.male_titles}
FEMALE_TITLES = {t.lower() for t in VOCAB.female_titles}
STOP_NAMES = {w.lower() for w in VOCAB.stop_words + VOCAB.other_pronouns + VOCAB.plural_pronouns}
CALENDAR = VOCAB.months + VOCAB.days  # as each language writes them: "sabato" is a day, "Sabato" a surname
NOT_A_PERSON = re.compile(rf"(?<!\w){alternation(VOCAB.organisation_words + VOCAB.place_words + CALENDAR)}(?!\w)")
TRAILING_PRONOUN = PRONOUN
SENTENCE_END = ".!?…。！？"
