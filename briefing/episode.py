"""What makes an episode beyond the article: its labels, its summary, and several stories combined."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.model import Script, Segment


@dataclass(frozen=True)
class Episode:
    """How the episode is labelled: the show (ID3 album), the cover art and the publication date."""

    show: str = "briefing"
    cover: Path | None = None
    day: date = field(default_factory=date.today)


NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def combine(scripts: list[Script], day: date) -> Script:
    """One episode from several articles: a spoken intro, then each story from its title on."""
    count = NUMBER_WORDS[len(scripts)] if len(scripts) < len(NUMBER_WORDS) else str(len(scripts))
    stories = "story" if len(scripts) == 1 else "stories"
    intro = f"Your briefing for {day:%A}, {day.day} {day:%B}: {count} {stories}."
    segments = [Segment("title", intro, 0, 0, paragraph=0)]
    genders: dict[str, str] = {}
    for script in scripts:
        base = segments[-1].paragraph + 1
        segments += [dataclasses.replace(seg, paragraph=base + seg.paragraph,
                                         voice=seg.voice if seg.voice == "narrator" else None)
                     for seg in script.segments]
        genders.update(script.genders)
    return Script(title=intro.rstrip("."), language=scripts[0].language, segments=tuple(segments),
                  source=", ".join(s.source for s in scripts), genders=genders)


def summary(script: Script) -> str:
    """The ID3 comment: the first paragraph of narration, as podcast apps show it under the title."""
    first = next((s.text for s in script.segments if s.kind == "narration" and len(s.text.split()) > 8), "")
    text = " ".join(first.split())
    return text if len(text) <= 300 else text[:297] + "..."
