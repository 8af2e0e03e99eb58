"""Articles saved as Markdown or web pages (files or http(s) URLs): read the article, not the page.

Markdown goes through markdown-it-py; HTML through trafilatura, which drops navigation, cookie
banners, ads, captions, "most read" lists and footers. Both become the same Article as plain text
does, with a kind hint on blocks whose markup says "heading" or "block quote". Character offsets
then refer to the extracted text (title and blocks joined by blank lines), which `Article.text` holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from briefing.errors import InputError
from briefing.model import Article, Block

FETCH_TIMEOUT_S = 20
MAX_PAGE_BYTES = 20 * 1024 * 1024
USER_AGENT = "briefing/0.1 (+offline article reader)"


@dataclass(frozen=True)
class _Part:
    text: str
    kind: str = "narration"  # or "title", "headline", "quote": the markup says, no guessing


def _article(parts: list[_Part], source: str, **metadata) -> Article:
    """Join the parts into the article text and record where each block sits in it."""
    parts = [p for p in parts if re.search(r"\w", p.text)]
    title_index = next((i for i, p in enumerate(parts) if p.kind == "title"), 0)
    if not parts:
        raise InputError(f"{source} has no article text that could be found; is it an article page?")
    ordered = [parts[title_index], *parts[:title_index], *parts[title_index + 1 :]]
    text, blocks = "", []
    for part in ordered:
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{part.text}" if text else part.text
        blocks.append(Block(part.text, start, start + len(part.text), None if part.kind == "title" else part.kind))
    from briefing.read import detect_language

    return Article(text=text, title=blocks[0], blocks=tuple(blocks[1:]), source=source,
                   language=metadata.pop("language", "") or detect_language(text), **metadata)


# -- Markdown ----------------------------------------------------------------------------------

def parse_markdown(text: str, source: str) -> Article:
    """# title, ## headlines, paragraphs, > block quotes as quotes, lists read as sentences;
    link text is read, URLs, images and markup are not."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    parts: list[_Part] = []
    quote_depth = list_depth = 0
    list_items: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0 and list_items:
                parts.append(_Part(" ".join(_as_sentence(item) for item in list_items)))
                list_items = []
        elif token.type == "inline":
            content = _plain_inline(token.children or [])
            opener = tokens[index - 1]
            if opener.type == "heading_open":
                first_title = opener.tag == "h1" and not any(p.kind == "title" for p in parts)
                parts.append(_Part(content, "title" if first_title else "headline"))
            elif list_depth:
                list_items.append(content)
            else:
                parts.append(_Part(content, "quote" if quote_depth else "narration"))
        elif token.type in ("fence", "code_block"):
            parts.append(_Part(" ".join(token.content.split())))
    return _article(parts, source)


def _plain_inline(children) -> str:
    pieces = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        # link_open/close, em/strong, images and inline HTML contribute no words of their own
    return " ".join("".join(pieces).split())


def _as_sentence(item: str) -> str:
    return item if item[-1:] in ".!?…:;" else item + "."


# -- HTML and URLs -----------------------------------------------------------------------------

def parse_html(page: bytes | str, source: str) -> Article:
    """The main article of a web page, with its author, date and site name."""
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(page, output_format="xml", with_metadata=True, include_comments=False,
                                    include_images=False, include_tables=False, favor_precision=True)
    if not extracted:
        raise InputError(f"{source} has no article text that could be found; is it an article page?")
    document = etree.fromstring(extracted.encode("utf-8"))
    title = document.get("title") or ""
    parts = [_Part(title, "title")] if title else []
    for element in document.iter("head", "p", "quote", "list"):
        if any(ancestor.tag in ("quote", "list") for ancestor in element.iterancestors()):
            continue
        text = " ".join("".join(element.itertext()).split())
        if element.tag == "head":
            if text == title:
                continue
            parts.append(_Part(text, "title" if not title and element.get("rend") == "h1" else "headline"))
        elif element.tag == "list":
            items = [" ".join("".join(item.itertext()).split()) for item in element.iter("item")]
            parts.append(_Part(" ".join(_as_sentence(i) for i in items if i)))
        else:
            parts.append(_Part(text, "quote" if element.tag == "quote" else "narration"))
    metadata = trafilatura.extract_metadata(page)
    return _article(parts, source, author=(metadata.author or "") if metadata else "",
                    published=(metadata.date or "") if metadata else "",
                    site_name=(metadata.sitename or "") if metadata else "")


def is_url(source: str) -> bool:
    return urlparse(source).scheme in ("http", "https")


def fetch(url: str) -> bytes:
    """The page at `url`; network trouble and non-HTML answers become one plain sentence."""
    import urllib.error  # here: 30 ms of start-up that articles on disk do not need
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml"):
                raise InputError(f"{url} is not a web page (it is {kind}); give the address of an article.")
            return response.read(MAX_PAGE_BYTES)
    except urllib.error.HTTPError as error:
        raise InputError(f"Could not fetch {url}: the server answered {error.code} {error.reason}.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(f"Could not fetch {url} ({reason}); check the address and the connection.") from None
