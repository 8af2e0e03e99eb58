"""Articles saved as Markdown or web pages: read the article, not the page.

Markdown goes through markdown-it-py. A web page goes through trafilatura, which finds the article's
main text and its metadata; the page's markup then says what is a headline, a quote, a list or a table.
Around it, this module gives back what the extractor loses (text outside <p>, an article's later
sections) and `furniture` takes away what is not the article.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from briefing.errors import InputError
from briefing.model import Article
from briefing.read.furniture import (
    LINKED_SHARE,
    block_text,
    clean_title,
    drop_bare_urls,
    drop_comment_sections,
    drop_promotions,
    drop_teaser_groups,
    drop_wordless_links,
    is_dateline,
    is_furniture,
    is_offer,
    link_heavy,
    page_title,
    without_deck,
    without_follow_calls,
    without_shortcodes,
    without_stray_headlines,
    word_count,
)
from briefing.read.parts import Part, article_from_parts, as_sentence
from briefing.read.text import decode

# -- Markdown ----------------------------------------------------------------------------------

def read_markdown(raw: bytes, source: str) -> Article:
    return parse_markdown(decode(raw, source), source)


def parse_markdown(text: str, source: str) -> Article:
    """# title, ## headlines, paragraphs, > block quotes as quotes, lists read as sentences;
    link text is read, URLs, images and markup are not."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    parts: list[Part] = []
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
                parts.append(Part(" ".join(as_sentence(item) for item in list_items)))
                list_items = []
        elif token.type == "inline":
            _markdown_inline(token, tokens[index - 1], parts, list_items, list_depth, quote_depth)
        elif token.type in ("fence", "code_block"):
            parts.append(Part(" ".join(token.content.split())))
    return article_from_parts(parts, source)


def _markdown_inline(token, opener, parts: list[Part], list_items: list[str], list_depth: int,
                     quote_depth: int) -> None:
    content = _plain_inline(token.children or [])
    if opener.type == "heading_open":
        first_title = opener.tag == "h1" and not any(p.kind == "title" for p in parts)
        parts.append(Part(content, "title" if first_title else "headline"))
    elif list_depth:
        list_items.append(content)
    else:
        parts.append(Part(content, "quote" if quote_depth else "narration"))


def _plain_inline(children) -> str:
    pieces = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        # link_open/close, em/strong, images and inline HTML contribute no words of their own
    return " ".join("".join(pieces).split())


# -- Web pages ---------------------------------------------------------------------------------

MIN_ARTICLE_WORDS = 50  # less prose than this is a listing, a login wall or a teaser, not an article


def read_html(raw: bytes, source: str) -> Article:
    """The main article of a web page, with its title (without the site's name), author, date, site and
    the language the page declares."""
    import trafilatura

    tree, markup = load_page(raw, source)
    link_texts = {" ".join("".join(a.itertext()).split()) for a in tree.iter("a")}
    drop_bare_urls(tree)
    drop_wordless_links(tree)
    drop_promotions(tree)
    drop_comment_sections(tree)
    drop_teaser_groups(tree)
    lift_embedded_posts(tree)
    wrap_loose_text(tree)
    gather_loose_items(tree)
    paragraphs_set_as_divs(tree)
    keep_spaces_between_links(tree)
    original = copy.deepcopy(tree)  # the extractor prunes the tree it is given
    metadata = trafilatura.extract_metadata(markup)
    site = (metadata.sitename or "") if metadata else ""
    precise = _precise_texts(copy.deepcopy(tree))
    document = _extracted(tree)
    unwrap_layout_tables(document)
    separate_lines(document)
    drop_trailing_extras(document, precise)
    add_sibling_sections(document, original)
    drop_link_boxes_after_the_end(document)
    title = page_title(document, clean_title(document.get("title") or (metadata.title if metadata else "") or "", site),
                       original)
    published = (metadata.date or "") if metadata else ""
    description = (metadata.description or "") if metadata else ""
    parts = headline_for_a_name(without_deck(_article_parts(document, title, published), description, original))
    parts = headline_for_a_label(parts, original, site, link_texts)
    if _why_no_article(parts, link_texts):
        # the page as loaded again (the steps above change the tree), only for this rare second reading
        parts = _second_reading(load_page(raw, source)[0], title, published, link_texts) or parts
    if _why_no_article(parts, link_texts):
        parts = _structured_body(original, title) or parts
    _refuse_if_no_article(parts, link_texts, source)
    return article_from_parts(parts, source, language=_declared_language(raw, metadata),
                              author=(metadata.author or "") if metadata else "", published=published,
                              site_name=site, description=description)


