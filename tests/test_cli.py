"""The command line a newcomer meets: help, version, stdin, plain errors with nothing left behind (and a full
traceback on request), how long each briefing lasts, and progress in a log."""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import sys

import pytest
import typer
from helpers import ROOT, assert_plain_error, run_briefing

from briefing import __version__, cli
from briefing.errors import BriefingError, ExitStatus


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


def test_missing_file_is_exit_2_with_one_sentence(tmp_path):
    result = run_briefing("make", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "There is no file called", "nope.txt")
    assert not (tmp_path / "out").exists()


def test_empty_article_is_refused_and_nothing_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n \t\n", encoding="utf-8")
    result = run_briefing("make", str(empty), "-o", str(tmp_path / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "is empty")
    assert not (tmp_path / "out").exists()


def test_unknown_voice_in_cast_is_an_error_with_close_matches(tmp_path, corpus):
    text = (tmp_path / "cast.toml")
    text.write_text('[narrator]\nlanguage = "en-uss"\n[headline]\nlanguage = "en-us"\n'
                    '[quote]\nlanguage = "en-us"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(out), "--voices", str(text))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "en-uss", "Close matches")
    assert not out.exists() or not any(out.iterdir())


def test_unwritable_output_folder_is_refused(tmp_path, corpus):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(blocker / "out"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "output folder")


def test_script_of_a_folder_says_it_reads_one_article_and_names_one(tmp_path, corpus):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "council-vote.txt").write_bytes((corpus / "council-vote.txt").read_bytes())
    result = run_briefing("script", str(folder))
    sentence = assert_plain_error(result, ExitStatus.BAD_INPUT, str(folder), "council-vote.txt")
    assert "no articles" not in sentence


# -- exit statuses and --traceback -------------------------------------------------------------------------------

def test_every_exit_status_is_explained_in_the_readme():
    assert (ExitStatus.OK, ExitStatus.FAILURE, ExitStatus.BAD_INPUT, ExitStatus.INTERRUPTED) == (0, 1, 2, 130)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unexplained = [status for status in ExitStatus if status and not re.search(rf"\b{int(status)} \(", readme)]
    assert not unexplained, f"README.md does not say what these exit codes mean: {unexplained}"


def test_traceback_shows_the_whole_story_before_the_sentence(tmp_path):
    result = run_briefing("--traceback", "make", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    err = result.stderr.decode()
    assert result.returncode == ExitStatus.BAD_INPUT, err
    assert err.startswith("Traceback (most recent call last):") and "InputError" in err, err
    assert err.strip().splitlines()[-1].startswith("briefing: There is no file called"), err
    assert not (tmp_path / "out").exists()


def _error_in_cli(error: BaseException, show_traceback: bool, capsys) -> tuple[int, str]:
    """What the CLI's one error handler makes of `error`: the exit status and stderr."""
    cli._Session.show_traceback = show_traceback
    try:
        with pytest.raises(typer.Exit) as ended, cli._plain_errors():
            raise error
    finally:
        cli._Session.show_traceback = False
    return ended.value.exit_code, capsys.readouterr().err


@pytest.mark.parametrize(("error", "status", "sentence"), [
    (BriefingError("The engine stopped."), ExitStatus.FAILURE, "briefing: The engine stopped."),
    (KeyboardInterrupt(), ExitStatus.INTERRUPTED, "briefing: interrupted; nothing was written."),
    (OSError(28, "No space left on device"), ExitStatus.FAILURE,
     "briefing: No room left to write (No space left on device); free some space, or write somewhere else."),
    (KeyError("voice"), ExitStatus.FAILURE, "briefing: unexpected error (KeyError: 'voice'); run again as "
     "`briefing --traceback ...` to see where, and please report it if it is a bug."),
])
def test_every_error_is_one_sentence_and_a_named_exit_status(capsys, error, status, sentence):
    code, err = _error_in_cli(error, False, capsys)
    assert (code, err) == (status, sentence + "\n")
    code, err = _error_in_cli(error, True, capsys)
    assert code == status
    assert err.startswith("Traceback (most recent call last):") and err.endswith(sentence + "\n"), err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limit")
def test_a_full_disk_is_a_failure_not_bad_input_and_leaves_nothing(tmp_path):
    """A file size limit stands in for a full disk: each clip and encoded part fits, the MP3 does not."""
    import resource
    import signal
    import subprocess

    article = tmp_path / "full.txt"
    article.write_text("Short Title\n\n" + "".join(f"Boat {n} sails.\n\n" for n in range(80)), encoding="utf-8")
    limit = 300_000  # bytes: more than a clip or a part (at most about 30 s), less than the MP3 (100 s)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "briefing", "make", str(article), "-o", str(out),
                             "--no-cache"], capture_output=True, preexec_fn=limited, timeout=300)
    assert_plain_error(result, ExitStatus.FAILURE, "No room left to write", "full.mp3", "File too large",
                       after_progress=True)
    assert not out.exists() or not list(out.iterdir())


