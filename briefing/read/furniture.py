"""What on a web page is not the article: boxes removed from the page before extraction (promotions,
sign-ups, share bars, related links, comments, galleries, other posts set side by side as <article>s, bare
addresses), blocks and headlines left out after it (link lists, menus, copyright notices, datelines, sign-up headline
runs, a script shown as text, the standfirst that repeats the page's summary, a blog's shortcodes), and the
site's name in the title.

Boxes are judged by their class or id (camel-case words parted), as Readability judges them, and by their
share of linked words.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.read.parts import Part

COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|^copyright\b", re.IGNORECASE)
LICENCE = re.compile(r"\bnon-?commercial use\b|\ball rights reserved\b|\bnot responsible for the content of external\b|"
                     r"\b(?:views|opinions)\b[^.]{0,100}\bnot necessarily (?:reflect|those of)\b|"
                     r"\baccepts? no (?:responsibility|liability) for the (?:content|views|opinions)\b",
                     re.IGNORECASE)  # and the site's disclaimer: "the views expressed are not necessarily ours"
LICENCE_WORDS = 60  # a notice of the terms of use ("for your personal, non-commercial use only") is this short
LINKED_SHARE = 0.6  # a block with this share of its words in links is navigation,
LINKED_WORDS = 30  # unless it is a paragraph this long inside one link (a whole paragraph around an image)
_TITLE_SEPARATORS = r"\s*[-|–—:·•»/]\s*"


DATELINE_WORDS = 12
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{2})\b")  # 19/11/19, 19.11.19: a year in two digits


def is_dateline(text: str, published: str) -> bool:
    """A short line giving the date the page's metadata gives ("Published 18 November 2019.", "Updated:
    19/11/2019 09:01", "19.11.19") is the page's furniture; the date itself goes into the tags. The year is
    written in full, or in two digits inside a date: a short sentence holding the year's last two digits and
    the day as other numbers ("Gold added 0.1% to $1,472.19.") is the article's."""
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not found or len(text.split()) > DATELINE_WORDS:
        return False
    year, _, day = (int(n) for n in found.groups())
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    short_dates = [[int(n) for n in date] for date in NUMERIC_DATE.findall(text)]
    return (year in numbers and day in numbers) or any(year % 100 in date and day in date for date in short_dates)


BARE_URL = re.compile(r"^\s*(?:https?://|www\.)?[\w-]+(?:\.[\w-]+)+/\S*\s*$|^\s*https?://\S+\s*$")


def drop_bare_urls(tree) -> None:
    """Links that show their address ("https://t.co/x1", "pic.twitter.com/x1" in an embedded post) are
    not words anyone reads aloud; the text around them stays."""
    for link in [a for a in tree.iter("a") if BARE_URL.match(a.text_content() or "") and len(a) == 0]:
        if link.getparent() is not None:
            link.drop_tree()


def drop_wordless_links(tree) -> None:
    """A link around an image or an icon inside a paragraph has no words to read; the extractor would
    take the paragraph's text after it for the link's own (a sentence after a linked picture read as a
    link, then judged a link list)."""
    for link in [a for a in tree.iter("a") if not (a.text_content() or "").strip() and a.getparent() is not None
                 and a.getparent().tag == "p"]:
        if link.getparent() is not None:
            link.drop_tree()


PROMOTION = re.compile(r"promo|sponsor|advert|\bads?\b|newsletter|signup|sign-up|subscri|related|share|sharing|"
                       r"social|outbrain|taboola|recommend|read-?more|most-?read|popular|trending|latest|"
                       r"modal|popup|pop-up|overlay|notification|floating|toolbar|reprint|paywall|cookie|consent",
                       re.IGNORECASE)
COMMENTS = re.compile(r"\bcomments?\b|comment-?list|\bcomment[-_ ]|disqus|replies", re.IGNORECASE)
MEDIA = re.compile(r"gallery|slideshow|carousel|lightbox|caption|\bcredits?\b|photo-?credit", re.IGNORECASE)
ARTICLE_PART = re.compile(r"article|body|content|main|story|entry|post-?text", re.IGNORECASE)
PARAGRAPH_WORDS = 25  # a paragraph of running text
PROMOTION_MAX_WORDS = 80  # a box this short, or a longer one of links; else such a name wraps the article


CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def names_of(element, *attributes: str) -> str:
    """An element's class and id (or the attributes given), its words parted where they are written
    together in camel case ("readerComments", "commentSection"), as they are in hyphens elsewhere."""
    names = " ".join(element.get(attribute, "") for attribute in attributes or ("class", "id"))
    return CAMEL_HUMP.sub(" ", names)


