"""Never lose a word, never crash: hostile input gets a plain answer, odd encodings are read right."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from audio import decode, parse_vtt, words
from helpers import assert_plain_error, ctrl_c, marked_env, run_briefing, workers_of

from briefing.errors import ExitStatus


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def make_ok(article: Path, out: Path) -> list:
    result = run_briefing("make", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return parse_vtt(out / f"{article.stem}.vtt")


# -- refused, with nothing left behind ---------------------------------------------------------

def test_binary_input_is_refused(tmp_path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = run_briefing("make", str(blob), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "binary")
    assert files_in(tmp_path / "out") == []


def test_folder_with_no_articles_is_refused(tmp_path):
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "empty-folder" / "notes.odt").write_bytes(b"PK\x03\x04")  # a format not read
    result = run_briefing("make", str(tmp_path / "empty-folder"), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "no articles")
    assert files_in(tmp_path / "out") == []


def test_malformed_cast_names_file_and_line(tmp_path, corpus):
    cast = tmp_path / "cast.toml"
    cast.write_text('rate_wpm = 175\n\n[narrator]\nlanguage = "en-us"\npitch = = 3\n', encoding="utf-8")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(tmp_path / "out"), "--voices", str(cast))
    assert_plain_error(result, ExitStatus.BAD_INPUT, str(cast), "line 5")
    cast.write_text('[narrator]\nlanguage = "en-us"\n[headline]\nlanguage = "en-us"\n[quote]\n'
                    'language = "en-us"\npitch = 500\n', encoding="utf-8")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(tmp_path / "out"), "--voices", str(cast))
    assert_plain_error(result, ExitStatus.BAD_INPUT, str(cast), "line 7", "pitch")
    assert files_in(tmp_path / "out") == []


# -- read right -----------------------------------------------------------------------------

ARTICLE = "Café Owners Say “Déjà Vu”\n\nThe naïve plan costs €40, said Zoë Müller. “It’s fine,” she said.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_other_encodings_and_crlf_are_read_right(tmp_path, encoding):
    article = tmp_path / f"article-{encoding}.txt"
    article.write_bytes(ARTICLE.replace("\n", "\r\n").encode(encoding))
    cues = make_ok(article, tmp_path / "out")
    assert [w for c in cues for w in words(c.text)] == words(ARTICLE)


def test_control_characters_and_nuls_are_dropped_not_read(tmp_path):
    article = tmp_path / "noisy.txt"
    article.write_bytes(b"Noisy Title\n\nThe vote\x00 passed\x07 at last.\x1b\n")
    cues = make_ok(article, tmp_path / "out")
    text = " ".join(c.text for c in cues)
    assert words(text) == ["noisy", "title", "the", "vote", "passed", "at", "last"]
    assert not any(ch in text for ch in "\x00\x07\x1b")


def test_emoji_and_right_to_left_text_are_kept(tmp_path):
    article = tmp_path / "mixed.txt"
    body = "Good News 🎉\n\nThe festival opens today 🎶 and the sign reads مرحبا بكم في المدينة for visitors.\n"
    article.write_text(body, encoding="utf-8")
    cues = make_ok(article, tmp_path / "out")
    assert [w for c in cues for w in words(c.text)] == words(body)
    assert "مرحبا" in " ".join(c.text for c in cues)


def test_a_60000_character_line_without_punctuation_is_read_whole(tmp_path):
    vocabulary = ["river", "council", "housing", "morning", "engineer", "promise", "station", "weather"]
    body = " ".join(vocabulary[i % len(vocabulary)] + str(i % 7) for i in range(7000))[:60000].rsplit(" ", 1)[0]
    assert len(body) > 59_000 and not any(ch in body for ch in ".!?,;:")
    article = tmp_path / "long-line.txt"
    article.write_text("A Very Long Line\n\n" + body + "\n", encoding="utf-8")
    cues = make_ok(article, tmp_path / "out")
    assert [w for c in cues for w in words(c.text)] == words("A Very Long Line " + body)
    samples, rate = decode(tmp_path / "out" / "long-line.mp3")
    spoken_minutes = len(samples) / rate / 60
    assert len(body.split()) / 300 < spoken_minutes < len(body.split()) / 90  # 90-300 words a minute


def test_markup_in_the_text_is_read_as_text(tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text('Markup Test\n\nThe page said <speak><break time="10s"/></speak> and '
                       '<voice name="x">hello</voice> to everyone.\n', encoding="utf-8")
    cues = make_ok(article, tmp_path / "out")
    body = cues[-1]
    assert "<break time=" in body.text
    assert body.end - body.start < 9.0  # no ten-second break was obeyed


def test_output_names_come_from_the_file_not_the_article(tmp_path):
    article = tmp_path / "plain-name.txt"
    article.write_text("../../escape\n\nA short body that is read.\n", encoding="utf-8")
    make_ok(article, tmp_path / "out")
    assert files_in(tmp_path / "out") == [f"plain-name{s}" for s in (".chapters.json", ".html", ".mp3", ".srt", ".vtt")]
    assert not (tmp_path / "escape.mp3").exists()


def test_a_folder_in_the_way_of_an_output_file_is_one_sentence_and_leaves_nothing(tmp_path):
    article = tmp_path / "blocked.txt"
    article.write_text("Blocked\n\nA short body that is read.\n", encoding="utf-8")
    (tmp_path / "out" / "blocked.mp3").mkdir(parents=True)
    result = run_briefing("make", str(article), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "Cannot write", "blocked.mp3", "Is a directory")
    assert files_in(tmp_path / "out") == ["blocked.mp3"]
    assert files_in(tmp_path / "out" / "blocked.mp3") == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limit")
def test_running_out_of_room_while_tagging_is_a_no_room_error_and_leaves_nothing(tmp_path):
    """A file size limit stands in for a full disk: the audio fits, the tags (a big cover) do not. mutagen
    reports that as its own error, which must still become one sentence."""
    import resource

    from briefing.cache import Cache
    from briefing.encode import ChunkJob, encoded
    from briefing.errors import NoRoomError
    from briefing.export import Tags, write_mp3

    clip = tmp_path / "clip.pcm"
    clip.write_bytes(b"\x00\x10\x00\xf0" * 11025)
    chunk = encoded(ChunkJob(((0, clip),), 1.0, 22050), Cache(None, tmp_path))
    out = tmp_path / "out"
    out.mkdir()
    tags = Tags(title="Full", cover=bytes(300_000), cover_mime="image/png")
    limit = chunk.stat().st_size + 100_000
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel stops the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        with pytest.raises(NoRoomError, match=r"No room left to write .*full\.mp3 \(File too large\)"):
            write_mp3([chunk], out / "full.mp3", tags)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert files_in(out) == []


# -- interruption and concurrency -------------------------------------------------------------

def _long_article(tmp_path: Path, corpus: Path, copies: int = 15) -> Path:
    seed = (corpus / "putin-syria.txt").read_text(encoding="utf-8")
    body = seed.split("\n", 1)[1]
    article = tmp_path / "long.txt"
    article.write_text("Long Briefing\n" + body * copies, encoding="utf-8")
    return article


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("options", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_ctrl_c_stops_quickly_leaves_no_mp3_and_the_next_run_works(tmp_path, corpus, options):
    article = _long_article(tmp_path, corpus)
    out = tmp_path / "out"
    cache = tmp_path / "cache"
    env = marked_env(dict(os.environ, BRIEFING_CACHE_DIR=str(cache)))  # workers_of(env): this run's only
    process = subprocess.Popen([sys.executable, "-m", "briefing", "make", str(article), "-o", str(out), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while not (out.exists() and workers_of(env)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # well into synthesis
    assert process.poll() is None, "finished before it could be interrupted"
    interrupted_at = time.monotonic()
    code = ctrl_c(process)
    took = time.monotonic() - interrupted_at
    stopped = subprocess.CompletedProcess(process.args, code, process.stdout.read(), process.stderr.read())
    assert_plain_error(stopped, ExitStatus.INTERRUPTED, "interrupted", after_progress=True)
    assert took < 2.5, took
    assert [name for name in files_in(out) if name.endswith((".mp3", ".part", ".vtt", ".srt", ".json", ".html"))] == []
    time.sleep(0.5)
    assert workers_of(env) == set(), "engine workers outlived the interrupted run"
    kept = {path: path.stat().st_mtime_ns for path in cache.rglob("*.pcm")}
    assert bool(kept) == (not options), "what was synthesised before Ctrl-C is kept in the cache, if there is one"
    result = run_briefing("make", str(article), "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert files_in(out) == ["long.chapters.json", "long.html", "long.mp3", "long.srt", "long.vtt"]
    assert all(path.stat().st_mtime_ns == mtime for path, mtime in kept.items()), "cached clips were redone"
    assert len(parse_vtt(out / "long.vtt")) > len(list(cache.rglob("*.pcm")))  # repeated texts: one clip each


def test_two_renders_into_one_folder_end_with_one_valid_pair(tmp_path, corpus):
    article = tmp_path / "same.txt"
    article.write_text((corpus / "council-vote.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    results = []

    def render():
        results.append(run_briefing("make", str(article), "-o", str(out)))

    threads = [threading.Thread(target=render) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr.decode() for r in results]
    assert files_in(out) == ["same.chapters.json", "same.html", "same.mp3", "same.srt", "same.vtt"]
    samples, rate = decode(out / "same.mp3")
    cues = parse_vtt(out / "same.vtt")
    assert abs(len(samples) / rate - cues[-1].end) < 0.5
    assert [w for c in cues for w in words(c.text)] == words(article.read_text(encoding="utf-8"))
