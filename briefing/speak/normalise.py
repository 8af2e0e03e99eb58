"""The spoken form of a segment: what a newsreader says for what is written.

The transcript always keeps the written words; only the speech engine hears this form. Rules run in
a fixed order, each a regular expression and a function of the match: markup and embeds first, then
links, addresses, handles and hashtags, then marks nobody reads aloud (reference marks, separators,
emoji), then (where the language has rules, see rules/LANG.toml) money, percentages, times,
ordinals, years, numbers and abbreviations. A text with nothing left to say becomes "".
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from briefing.speak.numbers import Numbers, supported
from briefing.speak.rules import LanguageRules, rules_for

Rule = tuple[re.Pattern, Callable[[re.Match], str]]

# Tags that stand for embedded media (a post, a video) rather than for formatting.
EMBED_TAGS = {"tweet", "blockquote", "iframe", "embed", "video", "audio", "object", "instagram", "figure",
              "twitter-widget", "social-embed", "oembed"}
# Hosts that only forward to another address: the link says nothing a listener could use.
LINK_SHORTENERS = {"t.co", "bit.ly", "goo.gl", "ow.ly", "tinyurl.com", "buff.ly", "dlvr.it", "fb.me", "lnkd.in",
                   "trib.al", "ift.tt", "apne.ws", "nyti.ms", "wapo.st", "reut.rs", "bbc.in", "cnn.it", "youtu.be",
                   "is.gd", "shar.es", "amzn.to", "tmblr.co", "po.st", "hill.cm", "politi.co", "n.pr", "on.fb.me"}

EMBED = "|".join(sorted(EMBED_TAGS))
EMBED_ELEMENT = re.compile(rf"<(?P<name>{EMBED})\b[^<>]*>(?P<inner>[^<>]*)<(?:/(?P=name)|(?P=name)\s*/)\s*>",
                           re.IGNORECASE)
TAG = re.compile(r"(?:</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>\s*)+")
URL = re.compile(r"(?:(?:https?|ftp)://|\bwww\.)[^\s<>\"]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"]*", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.@])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w@/.])@(\w{1,50})")
HASHTAG = re.compile(r"(?<![\w&#/])#(\w*[^\W\d]\w*)")
REFERENCE = re.compile(r"\[(?:\d{1,3}(?:\s?[,–-]\s?\d{1,3})*|citation needed|\*)\]")
SEPARATOR = re.compile(r"(?:[_=*~•·#+—–―-]\s?){3,}")
EMPHASIS = re.compile(r"(?<!\w)[*_|]+|[*_|]+(?!\w)")
PICTOGRAPH = re.compile("[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\u3030\u303d\ufe0f\u200d"
                        "\U0001f000-\U0001faff\U000e0020-\U000e007f]+")
LONG_ID = re.compile(r"(?<![\w.,])\d{7,}(?![\d.,]\d)")
TIGHT = re.compile(r"\s*([.,;:!?])(?:\s*[.,;:](?!\w))*(?=\s|$)")  # " , ." -> ","
TRAILING = ".,;:!?)]}'\"’”»"


def spoken_form(text: str, language: str) -> str:
    """What the engine should say for `text` (whitespace collapsed); "" when nothing is speakable."""
    spoken = html.unescape(text) if "&" in text else text
    for pattern, replace in _rules(language):
        spoken = pattern.sub(replace, spoken)
    spoken = TIGHT.sub(r"\1", " ".join(spoken.split()))
    return spoken if is_speakable(spoken) else ""


def prepare(language: str) -> None:
    """Load the language's rules (and num2words) now, e.g. while the speech engines start."""
    _rules(language)


def is_speakable(text: str) -> bool:
    """True when `text` holds a letter or digit of any script."""
    return any(ch.isalnum() for ch in text)