def drop_promotions(tree) -> None:
    """Boxes named as promotions, sign-ups, share bars or related links (by their class or id, as
    Readability judges them), readers' comments and photo galleries with their captions and credits are
    removed before extraction, wherever they sit. A box named as comments goes even when another of its
    names is an article's word ("comment-body"); one named as the article's part otherwise stays."""
    for element in list(tree.iter("div", "aside", "section", "ul", "ol", "p", "span", "figure", "form")):
        names = names_of(element)
        if element.getparent() is None:
            continue
        if COMMENTS.search(names) and next(element.iter("h1"), None) is None:
            element.drop_tree()  # "comment-body", "body comments": the comments' box, not the article's
            continue
        if ARTICLE_PART.search(names):
            continue
        if ((PROMOTION.search(names) or MEDIA.search(names)) and (
                len(element.text_content().split()) <= PROMOTION_MAX_WORDS or link_heavy(element, 0.3)
                or _among_paragraphs(element)) and not _story_behind_a_name(element)):
            element.drop_tree()


INSET_PARAGRAPHS = 2  # paragraphs of running text beside a box make it an inset in the article
FORM_CONTROLS = ("form", "input", "button", "select", "textarea", "iframe")


def _story_behind_a_name(element) -> bool:
    """A box of the article's own paragraphs set among its other paragraphs (the rest of the story in a
    box named "paywall" or "subscriber-only", a passage in one named for the site's latest updates) is
    the article, however short: it holds full paragraphs of running text, beside full paragraphs, and
    nothing a promotion holds (headings, list items, pictures, form controls, an offer, many links)."""
    parent = element.getparent()
    own = [p for p in element.iter("p") if _running_text(p)]
    beside = [p for p in parent.iterchildren("p") if _running_text(p)]
    others = next(element.iter("h1", "h2", "h3", "h4", "h5", "h6", "li", "img", *FORM_CONTROLS), None)
    return (bool(own) and bool(beside) and others is None and not link_heavy(element, 0.3)
            and not is_offer(element.text_content()))


def _running_text(paragraph) -> bool:
    text = " ".join(paragraph.text_content().split())
    return len(text.split()) >= PARAGRAPH_WORDS and bool(re.search(r"[.!?…][\"'”’»)]?$", text))


def _among_paragraphs(element) -> bool:
    """A box of headed items or pictures (other stories, each a headline with its opening; a gallery with
    its captions) set among the article's own paragraphs (its parent holds paragraphs of running text beside
    it) is an inset in the article, not the article's wrapper, however long it is ("Also on the site", a
    slide show of other stories). A box of paragraphs alone there is the article's own text (the rest of the
    story, behind a paywall's name)."""
    parent = element.getparent()
    paragraphs = [p for p in parent.iterchildren("p") if len(p.text_content().split()) >= PARAGRAPH_WORDS]
    headed = next(element.iter("h2", "h3", "h4", "h5", "h6", "li", "img"), None) is not None
    return headed and len(paragraphs) >= INSET_PARAGRAPHS


TEASER_GROUP = 3  # so many <article>s side by side are a list of other posts


def drop_teaser_groups(tree) -> None:
    """Several <article> elements side by side under one parent, beside the page's own <article> that holds its
    headline (<h1>), are other posts offered with their openings ("you may also like"), not the page's article.
    Without such an article apart from them they are the page's own parts (a thread's posts, a list's items)."""
    headed = [a for a in tree.iter("article") if next(a.iter("h1"), None) is not None]
    groups = Counter(element.getparent() for element in tree.iter("article") if element.getparent() is not None)
    for parent, count in groups.items():
        members = [child for child in parent if child.tag == "article"]
        if count >= TEASER_GROUP and headed and not any(_within(a, members) for a in headed):
            for member in members:
                member.drop_tree()


def _within(element, boxes: list) -> bool:
    ancestors = {element, *element.iterancestors()}
    return any(box in ancestors for box in boxes)


HEADLINE_WORDS = 30  # a line of the page longer than this is no headline


def page_title(document, title: str, page=None) -> str:
    """The article's own headline when the page title holds it with labels around it ("Opinion |
    Is Football Violence a Crime?", "Storm hits coast_English_Coastline", "Storm hits coast (from the
    Coastline Daily)"): a headline of the extracted article, else the longest line of the page that the
    title holds so; else the page title."""
    for element in document.iter("head"):
        text = block_text(element)
        if len(text.split()) >= 2 and text != title and _labelled(text, title):
            return text
    if page is None:
        return title
    titles = {title, " ".join((page.findtext(".//title") or "").split())}  # the extractor's, and the page's whole
    lines = {line for line in _lines_opening_in(page, " ".join(titles).lower())
             if 2 <= len(line.split()) <= HEADLINE_WORDS}
    found = [line for line in lines if line != title
             and any(_labelled(line, whole) and _most_of(line, whole) for whole in titles if whole)]
    # the longest; of two as long, the one written as the title writes it ("Winter Cap" over "winter cap")
    return max(sorted(found), key=lambda line: (len(line), any(line in whole for whole in titles))) if found \
        else title