def _article_parts(document, title: str, published: str) -> list[Part]:
    return without_follow_calls([part for part in _page_parts(document, title) if part.kind == "title"
                                 or not is_dateline(part.text, published)])  # a title may hold its date


NAME_WORDS = 3  # a page title this short may be the site's name or a section's label
OPENING_HEADLINE_WORDS = 4
TITLE_WORD = re.compile(r"\w+")
BYLINE_OR_DATE = re.compile(r"^by\b|\b(?:1[89]|20)\d\d\b", re.IGNORECASE)
HEADLINE_META = ("og:title", "twitter:title")
WEB_ADDRESS = re.compile(r"\w\.(?:com|net|org|co\.\w\w|\w\w)\b")  # "valleypost.com" names the site


def headline_for_a_name(parts: list[Part]) -> list[Part]:
    """A page title of a few words that shares no word with the headline the article opens with is the
    site's name or a section's label ("Valley Post", "Harbour Wire", "More Stories"), not the article's own:
    the headline is its title. A byline or a date set as the opening headline stays a line of the page."""
    if len(parts) < 2 or parts[0].kind != "title" or parts[1].kind != "headline":
        return parts
    title, headline = parts[0].text, parts[1].text
    if (len(title.split()) > NAME_WORDS or len(headline.split()) < OPENING_HEADLINE_WORDS
            or set(TITLE_WORD.findall(title.lower())) & set(TITLE_WORD.findall(headline.lower()))
            or BYLINE_OR_DATE.search(headline)):
        return parts
    return [Part(headline, "title"), *parts[2:]]


def headline_for_a_label(parts: list[Part], page, site: str, link_texts: set[str]) -> list[Part]:
    """A title of a few words (the site's name, a section's label: "Valley Post", "Local News") is often
    not the article's: the headline the page names in its own marks (og:title, twitter:title, schema.org's
    "headline", an <h1>, a part of its <title> between separators) is, when it has more words, names no
    page the site links to nor the site, and either another of those marks says mostly the same words (not
    the whole <title> again, which holds every part) or a line of the page (the headline set in the body)
    is it. Of several, the one most repeated."""
    if not parts or parts[0].kind != "title" or len(parts[0].text.split()) > NAME_WORDS:
        return parts
    title = parts[0].text
    candidates = [c for c in _headline_candidates(page, site) if not _a_label(c, site, link_texts)
                  and len(c.split()) > len(title.split())]
    if not candidates:
        return parts
    lines = _short_lines(page) - {block_text(heading) for heading in page.iter("h1")}  # no vote for itself
    words = [set(TITLE_WORD.findall(c.lower())) for c in candidates]
    scored = []
    for index, candidate in enumerate(candidates):
        own = words[index]
        agreeing = sum(1 for other, theirs in zip(candidates, words, strict=True)
                       if other != candidate and len(own & theirs) * 2 > max(len(own), len(theirs))) \
            + (candidate in lines)
        if agreeing:
            scored.append((agreeing, -index, candidate))
    if not scored:
        return parts
    headline = max(scored)[2]
    return [Part(headline, "title"), *(part for part in parts[1:] if part.text != headline)]


def _a_label(text: str, site: str, link_texts: set[str]) -> bool:
    """The site's name, its address, or the text of a link on the page (a section, another page)."""
    short = " ".join(text.split())
    return (short.lower() == " ".join(site.split()).lower() or short in link_texts
            or bool(WEB_ADDRESS.search(short.lower())))


TITLE_PARTS = re.compile(r"\s+[-|–—·•»>/:]{1,2}\s+|\s*\|\s*|:\s+")
LINE_TAGS = ("h1", "h2", "h3", "h4", "b", "strong", "font", "span", "div", "td", "p", "big")


def _short_lines(page) -> set[str]:
    """The texts of the page's small elements (a headline, a bold line), each whole."""
    return {block_text(element) for element in page.iter(*LINE_TAGS) if len(element) <= 3
            and len(block_text(element)) <= 200}


def _headline_candidates(page, site: str) -> list[str]:
    """The headlines the page names in its marks, in order: og:title and twitter:title, schema.org's
    "headline", its <h1>s, and its <title> less the site's name, or each part of it between separators."""
    found = [meta.get("content") or "" for meta in page.iter("meta")
             if (meta.get("property") or meta.get("name") or "").lower() in HEADLINE_META]
    found += _structured_strings(page, "headline")
    found += [block_text(heading) for heading in page.iter("h1")]
    whole = " ".join((page.findtext(".//title") or "").split())
    pieces = TITLE_PARTS.split(whole)
    found += pieces if len(pieces) > 1 else [whole]  # the whole title and its parts are one mark
    unique: list[str] = []
    for text in (clean_title(f, site) for f in found):
        if text and text not in unique:
            unique.append(text)
    return unique




