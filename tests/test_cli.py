"""The command line a newcomer meets: help, version, stdin, and plain errors with nothing left behind."""

from __future__ import annotations

import os
import shutil
import sys

from helpers import run_briefing

from briefing import __version__


def test_version_and_help():
    version = run_briefing("--version")
    assert version.returncode == 0 and version.stdout.decode().strip() == f"briefing {__version__}"
    helped = run_briefing("--help").stdout.decode()
    for command in ("make", "script", "voices"):
        assert command in helped
    make_help = run_briefing("make", "--help").stdout.decode()
    for option in ("--output", "--voices", "--rate"):
        assert option in make_help


def test_installed_entry_point_works_too():
    script = shutil.which("briefing", path=os.path.dirname(sys.executable))
    assert script, "the `briefing` command is not installed beside this Python"
    import subprocess

    result = subprocess.run([script, "--version"], capture_output=True)
    assert result.returncode == 0 and __version__ in result.stdout.decode()


def test_stdin_article_becomes_briefing_mp3(tmp_path):
    article = "A Short Test\n\nThe council met on Monday. “We are ready,” said Jane Doe.\n".encode()
    result = run_briefing("make", "-", "-o", str(tmp_path), input=article)
    assert result.returncode == 0, result.stderr.decode()
    expected = [f"briefing{suffix}" for suffix in (".chapters.json", ".html", ".mp3", ".srt", ".vtt")]
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


def _assert_plain_error(result, code: int, *fragments: str):
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for fragment in fragments:
        assert fragment in err, err


def test_missing_file_is_exit_2_with_one_sentence(tmp_path):
    result = run_briefing("make", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    _assert_plain_error(result, 2, "There is no file called", "nope.txt")
    assert not (tmp_path / "out").exists()


def test_empty_article_is_refused_and_nothing_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n \t\n", encoding="utf-8")
    result = run_briefing("make", str(empty), "-o", str(tmp_path / "out"))
    _assert_plain_error(result, 2, "is empty")
    assert not (tmp_path / "out").exists()


def test_unknown_voice_in_cast_is_an_error_with_close_matches(tmp_path, corpus):
    text = (tmp_path / "cast.toml")
    text.write_text('[narrator]\nlanguage = "en-uss"\n[headline]\nlanguage = "en-us"\n'
                    '[quote]\nlanguage = "en-us"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(out), "--voices", str(text))
    _assert_plain_error(result, 2, "en-uss", "Close matches")
    assert not out.exists() or not any(out.iterdir())


def test_unwritable_output_folder_is_refused(tmp_path, corpus):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(blocker / "out"))
    _assert_plain_error(result, 2, "output folder")