def _lines_opening_in(page, titles: str) -> set[str]:
    """The texts of the page's elements whose first words stand in the titles, and of their parents (a
    headline whose words open inside a link or an emphasis): the lines that may be the headline, found
    without reading every element's whole text."""
    lines = set()
    for element in page.iter():
        opening = " ".join((element.text or "").split()).lower()
        if isinstance(element.tag, str) and element.tag not in ("title", "script", "style") and opening \
                and opening in titles:
            lines.add(block_text(element))
            if element.getparent() is not None and len(element.getparent()) <= HEADLINE_WORDS:
                lines.add(block_text(element.getparent()))
    return lines


def _most_of(line: str, title: str) -> bool:
    """The headline is most of a page title, its labels (the site's name, a section) the lesser part: a
    line of the page that is only a label ("Coastline Daily" in "Storm hits coast - Coastline Daily") is
    no headline. A line that is the whole title is no better than the title itself."""
    return line.lower() != title.lower() and 2 * len(line.split()) >= len(title.split())


_LEFT_LABEL = r"(?:.+?\s*[-|–—:·•»/_)\]]\s*)?"
_RIGHT_LABEL = r"(?:\s*[-|–—:·•»/_(\[]\s*.+)?"


def _labelled(headline: str, title: str) -> bool:
    """The title is the headline (in its own capitals or others), with a label (a section, the site's name)
    before or after it."""
    return bool(re.fullmatch(f"{_LEFT_LABEL}{re.escape(headline)}{_RIGHT_LABEL}", title, re.IGNORECASE))


HEADLINE_RUN = 3  # this many headlines in a row with no text between them is a widget, not sections


def without_stray_headlines(parts: list[Part]) -> list[Part]:
    """Headlines introduce text: a run of them with nothing between (a newsletter box, a promo), a label
    such as "More:" whose links are gone, and those at the very end, after the last paragraph, are
    furniture."""
    kept: list[Part] = []
    run: list[Part] = []
    for part in parts:
        if part.kind == "headline":
            run.append(part)
            continue
        if len(run) < HEADLINE_RUN:
            kept += [label for label in run[:-1] if not _is_label(label.text)] + run[-1:]
        run = []
        kept.append(part)
    return kept


LABEL_WORDS = 3


def _is_label(text: str) -> bool:
    """A few words ending in a colon ("More:", "See also:") label the links below them; a longer headline
    ending in one introduces the section after it."""
    return text.endswith(":") and len(text.split()) <= LABEL_WORDS


def without_deck(parts: list[Part], description: str, page=None) -> list[Part]:
    """The first block under the title, before the article's first paragraph, that says what the page's own
    summary (its description) says is the standfirst, the editors' summary: set as a subheading, or in a box of
    its own apart from the paragraphs that follow (a "dek" in the header). A first paragraph that the summary
    repeats, among the article's other paragraphs, is the article's lead, and stays."""
    opening = next((index for index, part in enumerate(parts) if part.kind != "title"), None)
    if opening is None or opening + 1 >= len(parts) or parts[opening + 1].kind != "narration":
        return parts
    first, following = parts[opening], parts[opening + 1]
    if _same_words(first.text, description) and (first.kind == "headline" or (
            first.kind == "narration" and page is not None and _set_apart(page, first.text, following.text))):
        return parts[:opening] + parts[opening + 1:]
    return parts


def _set_apart(page, text: str, following: str) -> bool:
    """No block of `text` on the page is a paragraph (<p>), nor shares its box with the paragraph that follows
    (the summary may be on the page twice: in the header, and again hidden for sharing)."""
    blocks, next_blocks = _elements_of(page, text), _elements_of(page, following)
    if not blocks or not next_blocks:
        return False
    next_boxes = set(next_blocks[0].iterancestors())
    return all(block.tag != "p" and block.getparent() not in next_boxes for block in blocks)


