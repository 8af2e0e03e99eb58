"""Parallel synthesis, the segment cache, chunked encoding and batch rendering, checked on real output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from audio import decode, heard_words, parse_vtt, words
from helpers import assert_plain_error, run_briefing
from mutagen.mp3 import MP3

from briefing.cache import Cache
from briefing.encode import STREAM_OVERHEAD_FRAMES, ChunkJob, encoded, loudness_gain
from briefing.engines import EnginePool
from briefing.errors import ExitStatus
from briefing.export import Tags, write_mp3
from briefing.loudness import apply_gain_and_limit
from briefing.pipeline import build_script
from briefing.render import lay_out, pauses_for, plan_chunks, requests_for, synthesize


def _env(cache: Path) -> dict:
    return dict(os.environ, BRIEFING_CACHE_DIR=str(cache))


def test_one_engine_and_two_engines_make_the_same_briefing(corpus, tmp_path):
    cache = tmp_path / "cache"
    for jobs in ("1", "2"):
        result = run_briefing("make", str(corpus / "putin-syria.txt"), "-o", str(tmp_path / jobs), "--jobs", jobs,
                              "--no-cache", env=_env(cache))
        assert result.returncode == 0, result.stderr.decode()
    # espeak-ng's timing varies by a few milliseconds from run to run; the reading must not.
    one, two = parse_vtt(tmp_path / "1" / "putin-syria.vtt"), parse_vtt(tmp_path / "2" / "putin-syria.vtt")
    assert [(c.voice, c.text) for c in one] == [(c.voice, c.text) for c in two]
    for a, b in zip(one, two, strict=True):
        assert abs(a.start - b.start) < 0.01 * b.start + 0.05 and abs(a.end - b.end) < 0.01 * b.end + 0.05
    lengths = [MP3(str(tmp_path / jobs / "putin-syria.mp3")).info.length for jobs in ("1", "2")]
    assert abs(lengths[0] - lengths[1]) < 0.01 * lengths[0]
    assert not cache.exists() or not any(cache.rglob("*.*")), "--no-cache wrote to the cache"


def test_after_a_one_word_edit_only_that_segment_is_synthesised_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    article = tmp_path / "council-vote.txt"
    text = (corpus / "council-vote.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    first = run_briefing("make", str(article), "-o", str(tmp_path / "out"), env=_env(cache))
    assert first.returncode == 0, first.stderr.decode()
    clips, chunks = set(cache.rglob("*.pcm")), set(cache.rglob("*.mp3"))
    cues = parse_vtt(tmp_path / "out" / "council-vote.vtt")
    assert len(clips) == len({c.text for c in cues}) and len(chunks) >= 3

    edited = text.replace(" voted ", " decided ", 1)
    assert edited != text
    article.write_text(edited, encoding="utf-8")
    second = run_briefing("make", str(article), "-o", str(tmp_path / "out"), env=_env(cache))
    assert second.returncode == 0, second.stderr.decode()
    assert len(set(cache.rglob("*.pcm")) - clips) == 1
    assert 1 <= len(set(cache.rglob("*.mp3")) - chunks) < len(chunks)
    assert heard_words(tmp_path / "out" / "council-vote.vtt") == words(edited)


def test_every_clip_is_heard_exactly_where_the_timeline_puts_it_across_chunk_seams(corpus, tmp_path):
    """Chunks are independent MP3 streams joined frame by frame; the seam arithmetic must be exact."""
    script, cast = build_script(str(corpus / "putin-syria.txt"))
    cache = Cache(None, tmp_path)
    with EnginePool(2) as pool:
        engines = pool.ready()
        requests = requests_for(script, cast, engines[0])
        with ThreadPoolExecutor(2) as synthesis_threads:
            order = list(range(len(requests)))
            clips = synthesize(requests, engines, cache, order, synthesis_threads)
            clip_files = {clip.index: clip.path for clip in clips}
    pauses = pauses_for(script, cast.pauses)
    plan = plan_chunks(script, pauses, cast.rate_wpm)
    timeline = lay_out(script, [clip_files[i] for i in range(len(requests))], pauses, plan)
    assert len(timeline.chunks) >= 3
    gain = 0.5  # low enough that the limiter leaves every sample as it was
    chunk_files = [encoded(ChunkJob(tuple((c.pause_before, c.pcm_path) for c in timeline.clips[ch.first : ch.stop]),
                                    gain, timeline.sample_rate), cache) for ch in timeline.chunks]
    write_mp3(chunk_files, tmp_path / "seams.mp3", Tags(title="seams"))
    decoded, rate = decode(tmp_path / "seams.mp3")
    assert len(decoded) == sum(chunk.frames + STREAM_OVERHEAD_FRAMES for chunk in timeline.chunks)
    for clip in timeline.clips:
        pcm = np.frombuffer(apply_gain_and_limit(clip.pcm_path.read_bytes(), gain, rate), dtype="<i2") / 32768
        start = clip.start + 576 + 529  # the encoder's and the decoder's delay
        lags = range(-40, 41)
        scores = [np.dot(pcm[:4000], decoded[start + lag : start + lag + len(pcm[:4000])]) for lag in lags]
        assert lags[int(np.argmax(scores))] == 0, clip.segment.text


def test_several_inputs_render_together_with_one_progress_display(corpus, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "council-vote.txt").write_bytes((corpus / "council-vote.txt").read_bytes())
    (folder / "storm-update.md").write_bytes((corpus / "storm-update.md").read_bytes())
    result = run_briefing("make", str(corpus / "putin-syria.txt"), str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr.decode()
    made = dict(re.findall(r"(\S+\.mp3) \(\d+:\d\d, (\d+) segments\)", result.stdout.decode()))
    assert sorted(Path(p).name for p in made) == ["council-vote.mp3", "putin-syria.mp3", "storm-update.mp3"]
    total = sum(int(n) for n in made.values())
    progress = re.findall(r"synthesising: (\d+)/(\d+) segments", result.stderr.decode())
    assert progress and {int(t) for _, t in progress} == {total}  # one display for all three articles
    done = [int(d) for d, _ in progress]
    assert done == sorted(done) and done[-1] == total
    tenths = {d * 10 // total for d in done}  # without a terminal: a line at every tenth of the work
    assert tenths >= set(range(1, 11)), progress
    for mp3 in made:
        assert MP3(mp3).info.length > 30
        assert Path(mp3).with_suffix(".vtt").exists()


def test_two_inputs_that_would_share_an_output_name_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text("Title\n\nSome words to read.\n", encoding="utf-8")
    result = run_briefing("make", str(tmp_path / "a" / "news.txt"), str(tmp_path / "b" / "news.txt"),
                          "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "news.mp3")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _peak_rss_mb(args: list[str]) -> float:
    """The largest resident size of the briefing process itself (its engine workers are separate)."""
    process = subprocess.Popen([sys.executable, "-m", "briefing", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, process.stderr.read().decode()
    process.stderr.close()
    return usage.ru_maxrss / 1024


def test_peak_memory_does_not_grow_with_the_length_of_the_article(corpus, tmp_path):
    text = (corpus / "putin-syria.txt").read_text(encoding="utf-8").strip()
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(text + "\n", encoding="utf-8")
    long.write_text("\n\n".join([text] * 6) + "\n", encoding="utf-8")  # about 15 minutes of audio
    with tempfile.TemporaryDirectory() as out:
        small = _peak_rss_mb(["make", str(short), "-o", out, "--no-cache"])
        large = _peak_rss_mb(["make", str(long), "-o", out, "--no-cache"])
        assert MP3(Path(out) / "long.mp3").info.length > 14 * 60
    assert large < small + 25, (small, large)


def test_an_unusable_cache_folder_only_costs_speed(corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    result = run_briefing("make", str(corpus / "lab-leak.txt"), "-o", str(tmp_path / "out"),
                          env=_env(blocker / "cache"))
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out" / "lab-leak.mp3").exists() and blocker.read_text(encoding="utf-8").startswith("a file")


def test_a_cache_entry_never_changes_once_written(tmp_path):
    """Two syntheses of one text differ by a few samples; whoever measured the first must encode it."""
    cache = Cache(tmp_path / "cache", tmp_path)
    first = cache.put("ab" * 32, ".pcm", b"\x01\x00" * 100)
    second = cache.put("ab" * 32, ".pcm", b"\x02\x00" * 90)
    assert first == second == cache.find("ab" * 32, ".pcm")
    assert first.read_bytes() == b"\x01\x00" * 100
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no temporary files left


def test_the_loudness_gain_is_measured_once_per_set_of_clips(tmp_path):
    """A re-render whose loudness sample is unchanged reuses the gain instead of measuring again."""
    tone = (3000 * np.sin(np.arange(5 * 22050) * 2 * np.pi * 220 / 22050)).astype("<i2").tobytes()
    cache = Cache(tmp_path / "cache", tmp_path)
    parts = [(2205, cache.put("cd" * 32, ".pcm", tone)), (4410, cache.put("ef" * 32, ".pcm", tone))]
    gain = loudness_gain(parts, 22050, cache)
    assert gain > 1.5  # a quiet tone is brought up
    for _, clip in parts:
        clip.write_bytes(bytes(len(tone)))  # silence under the same names: a new measurement would say 1.0
    assert loudness_gain(parts, 22050, cache) == gain
    assert loudness_gain(parts, 22050, Cache(None, tmp_path)) == 1.0  # --no-cache: measured afresh
    assert loudness_gain(parts[:1], 22050, cache) == 1.0  # another sample: measured afresh


def test_after_an_edit_the_last_gain_stays_when_it_is_close(tmp_path):
    """An edit changes the loudness sample a little: the gain the output had stays, so only the edited
    chunk is encoded again; a change of several decibels gets its own gain."""
    def tone(amplitude: float) -> bytes:
        return (amplitude * np.sin(np.arange(5 * 22050) * 2 * np.pi * 220 / 22050)).astype("<i2").tobytes()

    cache = Cache(tmp_path / "cache", tmp_path)
    first = [(2205, cache.put("cd" * 32, ".pcm", tone(3000))), (4410, cache.put("ef" * 32, ".pcm", tone(3000)))]
    gain = loudness_gain(first, 22050, cache, "out/story.mp3")
    edited = [first[0], (4410, cache.put("ab" * 32, ".pcm", tone(3300)))]  # +0.8 dB in one clip of two
    assert loudness_gain(edited, 22050, Cache(tmp_path / "other", tmp_path)) != gain  # measured afresh: differs
    assert loudness_gain(edited, 22050, cache, "out/story.mp3") == gain
    louder = [first[0], (4410, cache.put("12" * 32, ".pcm", tone(12000)))]  # +12 dB in one clip of two
    assert loudness_gain(louder, 22050, cache, "out/story.mp3") < gain / 1.5
