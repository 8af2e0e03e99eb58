"""`briefing make --watch`: every save is heard again, a bad save is reported without ending the watch, and
Ctrl-C ends it cleanly."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from audio import heard_words, words
from helpers import assert_plain_error, ctrl_c, marked_env, run_briefing, workers_of
from mutagen.mp3 import MP3

from briefing.errors import ExitStatus
from briefing.watch import Changes, Watcher


class _Lines:
    """The lines a process writes to a stream: as they come (a queue, "" at the end), and all of them so far."""

    def __init__(self, stream) -> None:
        self.coming: queue.SimpleQueue = queue.SimpleQueue()
        self.so_far: list[str] = []
        self.reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.reader.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.so_far.append(line)
            self.coming.put(line)
        self.coming.put("")


class _Watching:
    """`briefing make ARGS --watch` running, with its stdout and stderr lines. A wait that fails says what the
    run printed and whether it is still running, so that a failure on CI can be understood from its log."""

    def __init__(self, *args: str, env: dict | None = None) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "briefing", "make", *args, "--watch"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.stdout, self.stderr = _Lines(self.process.stdout), _Lines(self.process.stderr)

    def next_line(self, lines: _Lines, containing: str, timeout_s: float = 60) -> str:
        """The next line of `lines` holding `containing`, skipping the others."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                line = lines.coming.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line with {containing!r} within {timeout_s} s; {self.printed()}") from None
            if not line:
                raise AssertionError(f"the output ended before a line with {containing!r}; {self.printed()}")
            if containing in line:
                return line

    def stop(self) -> tuple[int, str]:
        """Ctrl-C: the exit status and all of stderr."""
        code = ctrl_c(self.process)
        self.stderr.reader.join(timeout=10)
        return code, "".join(self.stderr.so_far)

    def printed(self) -> str:
        status = self.process.poll()
        return (f"{'still running' if status is None else f'ended with status {status}'}; "
                f"stdout: {''.join(self.stdout.so_far)!r}; stderr: {''.join(self.stderr.so_far)!r}")