def _second_reading(page, title: str, published: str, link_texts: set[str]) -> list[Part]:
    """When the first reading finds no article, the extractor is asked again, of the page as it was loaded
    (the steps that help it read most pages can mislead it on one), as it can lose a body its other modes
    find (precision mode picks another container; its XML can drop the text after a heading nested in a
    paragraph, which its plain text keeps). The first of these that holds an article is
    taken; none of them lets a listing or a login wall through, as each is judged as the first was."""
    import trafilatura

    options = {"include_comments": False, "include_images": False, "include_tables": True}
    precise = _extracted(copy.deepcopy(page), favor_precision=True, favor_recall=False)
    separate_lines(precise)
    plain = trafilatura.extract(page, output_format="txt", favor_recall=True, **options) or ""
    headed = [Part(title, "title")] if title else []
    for parts in (_article_parts(precise, title, published),
                  headed + [Part(" ".join(line.split())) for line in plain.splitlines() if line.strip()]):
        if not _why_no_article(parts, link_texts):
            return parts
    return []


def _structured_body(page, title: str) -> list[Part]:
    """The article's text as the page gives it to search engines (schema.org's "articleBody" in its
    JSON-LD), for a page whose body is drawn by a script after loading and so stands in no element of
    its own: its paragraphs (lines), after the title. Only asked when the page's elements hold no article."""
    from html import unescape

    bodies = _structured_strings(page, "articleBody")
    if not bodies:
        return []
    lines = [" ".join(unescape(TAG.sub(" ", line)).split()) for line in max(bodies, key=len).splitlines()]
    return ([Part(title, "title")] if title else []) + [Part(line) for line in lines if line]


TAG = re.compile(r"<[^>]+>")


def _structured_strings(page, key: str) -> list[str]:
    """Every string under `key` ("headline", "articleBody") in the page's JSON-LD, script by script; a script
    that is not JSON is passed over."""
    import json

    found = []
    for script in page.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            found += _strings_under(json.loads(script.text, strict=False), key)
        except ValueError:
            continue
    return found


def _strings_under(data, key: str) -> list[str]:
    """Every `key` string anywhere in a JSON-LD document (a graph, a list, nested objects), in document order."""
    if isinstance(data, list):
        return [text for item in data for text in _strings_under(item, key)]
    if not isinstance(data, dict):
        return []
    found = [data[key]] if isinstance(data.get(key), str) else []
    return found + [text for value in data.values() if isinstance(value, (dict, list))
                    for text in _strings_under(value, key)]


UNCLOSED_TITLE = re.compile(r"</?(?:head|body|meta|link|script|style|div|table|p)\b", re.IGNORECASE)
SELF_CLOSED_HTML = re.compile(r"(<html\b[^<>]*?)\s*/>", re.IGNORECASE)
TITLE_START = re.compile(r"<title\b[^>]*>", re.IGNORECASE)


def load_page(raw: bytes, source: str):
    """The page's tree, read as a browser would, and its markup (repaired if it had to be). A page whose
    start the extractor's loader judges not HTML (a cut doctype: "<!DOCTYPE htm") is parsed as a browser
    parses any page; a <title> left unclosed, which holds the whole page, ends at its first line; markup
    after </html> is read as part of the page."""
    from lxml import etree, html
    from trafilatura.utils import decode_file, load_html

    markup = _from_first_tag(decode_file(raw))
    markup = _as_one_page(SELF_CLOSED_HTML.sub(r"\1>", markup, count=1))  # a browser ignores <html/>'s "/"
    tree = load_html(markup)
    title = tree.find(".//title") if tree is not None else None
    if title is not None and UNCLOSED_TITLE.search(title.text or ""):
        markup = _closed_title(markup)
        tree = load_html(markup)
    if tree is None:
        try:
            tree = html.document_fromstring(markup.replace("\x00", ""))
        except (ValueError, etree.ParserError):
            raise InputError(f"{source} has no article text that could be found; is it an article page?") from None
    return tree, markup


STRAY_START = re.compile(r"^[^<]*(?=(?:<!--.*?-->\s*|<!doctype[^>]*>\s*)*"
                         r"<(?:html|head|/head|title|meta|/?script|/?style)\b)", re.IGNORECASE | re.DOTALL)


def _from_first_tag(markup: str) -> str:
    """Text before the page's head (a byte-order mark saved as "ï»¿" or "?", the end of a script of a page
    saved from its middle) is no part of the article; the page is read from its first tag, as a whole page
    rather than a fragment."""
    return STRAY_START.sub("", markup, count=1) if not markup.lstrip().startswith("<") else markup


