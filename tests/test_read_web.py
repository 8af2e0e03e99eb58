"""Web pages are read whole and nothing else: text outside <p>, lists and tables are kept; navigation,
promos, newsletter boxes, related links and the site's name in the title are not. Pages written here."""

from __future__ import annotations

import json

import pytest
from helpers import assert_plain_error, run_briefing
from lxml import html
from mutagen.id3 import ID3

from briefing.errors import ExitStatus, InputError
from briefing.read import article_from_bytes
from briefing.read.markup import drop_trailing_extras

BODY = [
    "The regional rail company will run night trains between the coast and the capital from the first of "
    "June, its director announced on Wednesday at a press conference in the main station.",
    "The trains will leave the coast shortly before midnight and arrive in the capital early in the "
    "morning, in time for the first meetings of the day, the company said in its statement.",
    "Passengers will be able to choose between seats and sleeping cabins with two or four beds. Bicycles "
    "can be taken on board if they are booked in advance.",
]
LOOSE = ("Tickets go on sale next week. Prices start at twenty-nine euros for a seat and rise with the "
         "comfort of the cabin, the company said.")
AFTER_TABLE = ("The company expects the trains to be full on weekends in the summer and plans to add a "
               "third carriage if demand stays high through the autumn.")


def heard_text(html: bytes, name: str) -> str:
    """Every block the reader keeps from the page, as one text: what the listener hears."""
    return " ".join(block.text for block in article_from_bytes(html, name).blocks)


def page(body: str, title: str = "Night Trains Return to the Coast | Railway Courier", lang: str = "en") -> bytes:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Railway Courier">
<meta name="author" content="Lena Ortiz"><meta property="article:published_time" content="2026-05-02">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Night Trains Return to the Coast</h1>
<p>Published 2 May 2026, 09:30</p>
{body}
<p>https://railwaycourier.example/night-trains-return</p>
</article>
<section id="comments"><div class="comment"><p>Finally! I have waited years for this and will book the first
train on the very first night, whatever the price turns out to be in the end.</p></div></section>
<aside class="newsletter"><h3>Get the Morning Briefing</h3><p>Sign up for our newsletter.</p></aside>
<footer><p>© 2026 Railway Courier. All rights reserved.</p></footer>
</body></html>""".encode()


def article_page() -> bytes:
    return page(f"""<p>{BODY[0]}</p><p>{BODY[1]}</p>
