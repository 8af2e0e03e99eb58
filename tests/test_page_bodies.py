"""Real web pages are read whole and nothing else (issue 14): a short post is no article; a page saved from
its middle or after stray bytes is still a web page; the readers' comments are not read.
Every page here is written for its test."""

from __future__ import annotations

import json

import pytest

from briefing.errors import InputError
from briefing.read import article_from_bytes

STORY = [
    "The village library will open on Sundays from the first of March, the council decided on Tuesday "
    "evening after a long debate in the old town hall.",
    "Volunteers from the reading club will staff the desk in the afternoons, and the council will pay "
    "for the heating and for a new set of shelves in the children's corner.",
    "The librarian said that families had asked for weekend hours for years, and that the first Sunday "
    "would open with a reading of local stories by pupils of the primary school.",
]

def heard_text(page: bytes, name: str = "page.html") -> str:
    article = article_from_bytes(page, name)
    return " ".join([article.title.text if article.title else "", *(block.text for block in article.blocks)])


def page(body: str, title: str = "Sunday Hours for the Library | Valley Post", head: str = "",
         side: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}
<meta property="og:site_name" content="Valley Post"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/town">Town</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div id="main"><div class="entry"><h1>Sunday Hours for the Library</h1>{body}</div></div>
<div id="sidebar">{side}</div>
<footer><p>© 2026 Valley Post</p></footer></body></html>""".encode()


# -- a short post is no article ----------------------------------------------------------------------

SHORT_POST = "The new reading room, in six pictures. Taken by Ilka Marr for the reading club."


def test_a_short_post_of_a_sentence_or_two_is_refused_as_no_article_in_one_sentence():
    """Under ~50 words of body (issue 14) is a teaser or a caption, not an article: not a few seconds of MP3."""
    photos = "".join(f"<p><img src='room-{n}.jpg' alt=''></p>" for n in range(6))
    with pytest.raises(InputError, match=r"no article text.*only \d+ words of prose"):
        article_from_bytes(page(f"{photos}<p>{SHORT_POST}</p>"), "pictures.html")


# -- what a browser shows as a page is read as one ---------------------------------------------------

def full_page() -> bytes:
    return page("".join(f"<p>{sentence}</p>" for sentence in STORY))


@pytest.mark.parametrize("stray", [b"?", "\ufeff".encode().decode("latin-1").encode()])
def test_a_page_after_a_stray_byte_order_mark_is_read_as_a_page_with_its_own_title(stray):
    heard = heard_text(stray + full_page(), "saved.txt")
    assert all(sentence in heard for sentence in STORY)
    assert article_from_bytes(stray + full_page(), "saved.html").title.text == "Sunday Hours for the Library"


def test_a_page_saved_from_the_middle_of_its_head_is_read_as_a_page():
    whole = full_page().decode()
    cut = "ads.push({slot: 'top'});\n}\n</script>\n" + whole[whole.index("</head>"):]
    article = article_from_bytes(cut.encode(), "cut.html")
    heard = " ".join(block.text for block in article.blocks)
    assert all(sentence in heard for sentence in STORY)
    assert "ads.push" not in heard and "ads.push" not in (article.title.text if article.title else "")


# -- readers' comments are not the article -------------------------------------------------

COMMENTS = ["Great news, we will come every Sunday with the children and their grandmother.",
            "About time! The old hours never suited anyone who works during the week in the city."]


# how a page may lay out its comments: each comment (from COMMENTS as {text}, numbered {n}), the article's
# paragraph, what stands between the article and its comments, and the furniture words no listener hears
COMMENT_LAYOUTS = {
    "after their heading": (
        "<div class='c'><p><b>Reader {n}</b> said on 3 May</p><p>{text}</p></div>", "<p>{}</p>",
        "<h2 id='comments'>2 Comments</h2>", ["2 Comments"]),
    "after the anchor their links jump to": (
        "<p class='story'>{text}</p><p><b>Posted by Reader {n} on 3 May</b></p>", "<p class='story'>{}</p>",
        "<a name='comments'></a><div class='hd'>Comments</div>", ["Posted by"]),
    # the anchor may stand inside the comments' heading, with the comments after it in the article's own box
    "after a heading holding their anchor": (
        "<a id='c{n}'></a><p>{text}</p><p class='posted'>Posted by Reader {n} on 3 May</p>", "<p>{}</p>",
        "<h2><a id='comments'></a>Comments</h2>", ["Posted by"]),
    # "comment-body", "body comments": a comment's box named with a word that also names articles
    "in boxes named as their body": (
        "<div class='body comments'><p>{text}</p><p>Reader {n}, 3 May</p></div>", "<p>{}</p>",
        "<p><b>Your views</b></p>", []),
}


@pytest.mark.parametrize("comment, paragraph, between, furniture", COMMENT_LAYOUTS.values(),
                         ids=COMMENT_LAYOUTS.keys())
def test_the_readers_comments_are_not_read(comment: str, paragraph: str, between: str, furniture: list[str]):
    comments = "".join(comment.format(n=n, text=text) for n, text in enumerate(COMMENTS))
    body = "".join(paragraph.format(sentence) for sentence in STORY)
    heard = heard_text(page(f"{body}{between}{comments}"))
    assert all(sentence in heard for sentence in STORY)
    assert not any(words in heard for words in [*COMMENTS, *furniture])


# -- a script shown as text is not read --------------------------------------------------------

LEAKED_SCRIPT = ("var slot = 'top'; if (window.ads) { ads.push({slot: slot, size: [300, 250]}); } "
                 "else { document.write('<img src=x>'); } function track(a, b) { b = a + 1; return b; }")


def test_a_script_that_a_broken_page_shows_as_text_is_not_read_but_prose_with_semicolons_is():
    """A script cut short by its own "</script>" is shown by a browser as text; a sentence with semicolons,
    or a table of scores, is no program."""
    listed = ("The council listed its reasons: the heating is paid for; the shelves are built; the volunteers "
              "are trained; the doors are fixed; and the cost is lower than the town expected.")
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    heard = heard_text(page(f"{body}<p>{LEAKED_SCRIPT}</p><p>{listed}</p>"))
    assert all(sentence in heard for sentence in STORY) and listed in heard
    assert "ads.push" not in heard and "function" not in heard


def test_comments_named_in_camel_case_with_loose_lines_after_line_breaks_are_not_read():
    """ "commentSection", "readerComments": the comments' name written in camel case, each comment a line of
    loose text after a <br> in the box, as older pages set them."""
    comments = "".join(f"<br><b>Reader {n}</b><br>{text}<br>" for n, text in enumerate(COMMENTS))
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    heard = heard_text(page(f"{body}<hr><a name='commentSection'></a><b>Comments are closed</b>{comments}"))
    assert all(sentence in heard for sentence in STORY)
    assert not any(comment in heard for comment in COMMENTS) and "Reader 1" not in heard
    boxed = f"<div id='readerComments'><p>Your views</p>{''.join(f'<p>{c}</p>' for c in COMMENTS)}</div>"
    heard = heard_text(page(f"{body}{boxed}"))
    assert all(sentence in heard for sentence in STORY) and not any(comment in heard for comment in COMMENTS)


def test_a_closing_paragraph_about_social_networks_is_read_but_a_short_call_to_follow_the_site_is_not():
    """A last paragraph of the article may well name two networks; only a short call to follow is furniture."""
    about = ("Since the club opened its pages on Facebook and Instagram last spring, the number of families who "
             "come on Saturdays has doubled, and the librarian now posts the week's new books there every Friday "
             "evening, with a short note on each one written by the pupils themselves.")
    call = "Follow the Valley Post on Facebook, Instagram and Threads."
    body = "".join(f"<p>{sentence}</p>" for sentence in [*STORY, about, call])
    heard = heard_text(page(body))
    assert all(sentence in heard for sentence in STORY) and about in heard and call not in heard


def test_a_closing_offer_to_subscribe_is_not_read_but_a_last_sentence_about_a_subscription_is():
    """ "Sign up for our newsletter, delivered to your inbox": two words of an offer in a short closing
    block ask the reader to subscribe; a last sentence of the story may name a subscription once."""
    papers = "The library will also take a subscription to three daily papers for the reading room."
    offer = "Sign up for the Valley Post newsletter today, delivered free to your inbox every morning."
    heard = heard_text(page("".join(f"<p>{sentence}</p>" for sentence in [*STORY, papers, offer])))
    assert all(sentence in heard for sentence in [*STORY, papers]) and offer not in heard


def test_a_notice_of_the_terms_of_use_is_not_read_but_a_sentence_about_rights_is():
    """A notice of rights and terms of use longer than a copyright line, or one that the site answers not for
    the pages it links to, is still the page's notice."""
    notice = ("This copy is for your personal, non-commercial use only. To order copies for distribution to "
              "your colleagues, clients or customers, or to reprint any part of this story in a newsletter, "
              "please contact the Valley Post reprints desk by mail or by telephone.")
    rights = "The council said the pupils would keep the rights to the stories they read on the first Sunday."
    heard = heard_text(page("".join(f"<p>{sentence}</p>" for sentence in [*STORY, rights, notice])))
    assert all(sentence in heard for sentence in [*STORY, rights]) and "non-commercial" not in heard
    external = "Note: the Valley Post is not responsible for the content of external internet sites."
    heard = heard_text(page("".join(f"<p>{sentence}</p>" for sentence in [*STORY, external])))
    assert all(sentence in heard for sentence in STORY) and "external" not in heard