PAGE_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
AFTER_PAGE_END = re.compile(r"</html\s*>\s*(?:<!--.*?-->\s*)*<[!A-Za-z]", re.IGNORECASE | re.DOTALL)


def _as_one_page(markup: str) -> str:
    """Markup that goes on after its </html> (two pages saved one after the other, a header included
    before the page) is read by a browser into the one page's body: the parser, which drops it, is given
    the markup without its </body> and </html>."""
    return PAGE_END.sub("", markup) if AFTER_PAGE_END.search(markup) else markup


def _closed_title(markup: str) -> str:
    """The markup with its unclosed <title> closed before the first tag or line break after its words."""
    start = TITLE_START.search(markup)
    if start is None:
        return markup
    words = re.compile(r"\s*[^<\n]*").match(markup, start.end())
    return f"{markup[:words.end()]}</title>{markup[words.end():]}"


def _refuse_if_no_article(parts: list[Part], link_texts: set[str], source: str) -> None:
    """Under MIN_ARTICLE_WORDS of prose (a gallery, a login wall, a teaser), or mostly links (a listing), is no
    article: one sentence and exit 2, not an MP3 of a few seconds."""
    detail = _why_no_article(parts, link_texts)
    if detail:
        raise InputError(f"{source} has no article text that could be found ({detail}); is it a list of "
                         "links, a login page or a teaser rather than an article?")


def _why_no_article(parts: list[Part], link_texts: set[str]) -> str:
    """Too little prose, or prose that is mostly the texts of the page's links (a listing), is no article:
    what is wrong, or "" for an article."""
    prose = " ".join(p.text for p in parts if p.kind in ("narration", "quote"))
    words = word_count(prose)
    in_links = sum(prose.count(text) * len(text.split()) for text in link_texts if len(text.split()) >= 2)
    if words < MIN_ARTICLE_WORDS:
        return f"only {words} words of prose"
    return "its text is mostly links" if in_links / max(1, len(prose.split())) >= LINKED_SHARE else ""


BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
                        "section", "article", "figure", "aside", "nav", "header", "footer", "form", "pre", "hr",
                        "main", "address", "details", "fieldset", "figcaption", "center"})
CONTAINERS = ("div", "article", "section", "main", "body", "td", "blockquote", "center", "span", "font")


def wrap_loose_text(tree) -> None:
    """Text standing loose in a container beside block elements (a sentence right after a headline,
    outside any <p>, or a line after a <br> there) becomes a <p> of its own, with the inline elements
    around it, so that the extractor, which reads paragraphs, reads it too."""
    for container in [c for c in tree.iter(*CONTAINERS) if any(child.tag in BLOCK_TAGS for child in c)]:
        runs, run = [], [None]  # None stands for the container's own text
        for child in list(container):
            if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
                runs.append(run)
                run = [child]
            else:
                run.append(child)
        wrapped = [_wrap_run(container, after, inline) for after, *inline in [*runs, run]]
        if any(wrapped):
            _text_divs_as_paragraphs(container)


def _text_divs_as_paragraphs(container) -> None:
    """The lines of a post set as <div>s of text (one per paragraph, as some blog editors write them) beside
    its loose text are paragraphs too: the extractor reads such divs only on a page without paragraphs, and
    the loose text is one now."""
    for div in list(container.iterchildren("div")):
        if not _text_only(div):
            _text_divs_as_paragraphs(div)  # boxes within the post's box
        elif not link_heavy(div, 0.3):
            div.tag = "p"
            div.attrib.clear()


def _text_only(div) -> bool:
    """A div of words and inline elements, with no block or picture inside."""
    return bool(div.text_content().strip()) and not any(
        child.tag in BLOCK_TAGS or child.tag == "img" for child in div.iter() if child is not div)


EMPHASIS = ("strong", "b", "em", "i", "u", "span", "font")


def _set_off_line(after, inline: list) -> bool:
    """A line set in bold (or another emphasis) right after a paragraph, outside any block (a subheading
    written "<strong>...</strong><br>" between two <p>s), is a line of the article; a link or a picture
    there is left to the extractor."""
    worded = [element for element in inline if isinstance(element.tag, str) and element.text_content().strip()]
    return (after is not None and after.tag == "p" and bool(after.text_content().strip()) and bool(worded)
            and all(element.tag in EMPHASIS and not any(inner.tag == "a" or inner.tag in BLOCK_TAGS
                                                        for inner in element.iter()) for element in worded))


