"""Cover art for the MP3: the user's PNG or JPEG, or the bundled image."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from briefing.errors import InputError


def cover_art(path: Path | None) -> dict:
    """The cover as Tags fields (`cover`, `cover_mime`); a file that is not a PNG or JPEG is an InputError."""
    if path is None:
        return {"cover": (resources.files("briefing") / "cover.png").read_bytes(), "cover_mime": "image/png"}
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read the cover image {path} ({error.strerror}); check the path.") from None
    if data.startswith(b"\x89PNG"):
        return {"cover": data, "cover_mime": "image/png"}
    if data.startswith(b"\xff\xd8"):
        return {"cover": data, "cover_mime": "image/jpeg"}
    raise InputError(f"The cover image {path} is not a PNG or JPEG file; podcast apps accept only those.")