# -- the standfirst that repeats the page's summary ---------------------------------------------

DECK = "Weekend hours come after years of requests from families"


def test_a_standfirst_set_as_a_subheading_that_the_page_summary_repeats_is_not_read_but_a_lead_paragraph_is():
    """The editors' summary under the headline, set as a subheading and given again as the page's description,
    is no part of the article; a first paragraph given as the description is the article's lead."""
    summary = f'<meta name="description" content="{DECK}.">'
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    heard = heard_text(page(f"<h2>{DECK}.</h2>{body}", head=summary))
    assert all(sentence in heard for sentence in STORY) and DECK not in heard
    lead = f'<meta name="description" content="{STORY[0]}">'
    assert all(sentence in heard_text(page(body, head=lead)) for sentence in STORY)
    assert DECK in heard_text(page(f"<h2>{DECK}.</h2>{body}"))


# -- other posts offered after the article -------------------------------------------------------

OTHER_POSTS = ["The ferry timetable changes in spring, with an earlier boat on Saturdays and a later one on "
               "Sundays for walkers coming back from the hills…",
               "The bakery on the square has a new oven, and the queue on market day now reaches the fountain "
               "before eight in the morning…",
               "Pupils of the primary school planted forty apple trees along the river path this week, one for "
               "each family that asked for one…"]