def _wrap_run(container, after, inline: list) -> bool:
    """A new <p> holding the loose words after `after` (a block element, or None for the container's
    start) and the `inline` elements that follow it up to the next block element. Words stand loose
    right after the block (or after a dateline in bold there), or on a line of their own after a <br>; the
    <p> starts at the first of them (a line of inline elements above, such as a byline, stays as it was)."""
    from lxml import etree

    text = container.text if after is None else after.tail
    if (text or "").strip() or _set_off_line(after, inline):
        start = 0
    else:
        start = _first_loose_line(inline)
        if start is None:
            return False
    moved = inline[start:]
    position = container.index(moved[0]) if moved else (0 if after is None else container.index(after) + 1)
    paragraph = etree.Element("p")
    if start == 0:
        paragraph.text = text
        if after is None:
            container.text = None
        else:
            after.tail = None
    for element in moved:
        paragraph.append(element)  # moves it, with its tail
    container.insert(position, paragraph)
    return True


def _first_loose_line(inline: list) -> int | None:
    """Where the first line holding loose words starts among the inline elements: after a <br> whose words
    follow it, or at the top, when the line right after the block opens with words set in emphasis, with no
    link or picture, and goes on in a sentence of loose words ("<b>(Agency)</b> The council voted ...").
    A line of inline elements alone (a byline in a <span>), or one that opens with a link (an advertisement,
    a teaser) is none; None when no line is."""
    opening = True
    for index, element in enumerate(inline):
        if element.tag == "br":
            if (element.tail or "").strip():
                return index
            opening = False
        elif opening and _opens_a_sentence(inline[:index + 1]):
            return 0
    return None


LOOSE_SENTENCE_WORDS = 10  # words after a line's emphasis that make a sentence, not a label


def _opens_a_sentence(opening: list) -> bool:
    """The elements that open a line are emphasis alone (a dateline, an agency's name in bold), and the
    loose words right after them are a sentence."""
    elements = [element for element in opening if isinstance(element.tag, str)]  # comments aside
    return len(TITLE_WORD.findall(opening[-1].tail or "")) >= LOOSE_SENTENCE_WORDS and all(
        element.tag in EMPHASIS and not any(inner.tag in ("a", "img") or inner.tag in BLOCK_TAGS
                                            for inner in element.iter())
        for element in elements)


LIST_TAGS = ("ul", "ol", "menu", "dir")


def gather_loose_items(tree) -> None:
    """List items standing without their list (<li> straight inside a <div>), which a browser shows as a
    list, are gathered into one, as the extractor passes over an item outside a list."""
    from lxml import etree

    for item in [li for li in tree.iter("li") if li.getparent() is not None and li.getparent().tag not in LIST_TAGS]:
        if item.getparent().tag in LIST_TAGS:
            continue  # gathered with the item before it
        items = [item]
        while items[-1].getnext() is not None and items[-1].getnext().tag == "li" and not (
                items[-1].tail or "").strip():
            items.append(items[-1].getnext())
        wrapper = etree.Element("ul")
        item.addprevious(wrapper)
        wrapper.tail, items[-1].tail = items[-1].tail, None
        for element in items:
            wrapper.append(element)


def paragraphs_set_as_divs(tree) -> None:
    """A <div> of text alone between two paragraphs (a subheading or a line set in a <div> of its own)
    is read as a paragraph: the extractor may pass over a <div> among <p>s. One mostly of links (a
    teaser between paragraphs) or with a picture (a caption) is left as it is."""
    for div in list(tree.iter("div")):
        before, after = div.getprevious(), div.getnext()
        if (before is not None and after is not None and before.tag == "p" and after.tag == "p"
                and _text_only(div) and not link_heavy(div, 0.3)):
            div.tag = "p"
            div.attrib.clear()


EMBEDDED_POST = re.compile(r"\b(?:twitter-tweet|instagram-media|tiktok-embed)\b")  # the platforms' embed codes


def lift_embedded_posts(tree) -> None:
    """A post embedded in the article (by the platform's standard embed code, a <blockquote>) is quoted
    text of the article; the boxes a site wraps it in (a "widget") are taken away, as the extractor
    throws such boxes out with the post inside."""
    for post in [b for b in tree.iter("blockquote") if EMBEDDED_POST.search(b.get("class", ""))]:
        box = post
        while _holds_only(box.getparent(), box):
            box = box.getparent()
        if box is not post:
            post.tail = box.tail
            box.getparent().replace(box, post)


def _holds_only(parent, child) -> bool:
    """`parent` is a box around `child` alone (scripts and spaces aside)."""
    if parent is None or parent.tag not in ("div", "span", "figure", "section", "aside") or parent.getparent() is None:
        return False
    others = [e for e in parent if e is not child and isinstance(e.tag, str) and e.tag not in ("script", "style")]
    return not others and not (parent.text or "").strip() and not (child.tail or "").strip()


