"""Who said it: attribution on the corpus and on each pattern news uses, casting, and editable scripts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from audio import decode, median_pitch_hz, parse_vtt, window
from helpers import ROOT, assert_plain_error, run_briefing

from briefing.cast import assign_voices, for_language, load_cast
from briefing.engines.pyttsx3_engine import Pyttsx3Engine
from briefing.errors import ExitStatus
from briefing.read import parse_article
from briefing.segment import segment

sys.path.insert(0, str(ROOT / "benchmarks"))
from segmentation import evaluate


def test_corpus_scores_meet_the_bar(corpus):
    for article, row in evaluate(corpus).items():
        assert row["coverage"] == 1.0, (article, row)
        assert row["kind_accuracy"] >= 0.97, (article, row)
        assert row["quote_f1"] >= 0.97, (article, row)
        assert row["speaker_accuracy"] >= 0.95, (article, row)
        assert row["speaker_consistent"] and row["speakers_distinct"], (article, row)


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in segment(parse_article(text)).segments if s.kind == "quote"]


PATTERNS = {
    "quote, X said": ('Title\n\n"We are ready," Anna Berg said.\n', ["Anna Berg"]),
    "X said: quote": ("Title\n\nCaptain Tom Reed said: “The ship is safe.”\n", ["Tom Reed"]),
    "said X": ("Title\n\n“It works,” said Maria Lopez, the lead engineer.\n", ["Maria Lopez"]),
    "interrupted quote": ('Title\n\nJohn Park spoke first. "We tried," he said, "and we failed."\n',
                          ["John Park", "John Park"]),
    "runs into next paragraph": ('Title\n\n"The plan is good," said Omar Diaz. "It will work.\n\n'
                                 '"And it will be cheap."\n', ["Omar Diaz", "Omar Diaz", "Omar Diaz"]),
    "told Reuters": ("Title\n\n“Prices will rise,” Li Wei told Reuters.\n", ["Li Wei"]),
    "according to": ("Title\n\nThe deal is done, according to Sara Cole. “We signed it,” she said.\n",
                     ["Sara Cole"]),
    "was quoted as saying": ('Title\n\nPeter Hahn was quoted as saying: "No comment."\n', ["Peter Hahn"]),
    "bare quote paragraph": ('Title\n\n"We won," said Coach Ben Ali.\n\n"Next year we win again."\n',
                             ["Ben Ali", "Ben Ali"]),
    "aliases and pronouns": ('Title\n\nMayor Ines Varga spoke. "Yes," Varga said. "No," the mayor said.\n\n'
                             'Later she was blunt: "Maybe."\n', ["Ines Varga"] * 3),
    "two people": ('Title\n\n"Up," said Ann Lee. "Down," said Bob Kim.\n', ["Ann Lee", "Bob Kim"]),
    "British single quotes": ("Title\n\n‘It’s the researchers’ view,’ said Dr. Jane Smith.\n", ["Jane Smith"]),
    "guillemets": ("Titre\n\n« Nous sommes prêts », a déclaré Sophie Marchal.\n", ["Sophie Marchal"]),
    "German quotes": ("Titel\n\n„Wir sind bereit“, sagte Hans Meier.\n", ["Hans Meier"]),
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_attribution_patterns(name):
    text, speakers = PATTERNS[name]
    assert [speaker for _, speaker in quotes_of(text)] == speakers


def test_partial_and_scare_quotes_stay_in_the_narrators_voice():
    text = 'Title\n\nCritics call it a "rushed" plan. Councilman Ray Fox called it "a giveaway to developers."\n'
    script = assign_voices(segment(parse_article(text)), load_cast())
    kinds = [(s.kind, s.voice, s.speaker) for s in script.segments[1:]]
    assert kinds == [("narration", "narrator", None), ("quote", "narrator", "Ray Fox")]
    assert "“rushed”" not in script.segments[1].text and '"rushed"' in script.segments[1].text


def test_apostrophes_are_never_quote_marks():
    text = "Title\n\nIt’s the ’90s again, rock ’n’ roll is back and the band’s fans’ hopes are high.\n"
    assert quotes_of(text) == []


def test_language_is_detected_and_voices_follow_it(corpus):
    script = segment(parse_article((corpus / "greve.txt").read_text(encoding="utf-8")))
    assert script.language == "fr"
    cast = for_language(load_cast(), script.language)
    with Pyttsx3Engine() as engine:
        ids = {engine.resolve(v) for v in cast.all_voices()}
    assert all(i.startswith("roa/fr") for i in ids), ids
    english = segment(parse_article((corpus / "council-vote.txt").read_text(encoding="utf-8")))
    assert english.language == "en"


GENDERED = ('Title\n\nMayor Ines Varga opened the meeting. "We start now," she said.\n\n'
            '"I object," said Councilman Piet Laan. He sat down.\n\n'
            'Dr. Nuria Sol, an engineer, was next. "The river will rise," she said.\n\n'
            '"We will build higher," said Omar Haddad, the developer.\n')


def test_speakers_get_gendered_distinct_voices():
    script = segment(parse_article(GENDERED))
    assert script.genders == {"Ines Varga": "female", "Piet Laan": "male", "Nuria Sol": "female"}
    cast = load_cast()
    voiced = assign_voices(script, cast)
    voice_of = {s.speaker: s.voice for s in voiced.segments if s.kind == "quote" and s.voice != "narrator"}
    assert len(set(voice_of.values())) == 4
    for speaker, gender in script.genders.items():
        assert cast.voice(voice_of[speaker]).gender == gender


def test_council_vote_audio_has_four_pitch_distinct_speakers_and_the_narrator(corpus, tmp_path):
    result = run_briefing("make", str(corpus / "council-vote.txt"), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    samples, rate = decode(tmp_path / "council-vote.mp3")
    by_voice: dict[str, list] = {}
    for cue in parse_vtt(tmp_path / "council-vote.vtt"):
        by_voice.setdefault(cue.voice, []).append(window(samples, rate, cue.start, cue.end))
    pitches = {v: median_pitch_hz(np.concatenate(parts), rate) for v, parts in by_voice.items() if v != "Headline"}
    assert len(pitches) == 5 and "Narrator" in pitches  # the narrator and four speakers
    names = sorted(pitches)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert abs(pitches[a] - pitches[b]) / min(pitches[a], pitches[b]) >= 0.04, pitches


def test_an_edited_script_is_rendered_as_edited(corpus, tmp_path):
    printed = run_briefing("script", str(corpus / "lab-leak.txt"))
    assert printed.returncode == 0
    script = json.loads(printed.stdout)
    quote = next(s for s in script["segments"] if s["kind"] == "quote")
    quote["speaker"], quote["voice"] = "A Different Person", "pool-5"
    quote["text"] = "An edited sentence that the listener now hears."
    edited = tmp_path / "lab-leak.script.json"
    edited.write_text(json.dumps(script, ensure_ascii=False), encoding="utf-8")
    result = run_briefing("make", str(edited), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    cues = parse_vtt(tmp_path / "out" / "lab-leak.vtt")
    assert any(c.voice == "A Different Person" and c.text == quote["text"] for c in cues)
    table = run_briefing("script", "--table", str(corpus / "lab-leak.txt")).stdout.decode()
    assert "quote" in table and "pronoun→" in table


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON (line 1"),
    ('{"title": "T"}', 'needs a "segments" list'),
    ('{"segments": [{"kind": "qoute", "text": "Hello there."}]}', "segment 1 has kind 'qoute'"),
    ('{"segments": [{"kind": "quote", "text": "Hi."}, {"kind": "narration", "text": "  "}]}',
     "segment 2 has no text"),
    ('{"segments": [{"kind": "quote", "text": "Hi.", "voice": "nobody"}]}', "voice 'nobody'"),
])
def test_a_malformed_script_is_refused_naming_what_is_wrong(tmp_path, content, message):
    broken = tmp_path / "broken.script.json"
    broken.write_text(content, encoding="utf-8")
    result = run_briefing("make", str(broken), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, message)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_benchmark_script_prints_the_table(corpus):
    import subprocess

    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "segmentation.py"), str(corpus)],
                         capture_output=True, check=True).stdout.decode()
    assert "council-vote.txt" in out and "speaker_accuracy" in out
    assert Path(ROOT / "benchmarks" / "segmentation.py").exists()


def test_a_cast_can_pin_a_voice_to_a_named_speaker(tmp_path):
    article = tmp_path / "meeting.txt"
    article.write_text(GENDERED, encoding="utf-8")
    cast_file = tmp_path / "pinned.toml"
    cast_file.write_text((ROOT / "voices" / "default.toml").read_text(encoding="utf-8")
                         + '\n[speakers."Ines Varga"]\nlanguage = "en-gb"\ngender = "female"\nvariant = "f4"\n'
                           "pitch = 30\n", encoding="utf-8")
    printed = run_briefing("script", str(article), "--voices", str(cast_file))
    assert printed.returncode == 0, printed.stderr.decode()
    quotes = [s for s in json.loads(printed.stdout)["segments"] if s["kind"] == "quote" and s["voice"] != "narrator"]
    by_speaker = {}
    for seg in quotes:
        by_speaker.setdefault(seg["speaker"], set()).add(seg["voice"])
    assert by_speaker["Ines Varga"] == {"Ines Varga"}
    assert all(voices != {"Ines Varga"} for name, voices in by_speaker.items() if name != "Ines Varga")
    pinned = load_cast(cast_file).voice("Ines Varga")
    assert (pinned.language, pinned.variant, pinned.pitch) == ("en-gb", "f4", 30)