def test_other_posts_set_side_by_side_as_articles_after_the_article_are_not_read():
    """A blog's "you may also like": several <article>s, each a post's opening, after the page's own article."""
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    others = "".join(f"<article class='post'><h2><a href='/p{n}'>Post {n} of the club</a></h2>"
                     f"<div class='text'><p>{text}</p></div></article>" for n, text in enumerate(OTHER_POSTS))
    markup = f"""<!DOCTYPE html><html lang="en"><head><title>Sunday Hours for the Library</title></head><body>
<article class="post"><h1>Sunday Hours for the Library</h1><div class="text">{body}</div></article>
<article class="post"><h3>You may also like</h3>{others}</article></body></html>"""
    heard = heard_text(markup.encode())
    assert all(sentence in heard for sentence in STORY)
    assert not any(text[:40] in heard for text in OTHER_POSTS)


def test_a_standfirst_in_a_box_of_its_own_above_the_story_is_not_read_but_a_lead_in_the_story_is():
    """The summary set as a line in the header ("dek"), apart from the story's paragraphs, and given again as
    the description, is the standfirst; the same summary as the first paragraph among the others is the lead."""
    summary = f'<meta name="description" content="{DECK}.">'
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    header = f"<header><h1>Sunday Hours for the Library</h1><div class='dek'>{DECK}.</div></header>"
    markup = f"""<!DOCTYPE html><html lang="en"><head><title>Sunday Hours for the Library</title>{summary}</head>
<body><article>{header}<div class="story">{body}</div></article></body></html>"""
    heard = heard_text(markup.encode())
    assert all(sentence in heard for sentence in STORY) and DECK not in heard
    lead = markup.replace(f"<div class='dek'>{DECK}.</div>", "").replace('<div class="story">',
                                                                        f'<div class="story"><p>{DECK}.</p>')
    assert DECK in heard_text(lead.encode())