def _elements_of(page, text: str) -> list:
    """The page's elements whose words are `text` (the outermost of those that hold just these words, a
    <p> around a <strong>), found from the text nodes that open with its first words; scripts are no text."""
    opening, found = " ".join(text.split()[:3]), []
    for node in page.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "title") or opening not in " ".join(
                (node.text or "").split()):
            continue
        holder = None
        for element in (node, *node.iterancestors()):
            words = block_text(element)
            if words != text and len(words) >= len(text):
                break
            holder = element if words == text else holder
        found += [holder] if holder is not None else []
    return found


def _same_words(text: str, summary: str) -> bool:
    """The same words, as a summary may cut them short ("...") or leave out a closing full stop."""
    words, summary_words = re.findall(r"\w+", text.lower()), re.findall(r"\w+", summary.lower())
    return len(words) >= 4 and summary_words[:len(words)] == words and len(summary_words) <= len(words) + 2


SHORTCODE = re.compile(r"\[(?:/[a-z][\w-]*|[a-z][\w-]*(?:\s+[\w-]+\s*=\s*[\"'“”″].*?[\"'“”″])+)\]\s?",
                       re.IGNORECASE)


def without_shortcodes(text: str) -> str:
    """A blog's shortcodes that its page shows as written ('[button link="..." type="big"]Send us a
    review[/button]') are markup, not words: the text they wrap stays. A bracket of words ("[sic]") is no
    shortcode."""
    return " ".join(SHORTCODE.sub(" ", text).split()) if "[" in text else text


SOCIAL_NETWORKS = re.compile(r"\b(facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|tiktok|pinterest|"
                             r"snapchat|threads|mastodon|bluesky)\b", re.IGNORECASE)
CLOSING_PARTS = 3  # how far from the end a closing call to follow the site may sit
CLOSING_WORDS = 40


SUBSCRIPTION_WORDS = re.compile(r"\b(subscri\w*|sign[- ]up|newsletters?|inbox|letterbox|free trial|"
                                r"(?:\d+ )?issues for|for (?:as little as|only)|(?:promo )?code)\b", re.IGNORECASE)


def is_offer(text: str) -> bool:
    """Two or more words of an offer to subscribe ("Sign up for our newsletter", "12 issues for 9.99")."""
    return len({word.lower() for word in SUBSCRIPTION_WORDS.findall(text)}) >= 2


def without_follow_calls(parts: list[Part]) -> list[Part]:
    """Among the article's last blocks, a short one naming two or more social networks ("Follow us on
    Facebook, Twitter and Instagram") asks the reader to follow the site, and one with two or more words of
    an offer ("Sign up for our newsletter, delivered to your inbox", "12 issues for 9.99") to subscribe to
    it; neither is the article. Such an offer is the site's as the first block too (an article may open on
    the social networks it is about)."""
    def is_call(part: Part) -> bool:
        networks = {name.lower() for name in SOCIAL_NETWORKS.findall(part.text)}
        return part.kind != "title" and (len(networks) >= 2 or is_offer(part.text)) and len(
            part.text.split()) <= CLOSING_WORDS

    first = next((index for index, part in enumerate(parts) if part.kind != "title"), len(parts))
    if first + 1 < len(parts) and is_offer(parts[first].text) and len(parts[first].text.split()) <= CLOSING_WORDS:
        parts = parts[:first] + parts[first + 1:]
    end = [part for part in parts[-CLOSING_PARTS:] if not is_call(part)]
    return parts[:-CLOSING_PARTS] + end if len(parts) > CLOSING_PARTS else end


def _sentence_around_link(element, text: str) -> bool:
    """A sentence that links a phrase of its own ("Quill faces <a>a charge of conspiracy</a>.") is prose,
    not a link offered under a label ("Related: <a>...</a>"): it opens with words of its own, without a
    colon, and ends as a sentence ends."""
    opening = " ".join((element.text or "").split())
    return (element.tag == "p" and len(opening.split()) >= 2 and not re.search(r"[:|>»]$", opening)
            and bool(re.search(r"[.!?…][\"'”’»)]?$", text)))


def word_count(text: str) -> int:
    """Words, counting two characters of scripts written without spaces (Chinese, Japanese) as one."""
    dense = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]", text))
    return len(text.split()) + dense // 2


