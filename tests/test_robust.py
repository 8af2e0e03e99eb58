"""Real news never breaks it: what a listener gets from texts with the written forms of real news (wire
separators, embedded posts, handles, links, long ids), from batches with a bad article, from other
scripts, and from an engine that fails on a segment. Small texts written for these tests."""

from __future__ import annotations

import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from audio import parse_vtt, words
from helpers import assert_plain_error, run_briefing
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from briefing.cache import Cache
from briefing.engines import plausible_seconds
from briefing.engines.pyttsx3_engine import Pyttsx3Engine
from briefing.errors import ExitStatus, SynthesisError
from briefing.model import Script, Segment, Voice
from briefing.read import parse_article
from briefing.render import Request, synthesize
from briefing.segment import segment
from briefing.speak import spoken_form

LIVE_BLOG = """Harbour Council Votes on Ferry Fares

The harbour council voted 7-2 on Tuesday to freeze ferry fares at $4.50 until 2027, the 3rd freeze in a row.

___.

Councillor Ada Brook posted the result at 3:15 p.m. on https://harbour.example.org/votes/2026/fares and \
thanked @river_watcher2291.

<tweet tweet-id="783491630540001280"><tweet/>.

Residents can read the minutes (record 20260512774) at https://t.co/Zx81kQ. #FerryFares [3]

___

Ferry users celebrated 🎉🎉. The next vote is due in June.
"""


def render(tmp_path: Path, name: str, text: str, *args: str):
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    return run_briefing("make", str(article), "-o", str(out), *args), out


def test_a_live_blog_with_separators_embeds_handles_links_and_ids_renders_every_word(tmp_path):
    result, out = render(tmp_path, "live.txt", LIVE_BLOG)
    assert result.returncode == 0, result.stderr.decode()
    cues = parse_vtt(out / "live.vtt")
    assert [w for c in cues for w in words(c.text)] == words(LIVE_BLOG)  # the written form, every word
    texts = [c.text for c in cues]
    assert "___." in texts and "___" in texts and "🎉🎉" in " ".join(texts)
    assert all(c.end > c.start for c in cues)  # a separator's cue too: it is a short silence
    assert "@river_watcher2291" in " ".join(texts)
    assert "2 skipped" in result.stdout.decode()  # the two separators are not spoken
    spoken_words = sum(len(spoken_form(c.text, "en").split()) for c in cues)
    seconds = MP3(out / "live.mp3").info.length
    assert seconds < spoken_words * 60 / 175 * 1.6 + 10, (seconds, spoken_words)  # nothing spelled out


def test_paragraphs_with_nothing_to_say_stay_in_the_script_in_order():
    text = "Ferry Fares\n\nThe council met.\n\n* * *\n\n🌊🌊\n\n—\n\nThe vote is in June."
    script = segment(parse_article(text))
    assert [s.text for s in script.segments] == ["Ferry Fares", "The council met.", "* * *", "🌊🌊", "—",
                                                  "The vote is in June."]
    assert spoken_form("* * *", "en").strip() == "" and spoken_form("🌊🌊", "en").strip() == ""


def test_a_long_id_read_digit_by_digit_passes_the_duration_check():
    spoken = spoken_form("The post 783491630540001280 was removed.", "en")
    with Pyttsx3Engine() as engine:
        voice = engine.resolve(Voice("narrator", "en-us"))
        pcm = engine.synthesize(spoken, voice, 50, 175)
    low, high = plausible_seconds(spoken, 175)
    assert low <= pcm.seconds <= high and pcm.seconds > 5  # eighteen digits, each said