def test_a_blogs_shortcodes_shown_as_written_are_not_read_but_the_words_they_wrap_and_bracketed_words_are():
    note = ("The club [sic] asks readers to send their own photos of the reading room; "
            "[button link=\u201dhttps://valley.example/send/\u201d type=\u201dbig\u201d]Send us your photos[/button]")
    heard = heard_text(page("".join(f"<p>{sentence}</p>" for sentence in [*STORY, note])))
    assert "Send us your photos" in heard and "[sic]" in heard
    assert "button" not in heard and "valley.example" not in heard


# -- a post written as lines of loose text and <div>s of text ---------------------------------------

OPENING = [
    "On the first Sunday the doors will open at ten, an hour later than on weekdays, and close at four, "
    "so that the volunteers can be home before dark in the winter months.",
    "Parents who cannot come on Saturdays said the new hours would let their children borrow books every "
    "week, and the school has promised to send its reading lists to the library in advance.",
    "The old hours, from nine to five on weekdays only, were set forty years ago, when most families in the "
    "valley farmed and came to town on market days.",
    "Two of the council's nine members voted against the change, saying that the money would be better "
    "spent on a mobile library for the villages up the valley.",
]
LATER = [
    "The reading club will choose the first books itself, and the pupils have already asked for more "
    "stories about the sea, the mountains and the old mill by the river.",
    "A second room upstairs, closed since the roof was mended, will open in the summer for quiet study, "
    "with six long tables, new lamps and a shelf of dictionaries in four languages.",
    "The council will look at the first three months in June and decide then whether the Sunday hours "
    "stay, and whether the library should open on public holidays as well.",
]


def test_a_post_of_loose_lines_and_divs_of_text_is_read_whole():
    """Some blog editors write a post as loose lines after <br>s and each later paragraph as a <div> of text:
    the loose lines, made paragraphs so that they are read, must not stop the divs beside them being read."""
    loose = "<br><br>".join([*STORY, *OPENING])
    divs = "<div><br></div>".join(f"<div>{sentence}</div>" for sentence in LATER)
    heard = heard_text(page(f"<div class='post-body'><div>{loose}<br><br><b>What comes next</b><br>"
                            f"<div><br></div>{divs}</div></div>"))
    assert all(sentence in heard for sentence in [*STORY, *OPENING, *LATER])


# -- a long box of other stories set among the article's paragraphs ---------------------------------

OTHER_STORIES = [
    ("Harbour bridge to close for repairs",
     "The old swing bridge over the harbour will close for six weeks from May while engineers replace its "
     "worn bearings and repaint the iron frame that has stood since the last century."),
    ("Orchard growers fear a late frost",
     "Growers in the upper valley have lit fires between their rows of apple trees for three nights running, "
     "hoping to save the blossom from a frost that came later than anyone can remember."),
    ("School choir wins the regional cup",
     "The primary school choir took the regional cup on Saturday with two songs written by its own teacher, "
     "beating eleven other choirs from towns on both sides of the river."),
]


def test_a_long_box_of_other_stories_among_the_paragraphs_is_not_read_but_the_rest_behind_a_paywall_is():
    """A box named as a promotion may be long ("Also on the site", a slide show of other stories, each a
    headline with its opening); set among the article's paragraphs it is an inset, not the article. A box of
    the article's own paragraphs there (the rest of the story, behind a paywall's name) is read."""
    items = "".join(f"<li><h4>{head}</h4><p>{opening}</p></li>" for head, opening in OTHER_STORIES)
    inset = f"<p class='label'>Also in the Post:</p><div class='promo_holder'><ul>{items}</ul></div>"
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    heard = heard_text(page(f"{body}{inset}"))
    assert all(sentence in heard for sentence in STORY)
    assert not any(opening in heard for _, opening in OTHER_STORIES)
    rest = "".join(f"<p>{sentence}</p>" for sentence in [*OPENING, *LATER])
    heard = heard_text(page(f"{body}<div class='paywall'>{rest}</div>"))
    assert all(sentence in heard for sentence in [*STORY, *OPENING, *LATER])