def is_furniture(element, text: str) -> bool:
    """A block or headline made mostly of links (related stories, "SEE MORE:" lists, tag lists, share
    bars, teasers), a short copyright notice, notice of the terms of use or disclaimer, a bare web address, a menu or
    the label of an advertisement's slot is the page around the article.
    Words are counted so that a sentence in Japanese or Chinese, written without spaces, is not taken for
    a few words around its link."""
    words = word_count(text)
    linked = sum(word_count("".join(ref.itertext())) for ref in element.iter("ref"))
    several = len(list(element.iter("ref"))) >= 2
    link_list = linked >= LINKED_SHARE * max(1, words) and (element.tag in ("list", "table") or several or (
        words < LINKED_WORDS and not _sentence_around_link(element, text)))
    notice = (words <= 30 and bool(COPYRIGHT.search(text))) or (words <= LICENCE_WORDS and bool(LICENCE.search(text)))
    return (link_list or notice or bool(BARE_URL.match(text)) or is_code(text) or is_menu(text)
            or bool(AD_LABEL.fullmatch(text)))


AD_LABEL = re.compile(r"(?:advertisements?|sponsored(?: links| content)?|anzeige|"
                      r"publicidad|publicité|pubblicità)\s*[.:]?", re.IGNORECASE)  # an ad slot's label alone


MENU_SEPARATOR = re.compile(r"\s*\|\s*|\s+[•·]\s+")  # a dot inside a word (Catalan "l·l") parts nothing
MENU_ITEMS = 4  # a line of this many short items set apart by bars or bullets is a menu
MENU_ITEM_WORDS = 4


def is_menu(text: str) -> bool:
    """A line of short items set apart by bars or bullets ("Home | Sport | Weather | Jobs"), with no sentence
    among them, is the site's menu, whether or not its links were kept: a sentence is no list of names and
    runs longer than a few words between its marks."""
    items = [item for item in MENU_SEPARATOR.split(text) if item.strip(" .,;:")]
    return (len(MENU_SEPARATOR.findall(text)) >= MENU_ITEMS - 1 and len(items) >= MENU_ITEMS
            and all(len(item.split()) <= MENU_ITEM_WORDS for item in items))


CODE_MARKS = re.compile(r"[{};=]|\b(?:function|var|document|window|this)\.?\b(?=\s*[.(=])")
CODE_SHARE = 0.15  # program marks per word: a script the page shows as text ("var ad = 1; if (x) {...}")


def is_code(text: str) -> bool:
    """Program text that a broken page shows among its words (a script cut short by a "</script>" inside
    it): braces, semicolons and assignments stand between nearly every few words; prose has a semicolon
    in a long sentence at most, a table of scores one after each row."""
    marks = CODE_MARKS.findall(text)
    return (len(marks) >= 4 and len(marks) >= CODE_SHARE * len(text.split())
            and len(set(marks) & {"{", "}", "="}) >= 2)


def clean_title(title: str, site: str) -> str:
    """ "Storm hits coast - Coastline Daily" -> "Storm hits coast": the site's name, at either end of the
    title behind a separator, is not part of the title."""
    title = _before_code(" ".join(title.split()))
    if not site:
        return title
    name = re.escape(" ".join(site.split()))
    for pattern in (rf"^(.+?){_TITLE_SEPARATORS}{name}$", rf"^{name}{_TITLE_SEPARATORS}(.+)$"):
        found = re.match(pattern, title, re.IGNORECASE)
        if found and re.search(r"\w", found.group(1)):
            return found.group(1).strip()
    return title


def _before_code(title: str) -> str:
    """A title that runs on into program text (a broken page's title attribute left open before a script) is
    its words before the first program mark."""
    if not is_code(title) and (title.count(";") < 2 or title.count("=") < 2):  # no title assigns twice
        return title
    return CODE_MARKS.split(title, maxsplit=1)[0].strip(" '\"-|:")


def block_text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def link_heavy(element, share: float = LINKED_SHARE) -> bool:
    linked = sum(len("".join(a.itertext()).split()) for a in element.iter("a"))
    return linked >= share * max(1, len(block_text(element).split()))


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def drop_comment_sections(tree) -> None:
    """A heading named as the comments' ("<h2 id='comments'>3 Comments</h2>"), or the empty anchor the page's
    "comments" links jump to ("<a name='comments'>"), opens the readers' comments: it and what follows it in
    its box are no part of the article."""
    for start in [*tree.iter(*HEADINGS), *tree.iter("a")]:
        names = names_of(start, "class", "id", "name")
        if start.getparent() is None or not COMMENTS.search(names) or ARTICLE_PART.search(names) or (
                start.tag == "a" and (start.get("href") is not None or start.text_content().strip())):
            continue
        if start.getparent().tag in HEADINGS:
            start = start.getparent()  # the anchor names the heading it stands in ("<h2><a id=...>Comments</h2>")
            if start.getparent() is None:
                continue  # dropped already, with the comments before it
        for element in [start, *start.itersiblings()]:
            element.tail = None  # the comments' loose text, after a line break, goes with them
            element.drop_tree()
