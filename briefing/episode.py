"""What makes an episode beyond the article: its labels, its summary, and several stories combined."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.model import Script, Segment
from briefing.read import is_url


@dataclass(frozen=True)
class Episode:
    """How the episode is labelled: the show (ID3 album), the cover art and the publication date."""

    show: str = "briefing"
    cover: Path | None = None
    day: date = field(default_factory=date.today)
    # the combined episodes this run has written, by (folder, day): a --watch session re-renders its own
    combined_stems: dict = field(default_factory=dict, compare=False, repr=False)


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
                                         voice=seg.voice if seg.partial else None)
                     for seg in script.segments]
        genders.update(script.genders)
    return Script(title=intro.rstrip("."), language=scripts[0].language, segments=tuple(segments),
                  source=", ".join(s.source for s in scripts), genders=genders)


def summary(script: Script) -> str:
    """The ID3 comment, as podcast apps show it under the title: the page's own summary (its standfirst, which
    is not read aloud), else the first paragraph of narration."""
    first = next((s.text for s in script.segments if s.kind == "narration" and len(s.text.split()) > 8), "")
    text = script.description or " ".join(first.split())
    return text if len(text) <= 300 else text[:297] + "..."


def episode_sources(sources: list[str]) -> str:
    """Which articles make a combined episode, as recorded in its MP3: their full paths (or addresses)."""
    return "\n".join(sorted(source if is_url(source) or source == "-" else str(Path(source).resolve())
                            for source in sources))


def combined_stem(out_dir: Path, day: date, sources: list[str], episode: Episode) -> str:
    """The name of a combined episode: briefing-DAY, or briefing-DAY-2, -3... when that day's episode of
    other articles is already there (a second --combine never replaces the first). The same articles again,
    or this run's own episode (under --watch, whatever its articles are now), are rendered in place."""
    from briefing.export.tags import recorded_sources

    key = (Path(out_dir).resolve(), day)
    if key in episode.combined_stems:
        return episode.combined_stems[key]
    wanted = episode_sources(sources)
    number = 1
    while True:
        stem = f"briefing-{day.isoformat()}" + (f"-{number}" if number > 1 else "")
        mp3 = Path(out_dir) / f"{stem}.mp3"
        if not mp3.exists() or recorded_sources(mp3) == wanted:
            episode.combined_stems[key] = stem
            return stem
        number += 1