<h2>Seats and Cabins</h2>
{LOOSE}
<p>{BODY[2]}</p>
<div class="signup"><h3>The Rail Letter</h3><h4>Timetables and offers every Friday.</h4>
<h4>Thanks for signing up!</h4></div>
<blockquote class="twitter-tweet"><p>Night trains are back on our line at last!
<a href="https://t.co/Xb12cd">https://t.co/Xb12cd</a></p>&mdash; Rail Fan (@railfan)
<a href="https://twitter.com/railfan/status/1">May 2, 2026</a></blockquote>
<h3>More:</h3><ul><li><a href="/c">Bus fares rise</a></li><li><a href="/d">Tram line opens</a></li></ul>
<p><strong>Related:</strong> <a href="/a">Rail strike ends after three days</a></p>
<p>SEE MORE: <a href="/b">The ten most beautiful stations in the country</a></p>
<table><caption>Fares for one trip</caption>
<tr><th>Class</th><th>Price</th></tr><tr><td>Seat</td><td>29 euros</td></tr>
<tr><td>Four-bed cabin</td><td>59 euros</td></tr></table>
<ul><li>Departures every night</li><li>Free coffee in the morning</li></ul>
<p>{AFTER_TABLE}</p>
<div class="share"><a href="/s/fb">Facebook</a> <a href="/s/x">Twitter</a> <a href="/s/mail">Email</a></div>""")


@pytest.fixture(scope="module")
def article():
    return article_from_bytes(article_page(), "night-trains.html")


def test_every_sentence_of_the_body_is_read_in_order(article):
    heard = " ".join(block.text for block in article.blocks)
    for sentence in [*BODY, LOOSE, AFTER_TABLE, "Seats and Cabins"]:
        assert sentence in heard, sentence
    order = [heard.index(s) for s in (BODY[0], BODY[1], LOOSE, BODY[2], AFTER_TABLE)]
    assert order == sorted(order)


def test_tables_are_read_row_by_row_and_lists_as_sentences(article):
    heard = " ".join(block.text for block in article.blocks)
    assert "Seat, 29 euros." in heard and "Four-bed cabin, 59 euros." in heard
    assert "Departures every night. Free coffee in the morning." in heard
    assert "Fares for one trip." in heard  # the caption says what the rows are


def test_furniture_is_not_read(article):
    heard = " ".join([article.title.text, *(block.text for block in article.blocks)])
    for furniture in ("Home", "Sport", "Related", "SEE MORE", "strike", "beautiful stations", "newsletter",
                      "Morning Briefing", "rights reserved", "Facebook", "Railway Courier", "Rail Letter",
                      "signing up", "t.co", "https", "Published", "waited years", "More", "Bus fares"):
        assert furniture not in heard, furniture


def test_an_embedded_post_keeps_its_words_but_not_its_addresses(article):
    heard = " ".join(block.text for block in article.blocks)
    assert "Night trains are back on our line at last!" in heard and "t.co" not in heard


def test_the_title_is_the_headline_without_the_site_name_and_the_metadata_is_kept(article):
    assert article.title.text == "Night Trains Return to the Coast"
    assert (article.site_name, article.author, article.published) == ("Railway Courier", "Lena Ortiz", "2026-05-02")
    assert article.language == "en"


def test_a_listing_page_is_refused_in_one_sentence(tmp_path):
    links = "".join(f'<li><a href="/story/{n}">Story number {n} of the day</a></li>' for n in range(30))
    path = tmp_path / "index.html"
    path.write_bytes(page(f"<ul>{links}</ul>", title="Latest News | Railway Courier"))
    result = run_briefing("script", str(path))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "no article text")


def test_a_login_wall_is_refused():
    wall = page("<p>Subscribe to continue reading.</p><form><input name='user'><input name='password'></form>")
    with pytest.raises(InputError, match="no article text"):
        article_from_bytes(wall, "wall.html")


def test_the_page_is_told_by_its_bytes_not_its_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_bytes(article_page())
    result = run_briefing("script", str(path))
    assert result.returncode == 0, result.stderr.decode()
    script = json.loads(result.stdout)
    assert script["title"] == "Night Trains Return to the Coast"
    assert "<" not in " ".join(segment["text"] for segment in script["segments"])


def test_the_pages_own_language_is_used(tmp_path):
    french = ("<p>La compagnie ferroviaire régionale fera circuler des trains de nuit entre la côte et la "
              "capitale à partir du premier juin, a annoncé mercredi son directeur lors d'une conférence "
              "de presse à la gare centrale. Les trains partiront peu avant minuit et arriveront tôt le "
              "matin, à temps pour les premières réunions de la journée.</p>")
    assert article_from_bytes(page(french, lang="fr-BE"), "train.html").language == "fr"


OTHER_STORIES = ("<h3>Top stories</h3><p><a href='/x'>Council approves the new playground by the river</a> "
                 "Work starts soon.</p><p><a href='/y'>School children drew the plans for the park</a> "
                 "Teachers are proud.</p>")


def test_an_article_laid_out_in_a_table_is_read_block_by_block_without_the_column_beside_it():
    layout = page(f"<table><tr><td><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p><p>{LOOSE}</p></td>"
                  f"<td>{OTHER_STORIES}</td></tr></table>")
    article = article_from_bytes(layout, "layout.html")
    assert [block.text for block in article.blocks] == [*BODY, LOOSE]


def test_a_data_table_is_still_read_row_by_row(article):
    assert any(block.text.startswith("Fares for one trip.") for block in article.blocks)
    rows = "".join(f"<tr><td><p>{amount}</p></td><td><p>{item}</p></td></tr>"
                   for amount, item in (("125 g", "flour"), ("65 g", "sugar"), ("2", "eggs")))
    recipe = article_from_bytes(page(f"<p>{BODY[0]}</p><table>{rows}</table><p>{BODY[1]}</p>"), "cake.html")
    assert "125 g, flour. 65 g, sugar. 2, eggs." in " ".join(block.text for block in recipe.blocks)


def test_notification_bars_and_pop_ups_are_not_read():
    bars = (f"<p>{BODY[0]}</p><div class='notification-bar'>Get the Courier delivered to your door every "
            f"month</div><p>{BODY[1]}</p><div id='modal-window'><p>Thank you</p><p>This article has been sent "
            f"to your friend.</p></div><p>{BODY[2]}</p>")
    heard = heard_text(page(bars), "bars.html")
    assert all(sentence in heard for sentence in BODY)
    assert "delivered to your door" not in heard and "Thank you" not in heard and "has been sent" not in heard


def extracted(*paragraphs: str):
    from lxml import etree

    return etree.fromstring("<doc><main>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</main></doc>")


NEXT_POST = ["Courier Media Group - Harbour Street 12 - 4000 Coastville - Phone 0123 456 789",
             "night trains, rail travel, coast", "Comments are checked by a moderator before they appear"]


def test_what_recall_mode_reads_past_the_precise_readings_end_is_dropped():
    document = extracted(*BODY, *NEXT_POST)
    drop_trailing_extras(document, "\n".join(["Night Trains Return to the Coast", *BODY]))
    assert [p.text for p in document.iter("p")] == BODY


def test_a_short_closing_note_and_a_page_the_precise_reading_mostly_missed_are_kept():
    note = "This article was first published in the weekend edition."
    document = extracted(*BODY, note)
    drop_trailing_extras(document, "\n".join(BODY))
    assert [p.text for p in document.iter("p")] == [*BODY, note]
    document = extracted(*BODY, *NEXT_POST)
    drop_trailing_extras(document, BODY[0])  # a precise reading that stopped after one paragraph
    assert len(list(document.iter("p"))) == 6


def test_a_full_paragraph_past_the_precise_readings_end_is_kept():
    document = extracted(*BODY, AFTER_TABLE, LOOSE, *NEXT_POST)
    drop_trailing_extras(document, "\n".join(BODY))
    assert [p.text for p in document.iter("p")] == [*BODY, AFTER_TABLE, LOOSE]


def test_lines_broken_by_br_keep_their_words_apart():
    dates = "Tour dates:<br>June 9 -- Harbour Hall, Coastville<br>June 12 -- River Arena, Millbrook<br/>July 1 -- Park"
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{dates}</p><p>{BODY[1]}</p>"), "tour.html")
    assert "Tour dates: June 9 -- Harbour Hall, Coastville June 12 -- River Arena, Millbrook July 1 -- Park" in heard


def test_a_long_line_of_several_teaser_links_is_furniture_however_long():
    teasers = " | ".join(f"<a href='/s/{n}'>Another story about the night trains and their long journeys number "
                         f"{n}</a> [VIDEO]" for n in range(3))
    heard = heard_text(page(
        f"<p>{BODY[0]}</p><p>DON'T MISS</p><p>{teasers}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>"), "teasers.html")
    assert all(sentence in heard for sentence in BODY) and "Another story" not in heard and "VIDEO" not in heard


def test_a_closing_call_to_follow_the_site_on_social_networks_is_not_read():
    follow = "Follow the Railway Courier on Facebook, Twitter and Instagram for more news."
    heard = heard_text(page(
        f"<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p><p><em>{follow}</em></p>"), "follow.html")
    assert all(sentence in heard for sentence in BODY) and "Follow" not in heard


def test_social_networks_named_inside_the_article_are_read():
    story = ("The company will post its timetables on Facebook and Twitter every Monday, and answer "
             "questions from passengers there during the first weeks of the service.")
    heard = heard_text(page(
        f"<p>{BODY[0]}</p><p>{story}</p><p>{BODY[1]}</p><p>{BODY[2]}</p><p>{LOOSE}</p><p>{AFTER_TABLE}</p>"),
        "story.html")
    assert story in heard


def test_a_sentence_that_links_most_of_its_words_is_prose_but_a_labelled_link_is_not():
    linked = "The director faces <a href='/law'>a charge of misleading the regional transport authority</a>."
    labelled = "Read more: <a href='/a'>Rail strike ends after three days of talks</a>."
    heard = heard_text(page(
        f"<p>{BODY[0]}</p><p>{linked}</p><p>{BODY[1]}</p><p>{labelled}</p><p>{BODY[2]}</p>"), "link.html")
    assert "The director faces a charge of misleading the regional transport authority." in heard
    assert "Rail strike" not in heard and "Read more" not in heard


def test_lines_after_line_breaks_beside_a_caption_are_paragraphs_whole_with_their_links():
    lines = ("<div class='story'>The timetable was drawn up by the planners of <em><a href='/p'>Coast Rail</a></em>. "
             "It was shown to the unions first.<br> <br><center><em>The new sleeper carriage</em></center> <br>"
             "The unions say the plan, drawn up by <em>Coast Rail</em>, is fair to the night crews.<br> <br>"
             "The company has promised to <a href='/x'>hire forty new conductors</a>, most of them in the capital."
             "<br> <br>The first train leaves on the first of June.</div>")
    blocks = [block.text for block in article_from_bytes(page(lines), "lines.html").blocks]
    for sentence in ("The timetable was drawn up by the planners of Coast Rail.",
                     "The unions say the plan, drawn up by Coast Rail, is fair to the night crews.",
                     "The company has promised to hire forty new conductors, most of them in the capital.",
                     "The first train leaves on the first of June."):
        assert any(sentence in block for block in blocks), sentence  # whole, not split at its link


def test_a_space_between_two_links_is_kept():
    linked = ("<p>Other <a href='/a'>rail</a> <a href='/b'>travel</a> <a href='/c'>writers</a> have offered "
              "differing estimates of the cost of the night trains to the regional budget.</p>")
    heard = heard_text(page(
        f"<p>{BODY[0]}</p>{linked}<p>{BODY[1]}</p><p>{BODY[2]}</p>"), "spaces.html")
    assert "Other rail travel writers have offered" in heard


def test_a_table_row_keeps_a_figure_repeated_in_several_columns():
    rows = "".join(f"<tr><td>{team}</td><td>{won}</td><td>{drawn}</td><td>{lost}</td></tr>"
                   for team, won, drawn, lost in (("Harbour United", 2, 0, 0), ("Millbrook Rovers", 1, 1, 1)))
    table = f"<table><tr><th>Team</th><th>Won</th><th>Drawn</th><th>Lost</th></tr>{rows}</table>"
    heard = heard_text(
        page(f"<p>{BODY[0]}</p>{table}<p>{BODY[1]}</p>"), "league.html")
    assert "Harbour United, 2, 0, 0. Millbrook Rovers, 1, 1, 1." in heard


def test_a_sentence_after_a_linked_picture_in_its_paragraph_is_read():
    pictured = ("<p><a href='https://pins.example/pin?url=night-trains'><img src='cabin.jpg' alt='A cabin'></a>"
                "Because once the cabins are booked, the company will add a carriage.</p>")
    heard = heard_text(page(
        f"<p>{BODY[0]}</p>{pictured}<p>{BODY[1]}</p><p>{BODY[2]}</p>"), "pictured.html")
    assert "Because once the cabins are booked, the company will add a carriage." in heard


def test_a_div_of_text_between_paragraphs_is_a_paragraph_but_a_caption_or_teaser_is_not():
    from briefing.read.markup import paragraphs_set_as_divs

    tree = html.fromstring(
        f"<article><p>{BODY[0]}</p><div class='subheadline'>Who pays for the night trains?</div><p>{BODY[1]}</p>"
        f"<div><img src='cabin.jpg'><em>A four-bed cabin.</em></div><p>{BODY[2]}</p>"
        f"<div><a href='/a'>Rail strike ends after three days</a></div><p>{LOOSE}</p></article>")
    paragraphs_set_as_divs(tree)
    assert [" ".join(p.text_content().split()) for p in tree.iter("p")] == [
        BODY[0], "Who pays for the night trains?", BODY[1], BODY[2], LOOSE]
    heard = [block.text for block in article_from_bytes(page(
        f"<p>{BODY[0]}</p><div class='subheadline'>Who pays for the night trains?</div><p>{BODY[1]}</p>"),
        "subheadline.html").blocks]
    assert heard == [BODY[0], "Who pays for the night trains?", BODY[1]]


def test_an_embedded_post_inside_a_widget_box_is_read():
    post = ("<div class='story-widget story-post'><div class='story-post__inner'><blockquote class='twitter-tweet'>"
            "<p>So glad the night train to the coast is finally back, we will be on the first one!</p>&mdash; Rail Fan "
            "(@railfan) <a href='https://twitter.com/railfan/status/2'>May 3, 2026</a></blockquote>"
            "<script src='https://platform.example/widgets.js'></script></div></div>")
    heard = heard_text(page(
        f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{post}<p>{BODY[2]}</p>"), "widget.html")
    assert "So glad the night train to the coast is finally back" in heard
    assert all(sentence in heard for sentence in BODY)


def test_a_japanese_sentence_around_a_link_is_not_taken_for_a_link_list():
    sentences = ["夜行列車は六月一日から海岸と首都の間を毎晩走ることになったと鉄道会社の社長が水曜日に発表しました。",
                 "列車は真夜中の少し前に海岸を出発し、朝早く首都に着くので、最初の会議に間に合うということです。",
                 "乗客は座席と二人用または四人用の寝台を選ぶことができ、自転車も予約すれば持ち込めます。"]
    linked = ("そのために会社は新しい寝台車を用意しました。詳しくは<a href='/night'>Night Rail Plan</a>"
              "に関する発表をご覧ください。")
    heard = heard_text(page(
        "".join(f"<p>{s}</p>" for s in sentences[:2]) + f"<p>{linked}</p><p>{sentences[2]}</p>",
        title="夜行列車が海岸に戻る", lang="ja"), "yakou.html")
    assert "そのために会社は新しい寝台車を用意しました。" in heard


BODY_PARAGRAPHS = "".join(f"<p>{sentence}</p>" for sentence in [*BODY, LOOSE])


def test_a_page_whose_title_was_left_unclosed_is_read_as_far_as_its_title_line():
    damaged = page(BODY_PARAGRAPHS).replace(b"</title>", b"</titl", 1)
    article = article_from_bytes(damaged, "unclosed-title.html")
    heard = " ".join(block.text for block in article.blocks)
    assert all(sentence in heard for sentence in [*BODY, LOOSE])
    assert "<" not in article.title.text and "Railway Courier" not in article.title.text


def test_a_page_with_a_cut_doctype_or_a_self_closed_html_tag_is_read_as_a_browser_reads_it():
    cut = page(BODY_PARAGRAPHS)
    for damaged in (b"<!DOCTYPE htm\n" + cut[cut.index(b"<body>") + len(b"<body>"):],  # its head lost with it
                    page(BODY_PARAGRAPHS).replace(b"<html lang=\"en\">", b"<html lang=\"en\" /><div>")):
        heard = heard_text(damaged, "damaged.html")
        assert all(sentence in heard for sentence in [*BODY, LOOSE]), damaged[:60]


def test_preformatted_text_is_read_paragraph_by_paragraph_with_its_lines_joined():
    def typed(paragraph: str) -> str:  # a wire release: lines wrapped by hand, paragraphs indented
        words = paragraph.split()
        return "     " + "\n".join(" ".join(words[i:i + 9]) for i in range(0, len(words), 9))

    wire = "\n\n".join(typed(paragraph) for paragraph in [*BODY, LOOSE])
    blocks = [block.text for block in article_from_bytes(page(f"<pre>{wire}</pre>"), "wire.html").blocks]
    assert blocks == [*BODY, LOOSE]


def test_a_paragraph_set_as_a_heading_is_prose_and_the_page_an_article():
    long_heading = " ".join([BODY[0], BODY[1]])
    article = article_from_bytes(page(f"<h3>{long_heading}</h3><p>{BODY[2]}</p>"), "heading-prose.html")
    assert [(block.kind, block.text) for block in article.blocks][:2] == [("narration", long_heading),
                                                                          ("narration", BODY[2])]


CAPTIONS = ["The first night train waits at the coast station shortly before midnight, its sleeping cars lit.",
            "A conductor checks the tickets of the first passengers on the platform as the doors open.",
            "The four-bed cabin has fresh sheets, a small table by the window and a reading lamp for each bed.",
            "Morning arrives in the capital: the passengers step out in time for the first meetings of the day."]


def test_a_photo_story_told_in_its_captions_is_read_though_captions_are_furniture_elsewhere():
    photos = "".join(f"<div class='wp-caption'><img src='night-{n}.jpg' alt=''><p class='wp-caption-text'>{caption}</p>"
                     "</div>" for n, caption in enumerate(CAPTIONS))
    heard = heard_text(page(f"<p>The night trains are back. Here is the first journey.</p>{photos}"), "photos.html")
    assert all(caption in heard for caption in CAPTIONS)


def test_a_photo_gallery_of_a_few_words_is_still_refused():
    photos = "".join(f"<div class='wp-caption'><img src='night-{n}.jpg' alt=''><p class='wp-caption-text'>Night {n}</p>"
                     "</div>" for n in range(6))
    with pytest.raises(InputError, match="no article text"):
        article_from_bytes(page(f"<p>The night trains, in pictures.</p>{photos}"), "gallery.html")


def test_a_page_saved_after_another_pages_end_is_read_as_a_browser_shows_it():
    header = b"<html><body><div class='weather'>Harbour town: Clear, 25 degrees</div></body></html>\n"
    heard = heard_text(header + page(BODY_PARAGRAPHS), "two-pages.html")
    assert all(sentence in heard for sentence in [*BODY, LOOSE])


def test_a_short_sentence_holding_the_years_last_digits_and_the_day_is_read_but_a_dateline_is_not():
    prices = "Silver added 2% to $18.26 an ounce."  # the page is of 2 May 2026: "2" and "26" stand in it
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{prices}</p><p>Updated 02.05.26</p><p>{BODY[1]}</p>"
                            f"<p>{BODY[2]}</p>"), "prices.html")
    assert prices in heard
    assert "Updated" not in heard and "Published" not in heard


def test_link_boxes_after_the_articles_last_paragraph_are_not_read_but_a_closing_data_table_is():
    teasers = ("<table><tr><td><a href='/ferry'>Ferry fares fall</a> The island ferry will cost less from "
               "the spring, its owners said.</td><td><a href='/bridge'>Bridge reopens</a> Cars may cross the "
               "old bridge again after two years of repairs.</td></tr></table>")
    contacts = ("<table><tr><td>Harbour Press, 12 Quay Street, Coastville. Write to the newsroom or "
                "<a href='/contact'>send us a message</a>.</td></tr></table>")
    sections = ("<p><a href='/news'>News</a> | <a href='/sport'>Sport</a> | <a href='/tides'>Weather and tides</a> | "
                "Search</p>")
    fares = "<table><tr><td>Seat</td><td>29 euros</td></tr><tr><td>Cabin</td><td>59 euros</td></tr></table>"
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>{fares}{teasers}{contacts}{sections}"),
                       "boxes.html")
    assert all(sentence in heard for sentence in BODY) and "Seat, 29 euros." in heard
    for furniture in ("Ferry", "Bridge", "Quay Street", "Weather and tides"):
        assert furniture not in heard, furniture


def test_loose_text_in_a_span_that_holds_blocks_is_read_past_its_links():
    story = (f"<span class='story'>{BODY[0]}<br><br>At first <a href='/plan'>the plan was to</a> run the trains "
             "only on weekends, but the company changed its mind after a survey of its passengers.<br><br>"
             "<div class='slot'><div>Advertisement</div></div>"
             f"{BODY[1]}<br><br>{BODY[2]}</span>")
    heard = heard_text(page(story), "span.html")
    assert "the plan was to run the trains only on weekends, but the company changed its mind" in heard
    assert all(sentence in heard for sentence in BODY)


def test_a_headline_that_is_one_link_and_heads_a_paragraph_is_read():
    lamps = "".join(f"<h3><a href='/shop/{n}'>{name}</a></h3><p>{text}</p>" for n, (name, text) in enumerate([
        ("Harbour Lamp Three", BODY[0]), ("Quayside Kettle", BODY[1]), ("Dune Reading Chair", BODY[2])]))
    heard = heard_text(page(f"<p>{LOOSE}</p>{lamps}<p>{AFTER_TABLE}</p>"), "lamps.html")
    for name in ("Harbour Lamp Three", "Quayside Kettle", "Dune Reading Chair"):
        assert name in heard, name


def test_a_long_headline_ending_in_a_colon_introduces_its_section_but_a_short_label_does_not():
    section = ("<h2>Three Ways to Sleep Well on a Night Train:</h2><h3>1. Book a cabin early</h3>"
               f"<p>{BODY[2]}</p><h3>See also:</h3><h3>2. Bring your own pillow</h3><p>{AFTER_TABLE}</p>")
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{section}"), "sleep.html")
    assert "Three Ways to Sleep Well on a Night Train:" in heard and "Book a cabin early" in heard
    assert "See also" not in heard


def test_list_items_standing_without_their_list_are_read_as_a_list():
    items = ("Trains leave the coast at eleven every evening.", "The journey takes seven hours, with two stops.",
             "Children under six travel free.")
    facts = "<p><br><b>The night line</b><br></p>" + "".join(f"<li>{item}<p></p></li>" for item in items)
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{facts}<p>{BODY[2]}</p><p>{AFTER_TABLE}</p>"),
                       "facts.html")
    for item in items:
        assert item in heard, item


@pytest.mark.parametrize("page_title", ["Ferry Fares Fall for Islanders (from the Island Herald)",
                                        "Ferry fares fall for islanders_English_Island Herald",
                                        "Island Herald - Ferry fares fall for islanders"])
def test_the_title_is_the_pages_own_headline_however_the_page_title_labels_it(page_title):
    html = f"""<html><head><title>{page_title}</title></head><body>
