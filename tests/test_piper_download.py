"""`briefing voices download NAME` against a local HTTP server that serves a stand-in voice the way Piper's
voice list does (voices.json with each file's size and md5 digest, files under language/name/quality/)."""

from __future__ import annotations

import hashlib
import http.server
import json
import os

import pytest
from helpers import assert_plain_error, run_briefing, serving

pytest.importorskip("piper", reason="the Piper extra is not installed (pip install -e '.[test,piper]')")

from piper_standin import build_voice

from briefing.engines.piper_voices import download_voice, find_voices
from briefing.errors import BriefingError, ExitStatus, InputError

KEY = "en_US-standin-low"
FOLDER = "en/en_US/standin/low"


def _publish(root, damaged: bool = False, digest: str = "md5") -> None:
    """A voice list in Piper's published format, with the stand-in voice's three files."""
    build_voice(root / FOLDER, KEY, speakers=2)
    (root / FOLDER / "MODEL_CARD").write_text("* License: CC-BY-4.0\n", encoding="utf-8")
    files = {}
    for name in (f"{KEY}.onnx", f"{KEY}.onnx.json", "MODEL_CARD"):
        data = (root / FOLDER / name).read_bytes()
        files[f"{FOLDER}/{name}"] = {"size_bytes": len(data),
                                     f"{digest}_digest": hashlib.new(digest, data + b"x" * damaged).hexdigest()}
    voices = {KEY: {"key": KEY, "name": "standin", "quality": "low", "num_speakers": 2, "speaker_id_map": {},
                    "language": {"code": "en_US", "family": "en", "region": "US", "name_english": "English"},
                    "files": files, "aliases": ["en-us-standin-low"]}}
    (root / "voices.json").write_text(json.dumps(voices), encoding="utf-8")


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "published"
    root.mkdir()
    with serving(root, _QuietHandler) as base:
        yield root, base


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _env(url: str, voices) -> dict:
    return dict(os.environ, BRIEFING_VOICES_URL=url, BRIEFING_VOICES=str(voices))


def test_a_voice_is_downloaded_verified_and_then_listed(server, tmp_path):
    root, url = server
    _publish(root)
    voices = tmp_path / "voices"
    result = run_briefing("voices", "download", KEY, env=_env(url, voices))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == str(voices / f"{KEY}.onnx")
    assert result.stderr.decode().splitlines()[-1].startswith(f"downloading {KEY}: 100% of 0.0 MB")
    assert sorted(p.name for p in voices.iterdir()) == [f"{KEY}.MODEL_CARD", f"{KEY}.onnx", f"{KEY}.onnx.json"]
    assert (voices / f"{KEY}.onnx").read_bytes() == (root / FOLDER / f"{KEY}.onnx").read_bytes()
    (found,) = find_voices([voices], packages=False)
    assert (found.key, found.language, len(found.speakers), found.licence) == (KEY, "en-us", 2, "CC-BY-4.0")


def test_download_reports_progress_up_to_the_whole_size_and_checks_sha256_too(server, tmp_path):
    root, url = server
    _publish(root, digest="sha256")
    seen = []
    download_voice("en-us-standin-low", tmp_path / "voices", url, lambda name, done, total: seen.append((done, total)))
    total = sum(p.stat().st_size for p in (root / FOLDER).iterdir())
    assert seen[-1] == (total, total) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert (tmp_path / "voices" / f"{KEY}.onnx").exists()


def test_a_damaged_download_is_one_sentence_and_leaves_no_file(server, tmp_path):
    root, url = server
    _publish(root, damaged=True)
    voices = tmp_path / "voices"
    result = run_briefing("voices", "download", KEY, env=_env(url, voices))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[-1] == (
        f"briefing: The download of {KEY}.onnx is damaged (its md5 checksum does not match Piper's voice list); "
        "try again.")
    assert not list(voices.iterdir())


def test_an_unknown_voice_names_close_matches_and_an_unreachable_list_is_one_sentence(server, tmp_path):
    root, url = server
    _publish(root)
    with pytest.raises(InputError, match=r"no voice called 'en_US-standin-lo'\. Close matches: en_US-standin-low"):
        download_voice("en_US-standin-lo", tmp_path, url)
    result = run_briefing("voices", "download", KEY, env=_env("http://127.0.0.1:9", tmp_path / "voices"))
    message = assert_plain_error(result, ExitStatus.FAILURE)
    assert message.startswith("briefing: Cannot reach Piper's voice list at http://127.0.0.1:9/voices.json (")
    with pytest.raises(BriefingError):
        download_voice(KEY, tmp_path, "http://127.0.0.1:9")