def test_a_subheading_set_in_bold_between_paragraphs_outside_any_block_is_read():
    """ "<p>...</p><strong>What comes next</strong><br><p>...</p>": the subheading stands in no block of its
    own, and the extractor reads only blocks."""
    body = (f"<p>{STORY[0]}</p><p>{STORY[1]}</p><strong>Who will staff the desk</strong><br>"
            f"<p>{STORY[2]}</p><p>{OPENING[0]}</p>")
    heard = heard_text(page(body))
    assert "Who will staff the desk" in heard and all(sentence in heard for sentence in [*STORY, OPENING[0]])


def test_a_title_that_runs_on_into_a_script_is_read_up_to_the_script():
    """A broken page's title may run on into program text (a title attribute left open before a script)."""
    runaway = ("Sunday Hours for the Library 'valley'; this.section = 'town'; this.language = 'en'; "
               "this.server = this.network + '.' + this.section; var here = document.location.href;")
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    article = article_from_bytes(f"<html><head><meta name='title' content=\"{runaway}\"></head><body><div>{body}"
                                 "</div></body></html>".encode(), "runaway.html")
    assert article.title.text.startswith("Sunday Hours for the Library") and "this." not in article.title.text


def test_a_table_of_other_stories_cut_short_after_the_article_is_not_read():
    """After the article, a table of other stories, each a headline and the opening of its text cut short
    ("..."), is the page around the article even when their links were not kept."""
    rows = "".join(f"<tr><td></td><td><p>{head}</p><p>{opening[:90]} ...</p></td></tr>"
                   for head, opening in OTHER_STORIES)
    body = "".join(f"<p>{sentence}</p>" for sentence in [*STORY, *OPENING])
    heard = heard_text(page(f"{body}<table><tr><td><h4>More Valley News</h4></td><td></td></tr>{rows}</table>"))
    assert all(sentence in heard for sentence in [*STORY, *OPENING])
    assert not any(opening[:60] in heard for _, opening in OTHER_STORIES)


TIED_TITLES = """<html><head><title>Opinion: Sunday Hours for the Library</title></head><body><div>
<div class="head">Sunday Hours for the Library</div><p>{story}</p><div class="note">Sunday hours for the library</div>
</div></body></html>"""


def test_of_two_headlines_as_long_the_one_written_as_the_title_is_taken_on_every_run():
    """Two lines of the page that the title holds with a label may be as long (one in the title's capitals, one
    not): the choice does not change from run to run (with Python's hash seed), and it is the title's own."""
    import subprocess
    import sys

    script = ("import sys; from briefing.read import article_from_bytes; "
              "print(article_from_bytes(sys.stdin.buffer.read(), 'tied.html').title.text)")
    page_bytes = TIED_TITLES.format(story=" ".join([*STORY, *OPENING])).encode()
    titles = {subprocess.run([sys.executable, "-c", script], input=page_bytes, capture_output=True, check=True,
                             env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout.decode().strip()
              for seed in range(6)}
    assert titles == {"Sunday Hours for the Library"}


# -- a body drawn by a script ------------------------------------------------------------------------

def test_a_body_that_a_script_draws_is_read_from_the_pages_structured_data():
    """A page whose article is drawn by a script after loading (shown whole to subscribers) holds it only in
    its JSON-LD (schema.org's articleBody, as search engines are given it, its paragraphs parted by line
    breaks written as they are): read from there, not refused for the few words of its teaser."""
    data = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Valley Post"},
        {"@type": "NewsArticle", "headline": "Sunday Hours for the Library", "articleBody": "\n".join(STORY)}]})
    written = data.replace("\\n", "\n")  # the line breaks as the site writes them
    teaser = ("The village library will open on Sundays from the beginning of March, with volunteers from the "
              "reading club at the information desk, the council decided yesterday. Subscribers read on: the "
              "remainder of this story is displayed for them once the page has completely loaded.")
    drawn = page(f"<p>{teaser}</p><div id='app'></div>",
                 head=f'<script type="application/ld+json">{written}</script>')
    heard = heard_text(drawn)
    assert all(sentence in heard for sentence in STORY)
    assert heard.startswith("Sunday Hours for the Library")