<div class="top"><a href="/">Island Herald</a> <a href="/news">News</a></div>
<table><tr><td><span class="hl">Ferry fares fall for islanders</span><br>
<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p></td></tr></table></body></html>""".encode()
    assert article_from_bytes(html, "ferry.html").title.text == "Ferry fares fall for islanders"


def test_the_sites_name_on_the_page_is_never_taken_for_the_headline():
    html = f"""<html><head><title>Ferry fares fall for islanders from March - Island Herald</title></head><body>
<div class="top"><a href="/">Island Herald</a></div><h1>Ferry fares fall for the islanders</h1>
<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p></body></html>""".encode()
    assert article_from_bytes(html, "ferry.html").title.text != "Island Herald"


def test_the_pages_own_summary_is_the_episodes_description(tmp_path):
    """A page's description (its standfirst) is what a podcast app shows under the episode's title, and the
    read-along page shows it under the article's."""
    described = article_page().replace(
        b"</head>", b'<meta name="description" content="Sleeper services  come back after ten years.">\n</head>')
    path = tmp_path / "night-trains.html"
    path.write_bytes(described)
    assert article_from_bytes(described, path.name).description == "Sleeper services come back after ten years."
    result = run_briefing("make", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    comment = ID3(tmp_path / "out" / "night-trains.mp3").getall("COMM")[0].text[0]
    assert comment == "Sleeper services come back after ten years."
    shown = html.parse(str(tmp_path / "out" / "night-trains.html")).getroot()
    assert [p.text_content() for p in shown.find_class("standfirst")] == [comment]  # under the title, as read
    script = json.loads(run_briefing("script", str(path)).stdout)
    assert script["description"] == "Sleeper services come back after ten years."


def test_a_title_that_holds_its_date_in_numbers_is_still_the_title():
    """A dateline is dropped, but a roundup's title may name its date ("5-2-26") as a dateline would."""
    roundup = page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>",
                   title="Rail Roundup 5-2-26: Night Trains | Railway Courier").replace(
        b"<h1>Night Trains Return to the Coast</h1>", b"<h1>Rail Roundup 5-2-26: Night Trains</h1>")
    assert article_from_bytes(roundup, "roundup.html").title.text == "Rail Roundup 5-2-26: Night Trains"