@functools.lru_cache(maxsize=64)
def _rules(language: str) -> tuple[Rule, ...]:
    rules = rules_for(language)
    words = _Words(rules)
    found: list[Rule] = [
        (EMBED_ELEMENT, words.embed),
        (TAG, words.markup),
        (URL, words.url),
        (EMAIL, words.email),
        (HANDLE, words.handle),
        (HASHTAG, words.hashtag),
        (REFERENCE, lambda _m: " "),
        (SEPARATOR, lambda _m: " "),
        (PICTOGRAPH, lambda _m: " "),
        (EMPHASIS, lambda _m: " "),
    ]
    if rules.number_signs and rules.word("number"):
        signs = "|".join(re.escape(sign) for sign in rules.number_signs)
        number_word = f" {rules.word('number')} "
        found.append((re.compile(rf"(?<!\w)(?:{signs})\s?(?=\d)"), lambda _m: number_word))
    if rules.abbreviations:  # before numbers are written out ("vingt-sept." is no "sept." for "septembre")
        found.append(_abbreviation_rule(rules.abbreviations))
    if supported(rules.num2words):
        found += _number_rules(rules, Numbers(rules.num2words, rules.decimal_mark, rules.group_marks))
    return tuple(found)


class _Words:
    """Replacements that need the language's words ("dot", "at", "hashtag", "embedded post")."""

    def __init__(self, rules: LanguageRules):
        self.rules = rules

    def embed(self, match: re.Match) -> str:
        """An embedded post is read from its own text; an empty placeholder is said to be there."""
        inner = match.group("inner")
        if is_speakable(inner):
            return f" {inner} "
        embedded = self.rules.word("embedded")
        return f" {embedded}. " if embedded else " "

    def markup(self, match: re.Match) -> str:
        """Tags are not read; an embed's opening tag (its content follows, or not) is said to be there."""
        opening = {name.lower() for name in re.findall(r"<([A-Za-z][\w:-]*)(?![^<>]*/>)", match.group())}
        embedded = self.rules.word("embedded")
        return f" {embedded}. " if embedded and opening & EMBED_TAGS else " "

    def url(self, match: re.Match) -> str:
        written = match.group()
        body = written.rstrip(TRAILING)
        address = body if "://" in body else "http://" + body
        try:
            host = (urlsplit(address).hostname or "").removeprefix("www.")
        except ValueError:
            host = ""
        said = self.rules.word("link") if not host or host in LINK_SHORTENERS else self.site(host)
        return f" {said} {written[len(body):]}"

    def site(self, host: str) -> str:
        dot = self.rules.word("dot")
        return f" {dot} ".join(host.split(".")) if dot else host

    def email(self, match: re.Match) -> str:
        user, host = match.group().rsplit("@", 1)
        return f" {readable(user)} {self.rules.word('at') or '@'} {self.site(host.lower())} "

    def handle(self, match: re.Match) -> str:
        return f" {self.rules.word('at')} {readable(match.group(1))} "

    def hashtag(self, match: re.Match) -> str:
        return f" {self.rules.word('hashtag')} {readable(match.group(1))} "


def readable(name: str) -> str:
    """A handle or hashtag as words: "AP_Politics" -> "AP Politics", "BlackLivesMatter" -> "Black Lives
    Matter"; runs of four or more digits (account numbers) are not said."""
    name = re.sub(r"[_.+-]+", " ", name)
    name = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    name = re.sub(r"(?<=\D)(?=\d)|(?<=\d)(?=\D)", " ", name)
    name = re.sub(r"\b\d{4,}\b", " ", name)
    return " ".join(name.split())