def keep_spaces_between_links(tree) -> None:
    """The extractor drops a space that stands alone between two links ("<a>social</a> <a>media</a>"
    read as "socialmedia"): the space is moved inside the first link, where it is kept."""
    for link in tree.iter("a"):
        if link.tail and not link.tail.strip() and link.getnext() is not None:
            if len(link):
                link[-1].tail = (link[-1].tail or "") + " "
            else:
                link.text = (link.text or "") + " "
            link.tail = None


SECTION_SCOPE = 4  # how many levels above the article's container its other sections may sit


def add_sibling_sections(document, original) -> None:
    """Articles split into several containers of one kind (a section per ad slot) lose every section
    after the first to the extractor: the paragraphs of the other containers of the same tag and class
    near the first one are added, in page order."""
    extracted = {block_text(element): element for element in document.iter("p")}
    paragraphs = [p for p in original.iter("p") if block_text(p)]
    matched = [p for p in paragraphs if block_text(p) in extracted]
    if not matched:
        return
    container, _ = Counter(p.getparent() for p in matched).most_common(1)[0]
    sections = _same_kind(container)
    if not sections:
        return
    previous = None
    for paragraph in paragraphs:
        text = block_text(paragraph)
        if text in extracted:
            previous = extracted[text]
        elif paragraph.getparent() in sections and previous is not None and not link_heavy(paragraph):
            previous = _insert_after(previous, text)
            extracted[text] = previous


def _same_kind(container) -> set:
    classes = container.get("class")
    if not classes:
        return set()
    scope = container
    for _ in range(SECTION_SCOPE):
        scope = scope.getparent() if scope.getparent() is not None else scope
    return {element for element in scope.iter(container.tag)
            if element.get("class") == classes and element is not container}


def _insert_after(previous, text: str):
    from lxml import etree

    paragraph = etree.Element("p")
    paragraph.text = text
    previous.addnext(paragraph)
    return paragraph


def _extracted(tree, favor_precision: bool = False, favor_recall: bool = True):
    """The article as trafilatura's XML, extracted for recall with tables and links kept: precision mode
    drops text that sits outside <p> after a headline, and whole article sections; the furniture that
    recall mode lets in is removed block by block afterwards (`is_furniture`). An empty <doc> when the
    extractor finds nothing."""
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(tree, output_format="xml", with_metadata=True, include_comments=False,
                                    include_images=False, include_tables=True, include_links=True,
                                    favor_recall=favor_recall, favor_precision=favor_precision)
    if not extracted:
        return etree.Element("doc")
    document = etree.fromstring(extracted.encode("utf-8"))
    wrap_loose_xml_text(document)
    return document


XML_CONTAINERS = ("doc", "main", "div")
XML_INLINE = ("hi", "ref", "lb", "del")  # the extractor's marks within a line; all else is a block


def wrap_loose_xml_text(document) -> None:
    """Words the extractor leaves between its blocks (a passage that stood outside any element on the page
    after a paragraph or a headline, or after a line break there: the tail of the block before it, or a
    box's own text) become a paragraph, with the links and emphasis beside them, so that they are read, and
    judged as furniture or not, as the page's other blocks are."""
    for container in list(document.iter(*XML_CONTAINERS)):
        if not _loose_words(container) or any(a.tag not in XML_CONTAINERS for a in container.iterancestors()):
            continue
        own = set(container)
        block_tags = tuple({child.tag for child in container if child.tag not in XML_INLINE})
        blocks = [b for b in _cell_blocks(container, block_tags) if b in own or block_text(b)]
        container.text = None
        container[:] = blocks


def _loose_words(container) -> bool:
    return bool((container.text or "").strip()) or any(
        (child.tail or "").strip() or (child.tag in XML_INLINE and block_text(child)) for child in container)


def link_heavy_xml(element, share: float) -> bool:
    linked = sum(len("".join(ref.itertext()).split()) for ref in element.iter("ref"))
    return linked >= share * max(1, len(block_text(element).split()))


def separate_lines(document) -> None:
    """A line break (<br>) parts words as a space does ("dates:<br>June 9", not "dates:June 9")."""
    for line_break in document.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")


XML_BLOCKS = ("head", "p", "quote", "list", "table")


def unwrap_layout_tables(document) -> None:
    """A table whose cells hold paragraphs of text lays out the page, it is no data table: its cells'
    blocks are read as the page's blocks, so that each is judged on its own (a column of other stories
    beside the article is furniture, the article is not)."""
    for table in list(document.iter("table")):
        if table.getparent() is None or not any(_holds_text(cell) for cell in table.iter("cell")):
            continue
        blocks = [block for cell in table.iter("cell") if not _inner_cell(cell, table) for block in _cell_blocks(cell)]
        position = table.getparent().index(table)
        table.getparent()[position:position + 1] = blocks