def test_a_paragraph_that_introduces_what_follows_with_a_colon_is_read_though_it_links_a_question():
    asked = ("Dozens of commuters wrote back within a day after we put it to them <a href='/poll'>which sleeper "
             "route along the coast should reopen next and what it would change for them</a>. Some of the replies "
             "we got are below:")
    heard = heard_text(page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p><p>{asked}</p>"
                            "<p><img src='answer-1.png' alt=''></p><p><img src='answer-2.png' alt=''></p>"),
                       "answers.html")
    assert "Some of the replies we got are below:" in heard


def test_a_call_to_subscribe_as_the_articles_first_block_is_not_read():
    call = ("Start your morning with the Rail Letter, our pick of the day's timetable news. "
            "<a href='/letter'>Sign up for the free daily newsletter</a>:")
    heard = heard_text(page(f"<p>{call}</p><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>"), "call.html")
    assert "Rail Letter" not in heard and all(sentence in heard for sentence in BODY)


def test_an_article_that_opens_on_the_social_networks_it_is_about_keeps_its_first_paragraph():
    opening = "Facebook and Instagram will show the night trains' timetables from June, the company said."
    heard = heard_text(page(f"<p>{opening}</p><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>"), "social.html")
    assert opening in heard


@pytest.mark.parametrize("name", ["paywall", "subscriber-only", "latest-update"])
def test_the_rest_of_the_story_in_a_box_named_as_a_promotion_is_read(name):
    """Paragraphs of the article in a box whose name a promotion would have ("paywall") are its text."""
    body = f"<p>{BODY[0]}</p><div class='{name}'><p>{BODY[1]}</p><p>{LOOSE}</p></div><p>{BODY[2]}</p>"
    heard = heard_text(page(body), "rest.html")
    assert all(sentence in heard for sentence in [*BODY, LOOSE])


