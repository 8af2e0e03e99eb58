"""What many tests share: where the project and the corpus are, running the real CLI as a user would, what a
refusal must look like, the processes one run started, and a local web server. One copy of each; what a
listener would measure (words, transcripts, loudness, pitch) is in audio.py. Import them; never conftest."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


# -- what the corpus says about its own articles ----------------------------------------------------------------
# Tests take the names and phrases they expect from the corpus files, never write them down: no test names a
# person of the corpus (issue 13), and each still checks the same thing.

def corpus_gold(stem: str) -> dict:
    """The corpus's hand-made reading of article `stem`: its segments (kind, text, and each quote's speaker)."""
    return json.loads((CORPUS / f"{stem}.gold.json").read_text(encoding="utf-8"))


def corpus_segments(stem: str, kind: str) -> list[dict]:
    """The gold segments of article `stem` of one `kind` (title, headline, narration, quote), in order."""
    return [segment for segment in corpus_gold(stem)["segments"] if segment["kind"] == kind]


def corpus_paragraphs(stem: str) -> list[str]:
    """The paragraphs of the corpus's plain-text article `stem`, the title first, whitespace as one space."""
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def speakers_of(text: str) -> list[str | None]:
    """Who the segmenter says spoke each quote of `text` (an article written for the test), in order."""
    from briefing.read import parse_article
    from briefing.segment import segment

    return [s.speaker for s in segment(parse_article(text)).segments if s.kind == "quote"]


def rule_quotes_of(text: str) -> list[tuple[str | None, str | None]]:
    """Each quote's speaker and cue as the rules give them, before the learned ranker weighs in (which may find
    the same person by other means), with the article's own word lists, as segment() reads them."""
    from briefing.read import parse_article
    from briefing.segment import segment
    from briefing.segment.attribution import attribute
    from briefing.segment.patterns import languages_of, reading
    from briefing.segment.ranker import Ranker

    article = parse_article(text)
    with reading(languages_of(article.language, article.text)):
        attributed, _ = attribute(list(segment(article).segments), article.text, ranker=Ranker({}, overrides=set()))
    return [(s.speaker, s.cue) for s in attributed if s.kind == "quote"]


def rule_speakers_of(text: str) -> list[str | None]:
    """Each quote's speaker as the rules give it, before the learned ranker weighs in."""
    return [speaker for speaker, _ in rule_quotes_of(text)]


def run_briefing(*args: str, input: bytes | None = None, cwd: Path | None = None, env=None, timeout=300):
    """Run the real CLI the way a user would: `python -m briefing ...`."""
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=input, capture_output=True,
                          cwd=cwd, env=env, timeout=timeout)


PROGRESS_LINE = re.compile(r"(?:synthesising|encoding): \d+/\d+ \w+")


def assert_plain_error(result: subprocess.CompletedProcess, status: int, *fragments: str,
                       after_progress: bool = False) -> str:
    """What every refusal promises: exit `status`, one sentence on stderr containing each of `fragments`,
    and no traceback (`after_progress`: the progress lines of work done before the error may come first).
    Returns the sentence."""
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    if after_progress:
        lines = [line for line in lines if not PROGRESS_LINE.fullmatch(line)]
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in err, err
    return lines[0]


# -- the processes one run started ----------------------------------------------------------------------------

RUN_MARK = "BRIEFING_TEST_RUN"


def marked_env(base: dict | None = None) -> dict:
    """An environment for one run of `briefing`, with a mark that every process it starts inherits, even one
    orphaned after the run died. Another `briefing` on the machine (another test, a user's) has no such
    mark, so `workers_of` never counts its workers."""
    return {**(os.environ if base is None else base), RUN_MARK: uuid.uuid4().hex}


def workers_of(env: dict, script: str = "pyttsx3_worker.py") -> set[int]:
    """The pids of the live processes running `script` that the run given `env` started (Linux: /proc)."""
    mark = f"{RUN_MARK}={env[RUN_MARK]}".encode()
    found = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            running = script.encode() in (proc / "cmdline").read_bytes()
            if running and mark in (proc / "environ").read_bytes().split(b"\0"):
                found.add(int(proc.name))
        except OSError:  # ended meanwhile, or another user's
            continue
    return found


def ctrl_c(process: subprocess.Popen, timeout_s: float = 10) -> int:
    """Press Ctrl-C (SIGINT) on a running `briefing` and return its exit status; one that has not stopped
    within `timeout_s` is killed, so that a failing test leaves no process behind."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


# -- a web server ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def serving(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] =
            http.server.SimpleHTTPRequestHandler) -> Iterator[str]:
    """`folder` served over HTTP on 127.0.0.1, as a podcast host or a news site would; yields its address
    (no trailing slash). `handler_class`: a SimpleHTTPRequestHandler that answers otherwise (quietly, ranges)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