# -- what make prints ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0:00"), (0.4, "0:00"), (0.5, "0:00"), (0.6, "0:01"), (59.4, "0:59"), (59.5, "1:00"), (61, "1:01"),
    (599, "9:59"), (600, "10:00"), (3599, "59:59"), (3599.5, "1:00:00"), (3600, "1:00:00"), (3661, "1:01:01"),
    (5099.33, "1:24:59"), (36000, "10:00:00"), (90061, "25:01:01"),
])
def test_duration_text(seconds, text):
    assert cli.duration_text(seconds) == text


def _progress_lines(total: int, seconds_each: float, terminal: bool = False, stage: str = "synthesising",
                    runs: int = 1, stop_at: int | None = None) -> list[tuple[float, str]]:
    """The progress lines of `runs` renders of `total` steps taking `seconds_each`, with the time of each;
    each render but the last fails after `stop_at` steps, if given."""
    now = [0.0]
    progress = cli.ProgressLines(terminal=terminal, clock=lambda: now[0])
    stderr, lines = io.StringIO(), []
    real_stderr, sys.stderr = sys.stderr, stderr
    try:
        for run in range(runs):
            for done in range(1, (stop_at if stop_at and run < runs - 1 else total) + 1):
                now[0] += seconds_each
                before = stderr.tell()
                progress(stage, done, total)
                if stderr.tell() != before:
                    lines.append((now[0], stderr.getvalue()[before:]))
    finally:
        sys.stderr = real_stderr
    return lines


@pytest.mark.parametrize("total", [20, 21, 37, 100, 1000, 12_345])
def test_progress_in_a_log_comes_at_every_tenth(total):
    lines = _progress_lines(total, 0.001)
    done = [int(line.split(": ")[1].split("/")[0]) for _, line in lines]
    assert [done * 10 // total for done in done] == list(range(1, 11))  # one line per tenth, the last at 100 %
    assert done[-1] == total and lines[-1][1] == f"synthesising: {total}/{total} segments\n"


def test_slow_progress_in_a_log_comes_at_least_every_ten_seconds_without_flooding():
    lines = _progress_lines(1000, 0.9)  # 15 minutes of work, reported from the first step on (at 0.9 s)
    times = [0.9] + [time for time, _ in lines]
    assert max(b - a for a, b in itertools.pairwise(times)) <= 10.0 + 0.9
    assert len(lines) <= 900 / 10 + 10 + 1


def test_progress_starts_afresh_for_the_next_render_and_keeps_stages_apart():
    assert len(_progress_lines(50, 0.001, runs=3)) == 30
    after_a_failed_render = [line for _, line in _progress_lines(50, 0.001, runs=2, stop_at=45)]
    assert after_a_failed_render[9:] == [f"synthesising: {5 * n}/50 segments\n" for n in range(1, 11)]
    assert [line for _, line in _progress_lines(40, 0.001, stage="encoding")][:2] == [
        "encoding: 4/40 parts\n", "encoding: 8/40 parts\n"]


def test_progress_on_a_terminal_is_one_live_counter_and_small_jobs_show_none():
    lines = [line for _, line in _progress_lines(25, 0.001, terminal=True)]
    assert lines[0] == "\rsynthesising: 1/25 segments" and len(lines) == 25
    assert lines[-1] == "\rsynthesising: 25/25 segments\n"
    assert _progress_lines(19, 1.0) == [] and _progress_lines(3, 1.0, stage="encoding") == []