def test_a_short_promotion_box_among_the_paragraphs_is_still_dropped():
    box = ("<div class='newsletter'><p>Every weekday morning our editors pick the stories of the day for you, "
           "with the timetables and the weather, delivered to your inbox before seven o'clock.</p>"
           "<form><input type='email'><button>Sign up</button></form></div>")
    heard = heard_text(page(f"<p>{BODY[0]}</p>{box}<p>{BODY[1]}</p><p>{BODY[2]}</p>"), "box.html")
    assert "inbox" not in heard and all(sentence in heard for sentence in BODY)



LABEL_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour Gazette - {label} - News, Weather and Sport for the Bay and Islands -
Ferry Timetable Changes for the Winter</title></head><body>
<h1>Harbour Gazette</h1>
<p><a href="/">Harbour Gazette</a> <a href="/local">Local News</a> <a href="/sport">Sport</a></p>
<table><tr><td><b>Ferry Timetable Changes for the Winter</b></td></tr></table>
<p>The island ferry will run four times a day from November, down from seven in the summer months, the
operator said on Monday after a meeting with the harbour board and the island's council.</p>
<p>The first boat will leave at half past six, and the last one will return shortly after nine in the
evening, so that workers on the mainland can still come home on the same day as before.</p>
<p>Fares stay as they are until March, when the board will look again at the costs of fuel and crews.</p>
</body></html>"""


@pytest.mark.parametrize("label", ["Local News", "Sport"])
def test_a_title_that_is_the_sites_name_or_a_section_gives_way_to_the_headline_its_page_title_holds(label):
    article = article_from_bytes(LABEL_PAGE.format(label=label).encode(), "ferry.html")
    assert article.title.text == "Ferry Timetable Changes for the Winter"



def test_a_first_line_after_a_dateline_in_bold_outside_any_paragraph_is_read():
    story = ("<div class='story'><div class='inset'><img src='cabin.jpg'><div><b></b>(Coast Wire)</div></div>"
             "<b>(Coast Wire)&nbsp;</b>The night train between the coast and the capital will run every day "
             "from June, the rail company said on Wednesday.<br><br>"
             f"{BODY[1]}<br><br>{BODY[2]}<br><br>{LOOSE}</div>")
    heard = heard_text(page(story), "dateline.html")
    assert ("The night train between the coast and the capital will run every day from June, the rail company "
            "said on Wednesday.") in heard
    assert BODY[2] in heard


def test_a_line_that_opens_with_a_link_after_a_block_is_left_to_the_extractor():
    from briefing.read.markup import wrap_loose_text

    tree = html.fromstring(
        "<div><h3>From our partners</h3><b><a href='/ad'>Cheaper home loans</a></b> Find the best rates for "
        "your new family home on our partner's comparison site today.<br>"
        "<h3>Also</h3><span>By Lena Ortiz</span><br></div>")
    wrap_loose_text(tree)
    assert not list(tree.iter("p"))
