"""Cover art as podcast apps accept it: square, 1400 to 3000 pixels a side, RGB, JPEG or PNG (Apple's rules).

An image that already fits is used byte for byte; any other is converted with Pillow (cropped when little
is lost, else padded with its own edge colour; scaled into range; made RGB) and the note says what changed.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefing.errors import InputError
from briefing.files import atomic_path

SMALLEST_SIDE = 1400
LARGEST_SIDE = 3000
MOST_CROPPED = 0.10  # crop to a square when that cuts at most this share of the long side, else pad
JPEG_QUALITY = 90


@dataclass(frozen=True)
class Artwork:
    """Cover image bytes ready to embed or publish, and what was done to them ("" when nothing)."""

    data: bytes
    mime: str  # image/jpeg or image/png
    note: str = ""

    @property
    def suffix(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"


def bundled_cover() -> Artwork:
    return Artwork((resources.files("briefing") / "cover.png").read_bytes(), "image/png")


def cover_art(path: Path | None) -> dict:
    """The cover as Tags fields (`cover`, `cover_mime`) for the MP3, converted like the feed's cover."""
    artwork = load_cover(path)
    return {"cover": artwork.data, "cover_mime": artwork.mime}


def load_cover(path: Path | None) -> Artwork:
    """The cover at `path` (default: the bundled one), converted if podcast apps would refuse it as it is."""
    if path is None:
        return bundled_cover()
    try:
        stat = Path(path).stat()
    except OSError as error:
        raise InputError(f"Cannot read the cover image {path} ({error.strerror}); check the path.") from None
    return _converted(Path(path).resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _converted(path: Path, _mtime_ns: int, _size: int) -> Artwork:
    """Converted once per process (every episode of a `make` run embeds the same cover)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read the cover image {path} ({error.strerror}); check the path.") from None
    return podcast_artwork(data, str(path))


def podcast_artwork(data: bytes, name: str) -> Artwork:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return _fitted(image, data, name)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise InputError(f"The cover image {name} is not an image that can be read; give a PNG or JPEG "
                         "file.") from None


def _fitted(image, data: bytes, name: str) -> Artwork:
    width, height = image.size
    mime = {"PNG": "image/png", "JPEG": "image/jpeg"}.get(image.format or "")
    if width == height and SMALLEST_SIDE <= width <= LARGEST_SIDE and image.mode == "RGB" and mime:
        return Artwork(data, mime)
    changes, mode = [], image.mode
    if image.mode != "RGB":
        image = _rgb(image)
        changes.append("made RGB")
    if width != height:
        image, how = _squared(image)
        changes.append(how)
    side = min(max(image.width, SMALLEST_SIDE), LARGEST_SIDE)
    if side != image.width:
        from PIL import Image

        changes.append("enlarged" if side > image.width else "reduced")
        image = image.resize((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    keep_png = mime == "image/png"
    image.save(out, "PNG" if keep_png else "JPEG", quality=JPEG_QUALITY)
    if not mime:
        changes.append("stored as JPEG")
    note = (f"The cover image {name} ({width}×{height} px, {mode}) was {', '.join(changes)}: {side}×{side} px, "
            f"as Apple Podcasts asks (square, {SMALLEST_SIDE}–{LARGEST_SIDE} px, RGB, JPEG or PNG).")
    return Artwork(out.getvalue(), "image/png" if keep_png else "image/jpeg", note)


def _rgb(image):
    """RGB, with any transparency laid on white (apps show the cover on light and dark backgrounds alike)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _squared(image):
    """A square: the middle of the image when cropping loses little, else the whole image padded on each
    side with the mean colour of that side's edge (so a banner or a plain background simply runs on)."""
    from PIL import Image, ImageStat

    width, height = image.size
    long_side, short_side = max(width, height), min(width, height)
    if (long_side - short_side) / long_side <= MOST_CROPPED:
        left, top = (width - short_side) // 2, (height - short_side) // 2
        return image.crop((left, top, left + short_side, top + short_side)), "cropped to a square"
    x, y = (long_side - width) // 2, (long_side - height) // 2
    if width > height:
        edges = [((0, 0, width, 1), (0, 0, long_side, y)), ((0, height - 1, width, height),
                                                            (0, y + height, long_side, long_side))]
    else:
        edges = [((0, 0, 1, height), (0, 0, x, long_side)), ((width - 1, 0, width, height),
                                                             (x + width, 0, long_side, long_side))]
    square = Image.new("RGB", (long_side, long_side))
    for edge, band in edges:
        square.paste(tuple(round(v) for v in ImageStat.Stat(image.crop(edge)).mean[:3]), band)
    square.paste(image, (x, y))
    return square, "padded to a square"


def publish_cover(path: Path | None, folder: Path) -> tuple[Path, str]:
    """The cover written into the published folder, named by its content (Apple re-reads a cover only when
    its address changes), and the note on what was converted."""
    artwork = load_cover(path)
    target = folder / f"cover-{hashlib.sha256(artwork.data).hexdigest()[:12]}{artwork.suffix}"
    if not target.exists():
        with atomic_path(target) as temp:
            temp.write_bytes(artwork.data)
    return target, artwork.note
