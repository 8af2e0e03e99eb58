"""The spoken form: what a newsreader says for each written form, per language, from the rules data."""

from __future__ import annotations

import pytest

from briefing.errors import InputError
from briefing.speak import is_speakable, rules_for, spoken_form
from briefing.speak.rules import parse_rules


@pytest.mark.parametrize(("written", "spoken"), [
    # nothing a listener should hear
    ("___.", ""),
    ("* * *", ""),
    ("———", ""),
    ("🎉🎉 👍🏽", ""),
    ("<br/>", ""),
    ("[12]", ""),
    # embeds and markup
    ('<tweet tweet-id="102938475610293847"><tweet/>.', "embedded post."),
    ('<tweet tweet-author="@cityhall">Roads close at noon.<tweet/>', "Roads close at noon."),
    ('<iframe src="https://video.example.net/v/99"></iframe>', "embedded post."),
    ('Watch <a href="https://example.org/x">the vote</a> live.', "Watch the vote live."),
    ("Bread &amp; butter", "Bread & butter"),
    ("It was **very** late.", "It was very late."),
    # links, addresses, handles, hashtags
    ("Read more at https://www.harbourtimes.example.com/2024/05/story-name.html.",
     "Read more at harbourtimes dot example dot com."),
    ("Photo: https://t.co/Zx81kQ", "Photo: a link"),
    ("see pic.twitter.com/ab12CD", "see pic dot twitter dot com"),
    ("Write to desk.news@paper.example.org today.", "Write to desk news at paper dot example dot org today."),
    ("Thanks to @river_watcher2291.", "Thanks to at river watcher."),
    ("Follow @CityCouncilNews for updates.", "Follow at City Council News for updates."),
    ("Under #SaveTheLibrary, people met.", "Under hashtag Save The Library, people met."),
    # reference marks, long ids
    ("The bridge opened in spring.[3] It was late.[4][5]", "The bridge opened in spring. It was late."),
    ("Case 20231187744 was closed.", "Case two zero two three one one eight seven seven four four was closed."),
    # numbers, money, percentages, times, ordinals, years, abbreviations
    ("About 1,200 people came.", "About one thousand, two hundred people came."),
    ("Turnout rose 3.5% to 61%.", "Turnout rose three point five percent to sixty-one percent."),
    ("It costs $12.", "It costs twelve dollars."),
    ("It costs $1 a day.", "It costs one dollar a day."),
    ("A $4.2 billion plan", "A four point two billion dollars plan"),
    ("£3.50 each", "three pounds sterling, fifty pence each"),
    ("a $300m deal", "a three hundred million dollars deal"),
    ("at 3:30 p.m. today", "at three thirty p m today"),
    ("by 9 a.m.", "by nine a m"),
    ("at 10:05", "at ten oh five"),
    ("the 21st floor and the 3rd try", "the twenty-first floor and the third try"),
    ("Built in 1998, rebuilt in 2009.", "Built in nineteen ninety-eight, rebuilt in two thousand and nine."),
    ("Dr. Lee met Sen. Ortiz on Jan. 4.", "Doctor Lee met Senator Ortiz on January four."),
    ("the No. 2 seed", "the number two seed"),
])
def test_english_spoken_forms(written, spoken):
    assert spoken_form(written, "en") == spoken


@pytest.mark.parametrize(("language", "written", "spoken"), [
    ("fr", "Le 21e siècle, 3,5 % des voix.", "Le vingt et unième siècle, trois virgule cinq pour cent des voix."),
    ("fr", "Rendez-vous à 15h30 avec M. Varenne.", "Rendez-vous à quinze heures trente avec Monsieur Varenne."),
    ("fr", "Il a payé 1 234 €.", "Il a payé mille deux cent trente-quatre euros."),
    ("de", "Es kostet 5 Mio. € (ca. 12 %).", "Es kostet fünf Millionen Euro (circa zwölf Prozent)."),
    ("de", "Im Jahr 1990 waren es 1.234,5 Tonnen.",
     "Im Jahr neunzehnhundertneunzig waren es eintausendzweihundertvierunddreißig Komma fünf Tonnen."),
    ("es", "El Sr. García ganó el 45 % de los votos.",
     "El señor García ganó el cuarenta y cinco por ciento de los votos."),
    ("de", "Am 3. Oktober kamen 1.234 Leute.", "Am 3. Oktober kamen eintausendzweihundertvierunddreißig Leute."),
    ("de", "Die Sitzung beginnt um 15:30 Uhr.", "Die Sitzung beginnt um fünfzehn Uhr dreißig."),
    ("fr", "Le tarif reste gelé jusqu’en 2027. Selon le maire, le 5 sept.",
     "Le tarif reste gelé jusqu’en deux mille vingt-sept. Selon le maire, le cinq septembre"),
    ("en", "Sign in5 people", "Sign in5 people"),  # a number glued to a word is left to the engine
    ("ru", "Рост составил 45%.", "Рост составил сорок пять процентов."),
    ("en-GB", "It costs £5.", "It costs five pounds sterling."),
])
def test_other_languages_use_their_own_words(language, written, spoken):
    assert spoken_form(written, language) == spoken


def test_a_language_without_rules_still_drops_markup_links_and_separators():
    spoken = spoken_form('Πρόκειται για <b>νέο</b> σχέδιο https://www.example.gr/a/b [2] ___', "el")
    assert spoken == "Πρόκειται για νέο σχέδιο example.gr"


def test_japanese_and_russian_text_is_kept_as_written():
    assert spoken_form("東京で会議が開かれた。", "ja") == "東京で会議が開かれた。"
    assert spoken_form("Правительство объявило о новом плане.", "ru") == "Правительство объявило о новом плане."


def test_speakable_means_a_letter_or_digit_of_any_script():
    assert is_speakable("a") and is_speakable("7") and is_speakable("東") and is_speakable("я")
    assert not is_speakable("—.") and not is_speakable("") and not is_speakable("🎉 ...")


def test_rules_are_data_and_every_shipped_file_loads():
    from importlib import resources

    folder = resources.files("briefing.speak") / "rules"
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    assert {"en.toml", "fr.toml", "de.toml", "es.toml", "ru.toml"} <= set(files)
    for name in files:
        rules = rules_for(name.removesuffix(".toml"))
        assert rules.language == name.removesuffix(".toml")
    assert rules_for("en-US") is rules_for("en_us") or rules_for("en-US").words == rules_for("en_us").words
    assert rules_for("zh").voice_language == "cmn"


@pytest.mark.parametrize(("text", "fragment"), [
    ("colour = 'red'", "unknown setting 'colour'"),
    ("years = 'yes'", "'years' has the wrong type"),
    ("[words]\nhashtag = 3", "'words' has the wrong type"),
    ("[words]\nplus = 'plus'", "unknown word 'plus'"),
    ("years = ", "not valid TOML"),
])
def test_bad_rules_files_are_refused_in_one_sentence(text, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_rules("xx", text, "xx.toml")


def test_rules_from_data_change_what_is_said():
    rules = parse_rules("xx", "[words]\nhashtag = 'tag'\nat = 'user'\n")
    assert rules.word("hashtag") == "tag" and rules.word("percent") == ""
