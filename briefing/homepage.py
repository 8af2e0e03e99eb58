"""index.html beside feed.xml: the show's homepage (Google Podcasts and directories ask for one), listing every
episode with a link to its own page (NAME.html) when there is one, else to its MP3. Built with lxml."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from lxml import etree
from lxml.html import builder as E

from briefing.files import atomic_path
from briefing.show import Show


def write_homepage(folder: Path, show: Show, episodes: list[tuple[str, Path, datetime]], cover_name: str,
                   language: str = "en") -> Path:
    """FOLDER/index.html for (title, mp3, published) episodes, newest first as given."""
    description = show.description or f"{show.title}: articles read aloud by briefing."
    items = [_episode_item(title, mp3, published) for title, mp3, published in episodes]
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(show.title), E.META(name="description", content=description),
               E.LINK(rel="alternate", type="application/rss+xml", title=show.title, href="feed.xml")),
        E.BODY(E.HEADER(E.IMG(src=quote(cover_name), alt=f"Cover of {show.title}", width="300", height="300"),
                        E.H1(show.title), E.P(description),
                        E.P(E.A("Subscribe: feed.xml", href="feed.xml"), " — paste this address into any podcast "
                            "app.")),
               E.MAIN(E.H2("Episodes"), E.OL(*items))),
        lang=language)
    target = folder / "index.html"
    with atomic_path(target) as temp:
        temp.write_bytes(etree.tostring(page, method="html", doctype="<!DOCTYPE html>", encoding="utf-8",
                                        pretty_print=True))
    return target


def _episode_item(title: str, mp3: Path, published: datetime):
    page = mp3.with_suffix(".html")
    href = quote(page.name if page.exists() else mp3.name)
    return E.LI(E.A(title, href=href), " ", E.TIME(f"{published:%d %B %Y}", datetime=published.isoformat()),
                " ", E.A("(MP3)", href=quote(mp3.name), type="audio/mpeg"), id=episode_anchor(mp3))


def episode_anchor(mp3: Path) -> str:
    """The id of an episode's entry on the homepage (ids hold no spaces)."""
    return re.sub(r"\s+", "-", mp3.stem)