def _two_stories(tmp_path: Path) -> Path:
    """A folder of two short articles."""
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("Harbour Reopens\n\nThe harbour opened again on Monday.\n", encoding="utf-8")
    (stories / "b.txt").write_text("Library Extends Hours\n\nThe library now closes at ten.\n", encoding="utf-8")
    return stories


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and sends SIGINT")
def test_watch_renders_each_save_again_with_the_same_engines_and_stops_on_ctrl_c(corpus, tmp_path):
    article = tmp_path / "council-vote.txt"
    text = (corpus / "council-vote.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "cache"
    mp3, vtt = out / "council-vote.mp3", out / "council-vote.vtt"
    env = marked_env({**os.environ, "BRIEFING_CACHE_DIR": str(cache)})  # workers_of(env): this run's engines
    run = _Watching(str(article), "-o", str(out), env=env)
    try:
        run.next_line(run.stdout, "council-vote.mp3")
        run.next_line(run.stderr, "Watching 1 article for changes")
        assert heard_words(vtt) == words(text)
        engines = workers_of(env)
        clips = set(cache.rglob("*.pcm"))

        edited = text.replace(" voted ", " decided ", 1)
        article.write_text(edited, encoding="utf-8")
        run.next_line(run.stdout, "council-vote.mp3", timeout_s=30)
        assert heard_words(vtt) == words(edited)
        assert len(set(cache.rglob("*.pcm")) - clips) == 1, "only the edited segment is spoken again"
        assert engines and workers_of(env) == engines, "the engines stayed ready between saves"
        seconds = MP3(str(mp3)).info.length
        assert 0.5 * len(words(edited)) * 60 / 175 < seconds < 2.0 * len(words(edited)) * 60 / 175

        article.write_text("", encoding="utf-8")  # a bad version: reported, the last good files kept
        assert "is empty" in run.next_line(run.stderr, "briefing:", timeout_s=30)
        assert run.process.poll() is None, f"a bad save ended the watch; {run.printed()}"
        assert heard_words(vtt) == words(edited)

        mp3.unlink()  # a render that fails after the engines have spoken: they are stopped, then started anew
        mp3.mkdir()
        article.write_text(edited.replace(" decided ", " chose ", 1), encoding="utf-8")
        assert "Cannot write" in run.next_line(run.stderr, "briefing:", timeout_s=30)
        mp3.rmdir()

        final = text.replace(" voted ", " agreed ", 1)  # new words: the engines must speak
        article.write_text(final, encoding="utf-8")
        run.next_line(run.stdout, "council-vote.mp3", timeout_s=30)
        assert heard_words(vtt) == words(final)
        assert abs(MP3(str(mp3)).info.length - seconds) < 2.0
    finally:
        code, err = run.stop()
    assert code == 0, err
    assert "stopped watching" in err and "Traceback" not in err
    time.sleep(0.5)
    assert not workers_of(env), "engine workers outlived the watch"
    assert sorted(path.name for path in out.iterdir()) == [
        "council-vote.chapters.json", "council-vote.html", "council-vote.mp3", "council-vote.srt", "council-vote.vtt"]


@pytest.mark.skipif(sys.platform != "linux", reason="sends SIGINT")
def test_watch_renders_a_good_save_even_when_another_article_saved_with_it_is_bad(tmp_path):
    stories = _two_stories(tmp_path)
    out = tmp_path / "out"
    run = _Watching(str(stories), "-o", str(out))
    try:
        run.next_line(run.stdout, "a.mp3")
        run.next_line(run.stdout, "b.mp3")
        run.next_line(run.stderr, "Watching 2 articles")
        (stories / "a.txt").write_text("Harbour Reopens\n\nThe harbour opened again on Tuesday.\n",
                                       encoding="utf-8")
        (stories / "b.txt").write_text("", encoding="utf-8")  # saved at once: usually seen in the same look
        assert "b.txt is empty" in run.next_line(run.stderr, "briefing:", timeout_s=30)
        run.next_line(run.stdout, "a.mp3", timeout_s=30)
        assert "tuesday" in heard_words(out / "a.vtt")
        assert "ten" in heard_words(out / "b.vtt"), "the last good version stays"
    finally:
        code, err = run.stop()
    assert code == 0, err
    assert "stopped watching" in err and "Traceback" not in err


def test_watch_refuses_standard_input_in_one_sentence():
    result = run_briefing("make", "-", "--watch", input=b"Title\n\nSome text.\n")
    assert_plain_error(result, ExitStatus.BAD_INPUT, "--watch", "standard input")


def test_the_watcher_sees_edits_new_articles_in_a_folder_and_saves_by_rename(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("One\n\nText.\n", encoding="utf-8")
    (tmp_path / "notes.log").write_text("not an article", encoding="utf-8")
    watcher = Watcher([str(tmp_path)])
    assert not watcher.changed()

    second.write_text("Two\n\nText.\n", encoding="utf-8")
    assert watcher.changed() == Changes(saved=[str(second)], removed=[])
    first.write_text("One\n\nText, longer.\n", encoding="utf-8")
    (tmp_path / "notes.log").write_text("changed, still not an article", encoding="utf-8")
    assert watcher.changed() == Changes(saved=[str(first)], removed=[])
    assert not watcher.changed()

    first.unlink()  # an editor saving by rename: gone for a moment, then back
    assert watcher.changed() == Changes(saved=[], removed=[str(first)])
    (tmp_path / "a.tmp").write_text("One\n\nText, saved by rename.\n", encoding="utf-8")
    (tmp_path / "a.tmp").rename(first)
    assert watcher.changed() == Changes(saved=[str(first)], removed=[])
    assert watcher.settled(str(first))


def test_a_watched_folder_emptied_for_a_moment_does_not_disturb_the_others(tmp_path):
    kept, emptied = tmp_path / "kept", tmp_path / "emptied"
    kept.mkdir()
    emptied.mkdir()
    (kept / "a.txt").write_text("One\n\nText.\n", encoding="utf-8")
    (emptied / "b.txt").write_text("Two\n\nText.\n", encoding="utf-8")
    watcher = Watcher([str(kept), str(emptied)])
    (emptied / "b.txt").unlink()
    assert watcher.changed() == Changes(saved=[], removed=[str(emptied / "b.txt")])
    (emptied / "b.txt").write_text("Two\n\nText, back.\n", encoding="utf-8")
    assert watcher.changed() == Changes(saved=[str(emptied / "b.txt")], removed=[])


@pytest.mark.skipif(sys.platform != "linux", reason="sends SIGINT")
def test_watch_with_combine_renders_the_whole_episode_again_when_one_story_changes(tmp_path):
    stories = _two_stories(tmp_path)
    out = tmp_path / "out"
    run = _Watching(str(stories), "-o", str(out), "--combine")
    try:
        episode = Path(run.next_line(run.stdout, ".mp3").split(" (")[0])
        run.next_line(run.stderr, "Watching 2 articles")
        vtt = episode.with_suffix(".vtt")
        assert "ten" in heard_words(vtt) and "midnight" not in heard_words(vtt)
        (stories / "b.txt").write_text("Library Extends Hours\n\nThe library now closes at midnight.\n",
                                       encoding="utf-8")
        assert Path(run.next_line(run.stdout, ".mp3", timeout_s=30).split(" (")[0]) == episode
        heard = heard_words(vtt)
        assert "midnight" in heard and "ten" not in heard and "harbour" in heard
        (stories / "b.txt").unlink()  # a story taken out of the folder is taken out of the episode
        run.next_line(run.stdout, ".mp3", timeout_s=30)
        heard = heard_words(vtt)
        assert "library" not in heard and "harbour" in heard and "one" in heard
    finally:
        code, err = run.stop()
    assert code == 0, err
