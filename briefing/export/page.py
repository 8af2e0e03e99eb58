"""NAME.html: the briefing as a page to listen and read along — the audio with its captions, and the
whole transcript with the sentence being spoken highlighted, headlines as chapter links.

One self-contained file (its style and script inline, no network) that sits beside NAME.mp3 and
NAME.vtt, so it works from file:// and from the feed's folder. Built with lxml's HTML builder, so
every piece of the article is escaped text, whatever it holds; without JavaScript it is still the
transcript with a player.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from lxml import html
from lxml.html import builder as E

from briefing.export.readalong import (
    Cue,
    ReadAlongInfo,
    Sentence,
    cues,
    has_quote_marks,
    is_heading,
    is_web_address,
    paragraphs,
    quote_speaker,
    source_label,
    xml_text,
)
from briefing.files import atomic_path

SPEEDS = ("0.75", "1", "1.25", "1.5", "1.75", "2")
SHORTCUTS = (
    ("k", "Play or pause"),
    ("j / l", "Back / forward 10 seconds"),
    ("[ / ]", "Slower / faster"),
    ("p / n", "Previous / next chapter"),
    ("↑ / ↓", "Previous / next sentence, in the transcript"),
    ("Enter", "Play from the sentence or chapter that has focus"),
)


@dataclass(frozen=True)
class PageFiles:
    """The files the page links to, by name, all in its own folder."""

    mp3: str
    vtt: str
    srt: str = ""
    epub: str = ""

    @classmethod
    def for_stem(cls, stem: str, epub: bool = False) -> PageFiles:
        return cls(f"{stem}.mp3", f"{stem}.vtt", f"{stem}.srt", f"{stem}.epub" if epub else "")


def _url(name: str) -> str:
    """A file beside the page as a relative URL: a name may hold spaces, # or ?."""
    return quote(xml_text(name))


def _static(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.3f}"


def _timed(element, sentence: Sentence | Cue):
    element.set("data-start", _seconds(sentence.start_ms))
    element.set("data-end", _seconds(sentence.end_ms))
    return element


def _sentences(sentences: tuple[Sentence, ...]) -> list:
    """Sentence spans, the spaces between them left outside so that only words are highlighted."""
    parts: list = []
    for sentence in sentences:
        text = xml_text(sentence.text)
        parts.append(_timed(E.SPAN(text.rstrip(), E.CLASS("s")), sentence))
        if text != text.rstrip():
            parts.append(" ")
    return parts


def _spoken(cue: Cue) -> list:
    """A narration or quote cue as sentence spans; a quote is labelled with who says it, and marked as a
    quotation (<q> adds the quotation marks the segmenter took off)."""
    spans = _sentences(cue.sentences)
    if cue.segment.kind != "quote":
        return spans
    label = E.SPAN(xml_text(quote_speaker(cue.segment)) + ":", E.CLASS("who"))
    quoted = spans if has_quote_marks(cue.segment.text) else [E.Q(*spans)]
    return [E.SPAN(label, " ", *quoted, E.CLASS("quote"))]


def _with_spaces(parts: list) -> list:
    joined: list = []
    for part in parts:
        if joined:
            joined.append(" ")
        joined.append(part)
    return joined


def _heading(cue: Cue, number: int, files: PageFiles, level: int):
    """A headline as a heading whose link is the chapter: it plays from there (the MP3 itself without JS)."""
    text = xml_text(" ".join(cue.segment.text.split()))
    link = _timed(E.A(text, E.CLASS("chapter s"), href=f"{_url(files.mp3)}#t={_seconds(cue.start_ms)}"), cue)
    return (E.H3 if level == 3 else E.H2)(link, id=f"chapter-{number}")


def _transcript(cue_list: list[Cue], files: PageFiles, stories: int) -> list:
    """The transcript after the title: headings for chapters (h3 under each story's h2 in a combined
    briefing of `stories` titles), paragraphs of sentence spans."""
    elements, chapter = [], 0
    for group in paragraphs(cue_list):
        if is_heading(group[0].segment, first=False):
            for cue in group:
                chapter += 1
                level = 3 if stories > 1 and cue.segment.kind == "headline" else 2
                elements.append(_heading(cue, chapter, files, level))
        else:
            elements.append(E.P(*_with_spaces([part for cue in group for part in _spoken(cue)])))
    return elements


