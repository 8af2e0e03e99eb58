"""`briefing make` on the seed article, checked the way a listener or a podcast app would check it."""

from __future__ import annotations

import numpy as np
from audio import SILENCE_RMS, decode, heard_words, loudest_10ms, median_pitch_hz, parse_vtt, rms, window, words
from helpers import corpus_paragraphs, corpus_segments
from mutagen.mp3 import MP3


def test_every_word_of_the_article_is_in_the_transcript_once_in_order(seed_briefing, corpus):
    _, vtt, _ = seed_briefing
    assert heard_words(vtt) == words((corpus / "putin-syria.txt").read_text(encoding="utf-8"))


def test_every_cue_is_speech_at_a_plausible_rate_and_starts_where_the_transcript_says(seed_briefing):
    mp3, vtt, _ = seed_briefing
    samples, rate = decode(mp3)
    cues = parse_vtt(vtt)
    assert len(cues) >= 20
    for cue in cues:
        audio = window(samples, rate, cue.start, cue.end)
        seconds = cue.end - cue.start
        count = len(words(cue.text))
        assert rms(audio) > 10 * SILENCE_RMS, f"silent cue: {cue.text!r}"
        if count >= 3:
            wpm = count / seconds * 60
            assert 90 <= wpm <= 300, f"{wpm:.0f} words/minute for {cue.text!r}"
        else:  # "Congratulations!" is one long word: bound the time instead
            assert 0.2 <= seconds <= 3.0, f"{seconds:.2f} s for {cue.text!r}"
        # The cue is aligned with the audio to within 50 ms at both ends.
        assert loudest_10ms(window(samples, rate, cue.start - 0.2, cue.start - 0.05), rate) < SILENCE_RMS, cue.text
        assert loudest_10ms(window(samples, rate, cue.start, cue.start + 0.05), rate) > SILENCE_RMS, cue.text
        assert loudest_10ms(window(samples, rate, cue.end + 0.05, cue.end + 0.2), rate) < SILENCE_RMS, cue.text


def test_headlines_have_at_least_700_ms_of_silence_before_them(seed_briefing):
    mp3, vtt, _ = seed_briefing
    samples, rate = decode(mp3)
    headlines = [c for c in parse_vtt(vtt)[1:] if c.voice == "Headline"]
    expected = [s["text"] for s in corpus_segments("putin-syria", "headline")]
    assert expected and [c.text for c in headlines] == expected
    for cue in headlines:
        before = window(samples, rate, cue.start - 0.7, cue.start)
        assert loudest_10ms(before, rate) < SILENCE_RMS, f"sound in the 700 ms before {cue.text!r}"
    title = parse_vtt(vtt)[0]
    assert loudest_10ms(window(samples, rate, title.end, title.end + 0.7), rate) < SILENCE_RMS


def test_narration_and_quotes_are_clearly_different_voices(seed_briefing):
    mp3, vtt, _ = seed_briefing
    samples, rate = decode(mp3)

    def pitch(voice_test):
        parts = [window(samples, rate, c.start, c.end) for c in parse_vtt(vtt) if voice_test(c.voice)]
        return median_pitch_hz(np.concatenate(parts), rate)

    narrator = pitch(lambda v: v == "Narrator")
    quotes = pitch(lambda v: v not in ("Narrator", "Headline"))
    headline = pitch(lambda v: v == "Headline")
    assert abs(quotes - narrator) / narrator >= 0.10, (narrator, quotes)
    assert abs(headline - narrator) / narrator >= 0.10, (narrator, headline)
    assert abs(headline - quotes) / quotes >= 0.04, (headline, quotes)  # distinct, as speakers are


def test_quotes_are_voiced_as_their_speaker(seed_briefing):
    _, vtt, _ = seed_briefing
    cues = parse_vtt(vtt)
    line = "Good luck, thank you for your service"
    said = {c.voice for c in cues if c.text.startswith(line)}
    speaker = {s["speaker"] for s in corpus_segments("putin-syria", "quote") if s["text"].startswith(line)}
    assert len(speaker) == 1 and said == speaker


def test_mp3_is_mono_64kbps_with_title_and_artist(seed_briefing):
    mp3, vtt, _ = seed_briefing
    audio = MP3(mp3)
    assert audio.info.channels == 1
    assert audio.info.bitrate >= 64000
    assert audio.tags["TIT2"].text == [corpus_paragraphs("putin-syria")[0]]
    assert audio.tags["TPE1"].text == ["briefing"]
    assert abs(audio.info.length - parse_vtt(vtt)[-1].end) < 0.5


def test_make_reports_what_it_wrote_and_keeps_stdout_clean(seed_briefing):
    mp3, _, result = seed_briefing
    out = result.stdout.decode()
    assert str(mp3) in out
    assert "Audio saved" not in out + result.stderr.decode()