def test_a_listing_with_structured_data_but_no_article_body_is_still_refused():
    data = json.dumps({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Town news"})
    with pytest.raises(InputError, match="no article text"):
        article_from_bytes(page("<div id='app'><p>Loading…</p></div>",
                                head=f'<script type="application/ld+json">{data}</script>'), "town.html")


def test_a_first_paragraph_of_bare_spans_after_an_empty_line_box_is_read():
    """A blog editor may set the first paragraph as bare <span>s after an empty line box (a <br> in a <div>):
    the extractor keeps it, but between its blocks (after an empty paragraph), where it must be read too."""
    picture = "<div class='separator'><a href='room.jpg'><img src='room.jpg' alt=''></a></div>"
    first = (f"<div style='margin: 0'>\n<div style='color: red'>\n<span><br></span></div>\n"
             f"<span>{STORY[0]} </span><span>{STORY[1]}</span></div>\n")
    later = (f"<a name='more'></a><span>{STORY[2]}</span>\n<span><br></span>\n<span>{OPENING[0]}</span>\n"
             f"<span><br></span>\n<div><span>{OPENING[1]}</span></div>\n")
    heard = heard_text(page(f"<div class='post-body'>\n<br>\n{picture}\n{first}{later}<div style='clear: both'></div>"
                            "</div>"))
    assert all(sentence in heard for sentence in [*STORY, *OPENING[:2]])


def test_a_line_of_short_items_set_apart_by_bars_is_a_menu_and_not_read():
    """The site's sections written out as a line of text ("Home | Town | Sport"), whether or not their links
    survive, are its menu; a sentence that holds a bar, and a line of longer phrases between bars, are read."""
    menu = "Sections: Town | Valley Sport | Weather | Farm Prices | Letters | Obituaries"
    bulleted = "Town news • Sport • Weather and roads • Jobs"
    caption = "The reading room on its first Sunday | Picture by the reading club of the village school"
    heard = heard_text(page("".join(f"<p>{line}</p>" for line in [*STORY, caption, menu, bulleted])))
    assert all(sentence in heard for sentence in [*STORY, caption])
    assert "Obituaries" not in heard and "Weather and roads" not in heard


def test_the_sites_disclaimer_of_the_views_it_prints_is_not_read_but_a_sentence_about_blame_is():
    """A site's note that the views it prints are not necessarily its own, or that it answers for no content
    but its own, is its notice; a sentence of the story about who takes the blame is read."""
    disclaimer = ("The views expressed in these pages are not necessarily those of the Valley Post, and we "
                  "accept no responsibility for the opinions of our contributors.")
    blame = "The council accepts no blame for the delay, the mayor said, as the shelves came late from the maker."
    heard = heard_text(page("".join(f"<p>{sentence}</p>" for sentence in [*STORY, blame, disclaimer])))
    assert all(sentence in heard for sentence in [*STORY, blame]) and "contributors" not in heard


def test_the_label_of_an_advertisement_slot_is_not_read_but_a_sentence_about_advertising_is():
    """"Advertisement" (or "Sponsored", "Anzeige") alone on a line marks where an advertisement stands, in a
    box the reader removed or not; a sentence of the story about advertising is read."""
    posters = "Advertising for the Sunday hours will run on posters at the bus station."
    labels = ["<p>Advertisement</p>", "<div><p>ADVERTISEMENT:</p></div>", "<p>Sponsored content</p>"]
    heard = heard_text(page(f"<p>{STORY[0]}</p>{labels[0]}<p>{STORY[1]}</p>{labels[1]}<p>{STORY[2]}</p>{labels[2]}"
                            f"<p>{posters}</p>"))
    assert all(sentence in heard for sentence in [*STORY, posters])
    assert "Advertisement" not in heard and "ADVERTISEMENT" not in heard and "Sponsored" not in heard


def test_a_page_titled_with_the_sites_name_alone_takes_the_articles_opening_headline_as_its_title():
    """A page whose <title> is only the site's name ("Valley Post") names the article by the headline it
    opens with; a page whose title is its headline keeps it, and a byline under it stays a line."""
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    named = article_from_bytes(page(body, title="Valley Post").replace(b"<h1>", b"<h2>").replace(b"</h1>", b"</h2>"),
                               "page.html")
    assert named.title.text == "Sunday Hours for the Library"
    assert "Valley Post" not in " ".join(block.text for block in named.blocks)
    bylined = article_from_bytes(page(f"<h2>By Anna Reed and Tom Vale</h2>{body}", title="Valley Post"), "page.html")
    assert bylined.title.text != "By Anna Reed and Tom Vale"