def _number_rules(rules: LanguageRules, numbers: Numbers) -> list[Rule]:
    groups = "|".join(re.escape(mark) for mark in rules.group_marks if mark != rules.decimal_mark)
    decimal = re.escape(rules.decimal_mark)
    number = rf"(?:\d{{1,3}}(?:(?:{groups})\d{{3}})+|\d+)(?:{decimal}\d+)?" if groups else rf"\d+(?:{decimal}\d+)?"
    found = [_money_rule(rules, numbers, number), _percent_rule(rules, numbers, number), *_time_rules(rules, numbers)]
    found.append((LONG_ID, lambda m: f" {numbers.digits(m.group())} "))
    if rules.ordinal_suffixes:
        suffixes = "|".join(re.escape(s) for s in sorted(rules.ordinal_suffixes, key=len, reverse=True))
        found.append((re.compile(rf"(?<![\w.,])(\d{{1,4}})(?:{suffixes})(?!\w)", re.IGNORECASE),
                      lambda m: numbers.say(m.group(1), "ordinal")))
    if rules.years:
        year_end = r"(?![\w%]|[.,:/]\d)" + (r"(?!\.\s\w)" if rules.dotted_ordinals else "")
        found.append((re.compile(rf"(?<![\w.,:/-])(1[1-9]\d\d|20\d\d){year_end}"),
                      lambda m: numbers.say(m.group(1), "year")))
    dotted = r"|\.\s" if rules.dotted_ordinals else ""  # "3. Oktober": an ordinal, or a sentence end
    found.append((re.compile(rf"(?<![\w.,]){number}(?!\d|[^\W\d_]{dotted})"), lambda m: numbers.say(m.group())))
    return found


def _money_rule(rules: LanguageRules, numbers: Numbers, number: str) -> Rule:
    symbols = "|".join(re.escape(s) for s in sorted(rules.currencies, key=len, reverse=True)) or "(?!)"
    scales = [*rules.scales, *rules.scale_abbreviations]
    scale = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True)) or "(?!)"
    pattern = re.compile(rf"(?<!\w)(?P<before>{symbols})\s?(?P<n1>{number})(?:\s?(?P<scale>{scale})(?!\w))?"
                         rf"|(?<![\w.,])(?P<n2>{number})(?:\s?(?P<scale2>{scale}))?\s?(?P<after>{symbols})")

    def say(match: re.Match) -> str:
        symbol = match.group("before") or match.group("after")
        written_scale = match.group("scale") or match.group("scale2") or ""
        said_scale = rules.scale_abbreviations.get(written_scale, written_scale)
        return f" {numbers.money(match.group('n1') or match.group('n2'), rules.currencies[symbol], said_scale)} "

    return pattern, say


def _percent_rule(rules: LanguageRules, numbers: Numbers, number: str) -> Rule:
    percent = rules.word("percent") or "%"
    return re.compile(rf"(?<![\w.,])({number})\s?%"), lambda m: f"{numbers.say(m.group(1))} {percent}"


def _time_rules(rules: LanguageRules, numbers: Numbers) -> list[Rule]:
    meridiem = "|".join(re.escape(m) for m in sorted(rules.meridiem, key=len, reverse=True))
    after = rf"(?:\s?(?P<meridiem>{meridiem})(?!\w))?" if meridiem else ""
    if rules.clock_words:  # "15:30 Uhr": the word is part of how the time is said
        after += rf"(?:\s(?:{'|'.join(re.escape(word) for word in rules.clock_words)})(?!\w))?"
    marks = "|".join(re.escape(m) for m in (":", *rules.hour_marks))
    clock = re.compile(rf"(?<![\w.,:])(?P<hour>[01]?\d|2[0-3])(?:{marks})(?P<minutes>[0-5]\d)(?![\d:]){after}")

    def say(match: re.Match) -> str:
        hour, minutes = numbers.say(match.group("hour")), int(match.group("minutes"))
        if minutes == 0:
            said = rules.time_on_the_hour.format(hour=hour)
        else:
            said_minutes = numbers.say(str(minutes))
            if minutes < 10:
                said_minutes = rules.minutes_below_ten.format(minutes=said_minutes)
            said = rules.time.format(hour=hour, minutes=said_minutes)
        written = match.groupdict().get("meridiem")
        return f" {said} {rules.meridiem[written]} " if written else f" {said} "

    found: list[Rule] = [(clock, say)]
    if meridiem:
        hour_only = re.compile(rf"(?<![\w.,:])([01]?\d)\s?({meridiem})(?!\w)")
        found.append((hour_only, lambda m: f" {numbers.say(m.group(1))} {rules.meridiem[m.group(2)]} "))
    return found


def _abbreviation_rule(abbreviations: dict[str, str]) -> Rule:
    written = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{written})(?!\w)"), lambda m: abbreviations[m.group()]