LAYOUT_CELL_WORDS = 50


def _holds_text(cell) -> bool:
    """A cell of a layout holds paragraphs of text; a data table's cells hold an item each."""
    blocks = [child for child in cell if child.tag in ("head", "p", "list")]
    return len(blocks) >= 2 and len(block_text(cell).split()) >= LAYOUT_CELL_WORDS


def _inner_cell(cell, table) -> bool:
    return any(ancestor.tag == "cell" for ancestor in cell.iterancestors() if _below(ancestor, table))


def _below(element, top) -> bool:
    return any(ancestor is top for ancestor in element.iterancestors())


def _cell_blocks(cell, block_tags: tuple[str, ...] = XML_BLOCKS) -> list:
    """The blocks of a cell (or of a box) in order, its loose text and inline elements gathered into
    paragraphs."""
    from lxml import etree

    blocks, loose = [], None
    if (cell.text or "").strip():
        loose = etree.Element("p")
        loose.text = cell.text
    for child in list(cell):
        if child.tag in block_tags:
            blocks += [loose] if loose is not None else []
            tail, child.tail, loose = child.tail, None, None
            blocks.append(child)
            if (tail or "").strip():
                loose = etree.Element("p")
                loose.text = tail
        else:
            loose = loose if loose is not None else etree.Element("p")
            loose.append(child)
    return blocks + ([loose] if loose is not None else [])


def _precise_texts(tree) -> str:
    """The blocks trafilatura keeps when it favours precision: a second opinion on where the article ends."""
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(tree, output_format="xml", include_comments=False, include_images=False,
                                    include_tables=True, favor_precision=True)
    if not extracted:
        return ""
    document = etree.fromstring(extracted.encode("utf-8"))
    wrap_loose_xml_text(document)
    separate_lines(document)
    return "\n".join(block_text(e) for e in document.iter(*XML_BLOCKS, "item"))


TAIL_NOTE_WORDS = 20  # a closing run shorter than this, of one or two blocks, is the article's own end note
PRECISE_SHARE = 0.5  # the precise reading must hold this share of the words for its end to be trusted


def _in_precise(element, precise: str) -> bool:
    """Read in the precise reading too: a block of a few words as a whole line, a longer one anywhere
    (the precise reading may join a table's paragraphs into one cell)."""
    text = block_text(element)
    return bool(text) and (f"\n{text}\n" in f"\n{precise}\n" or (len(text.split()) >= 4 and text in precise))


def drop_trailing_extras(document, precise: str) -> None:
    """Recall mode reads on past the article's end (the next post of a blog, an "about us" box, a ticker):
    the blocks after the last one the precise reading also kept are dropped, when the precise reading holds
    most of the text and what follows is more than a short closing note. Lists, tables and full paragraphs of
    running text stay (a recipe's ingredients, a fact box, a last paragraph the precise reading judged too
    linked)."""
    blocks = [e for e in document.iter(*XML_BLOCKS)
              if not any(a.tag in ("quote", "list", "table") for a in e.iterancestors())]
    known = [any(_in_precise(i, precise) for i in e.iter(*XML_BLOCKS, "item", "cell")) for e in blocks]
    if not any(known):
        return
    last = max(i for i, is_known in enumerate(known) if is_known)
    sizes = [len(block_text(e).split()) for e in blocks]
    tail = blocks[last + 1:]
    kept = sum(size for size, is_known in zip(sizes, known, strict=True) if is_known)
    if (sum(sizes[last + 1:]) < TAIL_NOTE_WORDS and len(tail) <= 2) or kept < PRECISE_SHARE * sum(sizes):
        return
    for element in tail:
        if element.getparent() is not None and element.tag in ("p", "head") and not _dense_prose(element):
            element.getparent().remove(element)


def drop_link_boxes_after_the_end(document) -> None:
    """After the article's last full paragraph of running text, a table holding links (other stories with
    their teasers, the site's sections, its address and contact links) or a line mostly of links that is
    no sentence is the page around the article: a table that ends an article (scores, facts, prices)
    does not send the reader to other pages."""
    blocks = _top_blocks(document)
    full = [index for index, element in enumerate(blocks) if _dense_prose(element)]
    if not full:
        return
    for element in blocks[full[-1] + 1:]:
        if element.getparent() is not None and (
                (element.tag == "table" and (next(element.iter("ref"), None) is not None or _teasers(element)))
                or (element.tag == "p" and link_heavy_xml(element, LINKED_LINE) and not _sentences(element))):
            element.getparent().remove(element)