def test_a_batch_with_one_bad_file_writes_every_good_one_and_names_the_bad_one(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry Fares Frozen\n\nThe council froze ferry fares on Tuesday.\n", "utf-8")
    (folder / "library.txt").write_text("Library Opens Late\n\nThe library will open late on Fridays.\n", "utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff\x10\x80" * 200)
    out = tmp_path / "out"
    result = run_briefing("make", str(folder), "-o", str(out))
    err = result.stderr.decode()
    assert result.returncode == 3, err
    assert sorted(p.name for p in out.glob("*.mp3")) == ["ferry.mp3", "library.mp3"]
    assert "1 of 3 articles could not be made" in err and "broken.txt" in err and "Traceback" not in err
    assert "ferry.mp3" in result.stdout.decode() and "library.mp3" in result.stdout.decode()


def test_a_batch_where_nothing_can_be_made_says_so_for_each_article_with_the_input_exit_code(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("one.txt", "two.txt"):
        (folder / name).write_bytes(b"\x00\xff\x10\x80" * 200)
    result = run_briefing("make", str(folder), "-o", str(tmp_path / "out"))
    err = result.stderr.decode()
    assert result.returncode == 2 and "None of the 2 articles" in err and "one.txt" in err and "two.txt" in err, err
    assert not list((tmp_path / "out").glob("*.mp3")) if (tmp_path / "out").exists() else True


def test_a_combined_episode_leaves_out_a_bad_article_and_says_so(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry Fares Frozen\n\nThe council froze ferry fares on Tuesday.\n", "utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff\x10\x80" * 200)
    result = run_briefing("make", str(folder), "--combine", "-o", str(tmp_path / "out"))
    err = result.stderr.decode()
    assert result.returncode == 3 and "broken.txt" in err and "Traceback" not in err, err
    [episode] = (tmp_path / "out").glob("*.mp3")
    assert "The council froze ferry fares" in " ".join(c.text for c in parse_vtt(episode.with_suffix(".vtt")))


def _script_file(tmp_path: Path, language: str, title: str, paragraph: str) -> Path:
    path = tmp_path / f"{language}.script.json"
    path.write_text(json.dumps({"title": title, "language": language, "segments": [
        {"kind": "title", "text": title}, {"kind": "narration", "text": paragraph}]}, ensure_ascii=False), "utf-8")
    return path


RUSSIAN = ("Городской совет в понедельник утвердил новый план развития общественного транспорта. "
           "По словам мэра, первые автобусы выйдут на маршруты уже весной.")


def test_a_russian_paragraph_is_read_by_a_russian_voice_not_letter_by_letter(tmp_path):
    script = _script_file(tmp_path, "ru", "Новый план транспорта", RUSSIAN)
    result = run_briefing("make", str(script), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    seconds = MP3(tmp_path / "out" / "ru.mp3").info.length
    word_count = len(words(RUSSIAN)) + 3
    assert word_count * 60 / 175 * 0.5 < seconds < word_count * 60 / 175 * 2.2, seconds  # spelled: ~3x longer


def test_a_japanese_paragraph_is_refused_in_one_sentence_and_a_batch_goes_on(tmp_path):
    script = _script_file(tmp_path, "ja", "交通計画", "市議会は月曜日、新しい交通計画を承認した。")
    result = run_briefing("make", str(script), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "Japanese")
    assert not list((tmp_path / "out").glob("*.mp3")) if (tmp_path / "out").exists() else True
    english = tmp_path / "ferry.txt"
    english.write_text("Ferry Fares Frozen\n\nThe council froze ferry fares on Tuesday.\n", "utf-8")
    both = run_briefing("make", str(script), str(english), "-o", str(tmp_path / "out"))
    assert both.returncode == 3 and "Japanese" in both.stderr.decode()
    assert (tmp_path / "out" / "ferry.mp3").exists() and not (tmp_path / "out" / "ja.mp3").exists()


class FaultyEngine(Pyttsx3Engine):
    """The real engine, failing (as the engine does on what it cannot say) on any text with a marker word."""

    MARKER = "Quxzzy"

    def synthesize(self, text, voice_id, pitch, rate_wpm):
        if self.MARKER in text:
            raise SynthesisError(f"The speech engine failed twice on the segment “{text}” (injected).")
        return super().synthesize(text, voice_id, pitch, rate_wpm)


def _spoken(texts: list[str], tmp_path: Path) -> list:
    with FaultyEngine() as engine, ThreadPoolExecutor(1) as pool:
        voice = engine.resolve(Voice("narrator", "en-us"))
        requests = [Request(spoken_form(text, "en"), voice, 50, 175) for text in texts]
        cache = Cache(tmp_path / "cache", Path(tempfile.mkdtemp(dir=tmp_path)))
        return sorted(synthesize(requests, [engine], cache, list(range(len(texts))), pool), key=lambda s: s.index)


def test_a_segment_the_engine_fails_on_is_read_in_pieces_and_what_is_left_is_reported(tmp_path):
    split, failed, fine, empty = _spoken(["The ferry sailed. Then Quxzzy waved. The crowd cheered.", "Quxzzy",
                                          "The ferry sailed.", "___."], tmp_path)
    assert split.how == "split" and split.unsaid == ("Quxzzy",) and "injected" in split.problem
    assert split.path.stat().st_size > 22050 * 2  # the three sentences but one word: over a second of speech
    assert failed.how == "failed" and failed.unsaid == ("Quxzzy",) and failed.path.stat().st_size == 0
    assert fine.how == "spoken" and empty.how == "skipped" and not any(empty.path.read_bytes())


def test_the_cache_key_is_the_spoken_form(tmp_path):
    first, second = _spoken(["It costs $5.", "It costs five dollars."], tmp_path)
    assert first.path == second.path  # one clip: the engine was sent the same words


def test_an_article_is_finished_when_the_engine_cannot_say_a_part_of_it(tmp_path):
    from briefing.pipeline import Options, make

    class Pool:
        def __init__(self):
            self.engines = [FaultyEngine()]

        def ready(self):
            return self.engines

        def rest(self):
            for engine in self.engines:
                engine.close()

    article = tmp_path / "ferry.txt"
    article.write_text("Ferry Fares Frozen\n\nThe council froze ferry fares. Quxzzy Quxzzy.\n\nIt was late.\n", "utf-8")
    [briefing] = make([str(article)], tmp_path / "out", Options(jobs=1, use_cache=False), engine_pool=Pool())
    assert briefing.unsaid and "Quxzzy" in briefing.unsaid[0][0]
    cues = parse_vtt(briefing.vtt)
    assert [w for c in cues for w in words(c.text)] == words(article.read_text(encoding="utf-8"))
    assert MP3(briefing.mp3).info.length > 2


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry Fares Frozen</title>
<meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Mina Halvorsen">
<meta property="article:published_time" content="2026-04-02T09:00:00Z"></head><body><article>
<h1>Ferry Fares Frozen</h1><p>The council froze ferry fares on Tuesday after a long debate about the budget.</p>
<p>"Families need the ferry," said councillor Ada Brook, who proposed the freeze last month.</p>
<p>The operator had asked for a rise of eight per cent to cover fuel, and warned that the winter timetable
may have fewer crossings if the council does not make up the difference before the spring.</p>
</article></body></html>"""


def test_a_script_file_keeps_author_date_site_and_every_field(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    printed = run_briefing("script", str(page))
    assert printed.returncode == 0, printed.stderr.decode()
    data = json.loads(printed.stdout)
    assert (data["author"], data["published"][:10], data["site_name"]) == ("Mina Halvorsen", "2026-04-02",
                                                                            "Harbour Gazette")
    script_file = tmp_path / "ferry.script.json"
    script_file.write_text(printed.stdout.decode(), encoding="utf-8")
    result = run_briefing("make", str(script_file), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    tags = ID3(tmp_path / "out" / "ferry.mp3")
    assert tags["TPE1"].text == ["Mina Halvorsen"] and tags["TPUB"].text == ["Harbour Gazette"]
    assert str(tags["TDRC"].text[0]) == "2026-04-02"


def test_script_to_dict_and_back_is_lossless():
    script = Script(title="T", language="fr", source="a.html", genders={"Ada Brook": "female"}, author="Mina",
                    published="2026-04-02", site_name="Gazette",
                    segments=(Segment("title", "T", 0, 1, 0, voice="headline"),
                              Segment("quote", "« Oui »", 3, 9, 1, speaker="Ada Brook", voice="pool-1")))
    assert Script.from_dict(json.loads(json.dumps(script.to_dict()))) == script


@pytest.mark.parametrize("language", ["ru", "ar", "zh", "ko", "el", "hi"])
def test_each_of_these_languages_has_a_voice_here(language):
    from briefing.cast import refuse_unspoken_language

    with Pyttsx3Engine() as engine:
        refuse_unspoken_language(language, engine, "a.txt")  # raises when no voice speaks it