def _duration(ms: int) -> tuple[str, str]:
    """(words, ISO 8601 duration) for the page's facts."""
    minutes, seconds = divmod(ms // 1000, 60)
    words = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"  # as players show it: whole seconds
    return words, f"PT{minutes}M{seconds}S"


def _fact(term: str, *value) -> list:
    return [E.DT(term), E.DD(*value)]


def _standfirst(info: ReadAlongInfo) -> list:
    """The article's own summary under its title, as the page it came from showed it."""
    return [E.P(xml_text(info.description), E.CLASS("standfirst"))] if info.description else []


def _facts(info: ReadAlongInfo) -> list:
    """Source, author, date, length and language, as a description list."""
    facts = []
    if info.source:
        source = source_label(info.source)
        facts += _fact("Source", E.A(source, href=source) if is_web_address(source) else source)
    if info.author:
        facts += _fact("By", xml_text(info.author))
    for term, day in (("Published", info.published), ("Read aloud", info.made)):
        if day:
            facts += _fact(term, E.TIME(xml_text(day[:10]), datetime=xml_text(day[:10])))
    words, iso = _duration(info.duration_ms)
    facts += _fact("Length", E.TIME(words, datetime=iso))
    facts += _fact("Language", xml_text(info.language))
    return [E.DL(*facts, E.CLASS("facts"))]


def captions_url(vtt_text: str) -> str:
    """NAME.vtt's content as a data: URL: browsers refuse a <track> file beside a page opened from file://
    (each file is its own origin there), but take a data: URL from anywhere, with no request."""
    return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(vtt_text.encode("utf-8")).decode("ascii")


def _player(info: ReadAlongInfo, files: PageFiles, vtt_text: str):
    """The audio with its captions; the speed control and shortcuts appear once the script runs."""
    speed = E.SELECT(*[E.OPTION(f"{value}×", value=value) for value in SPEEDS], id="speed")
    speed.value = "1"
    shortcuts = E.DL(*[part for key, action in SHORTCUTS for part in (E.DT(E.KBD(key)), E.DD(action))])
    toggle = E.INPUT(type="checkbox", id="keys-on", checked="checked")
    return E.SECTION(
        E.AUDIO(E.E.track(kind="captions", src=captions_url(vtt_text), srclang=info.language,
                          label=f"Captions ({info.language})", default="default"),
                E.A("Download the audio", href=_url(files.mp3)),
                id="audio", controls="controls", preload="metadata", src=_url(files.mp3)),
        E.DIV(E.LABEL("Speed ", speed, **{"for": "speed"}), E.CLASS("controls"), id="controls", hidden="hidden"),
        E.DETAILS(E.SUMMARY("Keyboard shortcuts"), shortcuts,
                  E.P(toggle, " ", E.LABEL("Single-key shortcuts on", **{"for": "keys-on"})),
                  id="keys", hidden="hidden"),
        E.P(id="status", role="status", **{"class": "visually-hidden"}),
        E.CLASS("player"), **{"aria-label": "Player"})


def _downloads(files: PageFiles) -> list:
    links = [("The audio (MP3)", files.mp3), ("Captions (WebVTT)", files.vtt), ("Subtitles (SRT)", files.srt),
             ("Book with read-along audio (EPUB 3)", files.epub)]
    items = [E.LI(E.A(label, href=_url(name))) for label, name in links if name]
    return [E.FOOTER(E.H2("Downloads"), E.UL(*items))]


def page_document(cue_list: list[Cue], info: ReadAlongInfo, files: PageFiles, vtt_text: str) -> str:
    """The page as HTML text; `vtt_text` is the content of NAME.vtt, the captions of its player."""
    title_cue = cue_list[0] if cue_list and cue_list[0].segment.kind == "title" else None
    body = cue_list[1:] if title_cue else cue_list
    heading = E.H1(*_sentences(title_cue.sentences) if title_cue else xml_text(info.title))
    stories = sum(cue.segment.kind == "title" for cue in cue_list)
    document = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.META(name="color-scheme", content="light dark"), E.TITLE(xml_text(info.title)),
               E.LINK(rel="icon", href="data:,"), E.STYLE(_static("page.css"))),
        E.BODY(E.A("Skip to the transcript", href="#transcript", **{"class": "skip"}),
               E.HEADER(heading, *_standfirst(info), *_facts(info)),
               E.MAIN(_player(info, files, vtt_text),
                      E.ARTICLE(*_transcript(body, files, stories), id="transcript", tabindex="-1",
                                **{"aria-label": "Transcript"})),
               *_downloads(files),
               E.SCRIPT(_static("page.js"))),
        lang=xml_text(info.language))
    return html.tostring(document, doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"


def write_page(timeline, target: Path, info: ReadAlongInfo, files: PageFiles) -> None:
    """NAME.html beside the audio and NAME.vtt (written first), from the same timeline as the captions."""
    vtt_text = (target.parent / files.vtt).read_text(encoding="utf-8")
    document = page_document(cues(timeline, info.language), info, files, vtt_text)
    with atomic_path(target) as temp:
        temp.write_text(document, encoding="utf-8")
