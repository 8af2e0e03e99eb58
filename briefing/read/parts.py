"""What the structured readers (Markdown, HTML, PDF, DOCX, EPUB) share: a list of typed parts becomes
the same Article plain text gives, its text the parts joined by blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.model import Article, Block
from briefing.read.language import detect_language


@dataclass(frozen=True)
class Part:
    text: str
    kind: str = "narration"  # or "title", "headline", "quote": the document says, no guessing


def as_sentence(item: str) -> str:
    """A list item or table row read as a sentence of its own."""
    return item if item[-1:] in ".!?…:;" else item + "."


def article_from_parts(parts: list[Part], source: str, *, language: str = "", author: str = "",
                       published: str = "", site_name: str = "", description: str = "") -> Article:
    """Join the parts into the article text and record where each block sits in it. The first "title"
    part (else the first part) is the title; `language` is what the document declares, if anything."""
    parts = [p for p in parts if re.search(r"\w", p.text)]
    if not parts:
        raise InputError(f"{source} has no article text that could be found; is it an article?")
    title_index = next((i for i, p in enumerate(parts) if p.kind == "title"), 0)
    ordered = [parts[title_index], *parts[:title_index], *parts[title_index + 1 :]]
    text, blocks = "", []
    for part in ordered:
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{part.text}" if text else part.text
        blocks.append(Block(part.text, start, start + len(part.text), None if part.kind == "title" else part.kind))
    return Article(text=text, title=blocks[0], blocks=tuple(blocks[1:]), source=source,
                   language=detect_language(text, language), author=author, published=published,
                   site_name=site_name, description=" ".join(description.split()))