def _sentences(element) -> bool:
    """A line ending as a sentence ends, or a paragraph of running text that introduces what follows it
    with a colon ("Last week we put one question to the club. Below are some of the replies:"), unless
    it offers a subscription."""
    text = block_text(element)
    return bool(ENDS_SENTENCE.search(text)) or (text.endswith(":") and len(text.split()) >= PROSE_WORDS
                                                 and not is_offer(text))  # "Sign up for our newsletter:"


CUT_SHORT = re.compile(r"(?:\.\.\.|…)$")


def _teasers(table) -> bool:
    """A table of other stories, each with the opening of its text cut short ("The mill will reopen in
    the spring of ..."), whether or not their links were kept."""
    return any(CUT_SHORT.search(block_text(cell)) for cell in table.iter("cell", "p"))


def _top_blocks(document) -> list:
    """The page's blocks (and preformatted text) in reading order, not those inside a quote, a list, a table or
    preformatted text: those are read as a part of the block that holds them."""
    return [e for e in document.iter(*XML_BLOCKS, "code")
            if not any(a.tag in ("quote", "list", "table", "code") for a in e.iterancestors())]


LINKED_LINE = 0.3  # a line with this share of its words in links, after the article, offers other pages
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)]?$")
PROSE_WORDS = 25  # a paragraph of at least this many words, ending as a sentence ends, with few links


def _dense_prose(element) -> bool:
    """A full paragraph of running text: kept even past the precise reading's end, as it reads as the
    article's own (a last paragraph the precise reading judged too linked or too far down)."""
    text = block_text(element)
    return (element.tag == "p" and len(text.split()) >= PROSE_WORDS and bool(ENDS_SENTENCE.search(text))
            and not link_heavy_xml(element, 0.2))


def _page_parts(document, title: str) -> list[Part]:
    parts = [Part(title, "title")] if title else []
    for element in _top_blocks(document):
        if element.tag == "code":
            parts += [] if element.getparent().tag in ("p", "head") else _preformatted(element)
            continue
        text = without_shortcodes(" ".join("".join(element.itertext()).split()))
        if is_furniture(element, text) and not _linked_section_heading(element):
            if parts and parts[-1].kind == "headline" and parts[-1].text.endswith(":"):
                parts.pop()  # "More:", "Related:": the label of the links just dropped
            continue
        if title and text == title:  # the title is read once, as the title
            continue
        if element.tag == "head" and len(text.split()) < PROSE_WORDS:
            parts.append(Part(text, "title" if not title and element.get("rend") == "h1" else "headline"))
        elif element.tag == "list":
            items = [" ".join("".join(item.itertext()).split()) for item in element.iter("item")]
            parts.append(Part(" ".join(as_sentence(i) for i in items if i)))
        elif element.tag == "table":
            parts += _table(element)
        else:
            parts.append(Part(text, "quote" if element.tag == "quote" else "narration"))
    return without_stray_headlines(parts)


def _linked_section_heading(element) -> bool:
    """A headline that is one link, followed by a paragraph of running text, heads a section of the article
    (a list of products or places, each named with a link to it); a headline of links alone is furniture."""
    following = element.getnext()
    return (element.tag == "head" and len(list(element.iter("ref"))) == 1 and following is not None
            and following.tag == "p" and len(block_text(following).split()) >= PROSE_WORDS)


def _preformatted(element) -> list[Part]:
    """Text set as it was typed (<pre>: a press release on a wire, a poem, a program): its paragraphs
    stand apart by blank lines, its lines are wrapped by hand."""
    paragraphs = re.split(r"\n\s*\n", "".join(element.itertext()))
    return [Part(" ".join(p.split())) for p in paragraphs if p.strip()]


def _table(element) -> list[Part]:
    rows = []
    for row in element.iter("row"):
        cells = [" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")]
        cells = [cell for index, cell in enumerate(cells) if cell and (cell not in cells[:index] or _is_figure(cell))]
        if cells:
            rows.append(as_sentence(", ".join(cells)))
    return [Part(" ".join(rows))] if rows else []


def _is_figure(cell: str) -> bool:
    """A number, a score or a dash: a row may hold the same figure in several columns (0, 0, 1)."""
    return not re.search(r"[^\W\d_]", cell)


def _declared_language(raw: bytes, metadata) -> str:
    """<html lang>, else what the metadata (Content-Language, og:locale) says."""
    found = re.search(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", raw[:8192],
                      re.IGNORECASE)
    if found:
        return found.group(1).decode("ascii")
    return (getattr(metadata, "language", None) or "") if metadata else ""
