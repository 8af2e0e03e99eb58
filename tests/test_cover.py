"""Cover art as Apple Podcasts accepts it: square, 1400-3000 px, RGB, JPEG or PNG; converted with a note."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import assert_plain_error, run_briefing
from lxml import etree
from PIL import Image

from briefing.errors import ExitStatus

BASE = "https://podcasts.example.org/desk/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def _image(path: Path, size: tuple[int, int], mode: str = "RGB", fmt: str = "JPEG") -> Path:
    """A picture with a blue band at the top, a red one at the bottom and green in the middle."""
    width, height = size
    image = Image.new("RGB", size, (0, 160, 0))
    image.paste((0, 0, 200), (0, 0, width, height // 10))
    image.paste((200, 0, 0), (0, height - height // 10, width, height))
    image.convert(mode).save(path, fmt)
    return path


@pytest.fixture(scope="module")
def folder(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("covers")
    result = run_briefing("make", str(corpus / "greve.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out


def _published_cover(folder: Path, cover: Path):
    result = run_briefing("feed", str(folder), "--base-url", BASE, "--email", "desk@example.org",
                          "--cover", str(cover))
    assert result.returncode == 0, result.stderr.decode()
    channel = etree.parse(str(folder / "feed.xml")).getroot().find("channel")
    href = channel.find(f"{ITUNES}image").get("href")
    assert channel.find("image/url").text == href and href.startswith(BASE)
    return folder / href.rsplit("/", 1)[1], result.stderr.decode()


def test_a_small_landscape_jpeg_is_padded_and_enlarged(folder, tmp_path):
    published, said = _published_cover(folder, _image(tmp_path / "wide.jpg", (600, 400)))
    with Image.open(published) as image:
        assert image.format == "JPEG" and image.mode == "RGB" and image.size == (1400, 1400)
        top, middle = image.getpixel((700, 20)), image.getpixel((700, 700))
        assert top[2] > 150 and top[0] < 60  # padding takes the edge's blue, not black or white
        assert middle[1] > 120 and middle[0] < 60  # the picture itself is whole, in the middle
    assert published.suffix == ".jpg"
    assert "600×400" in said and "padded to a square" in said and "1400×1400" in said
    assert len(said.strip().splitlines()) == 1


def test_an_oversize_png_is_reduced_and_stays_png(folder, tmp_path):
    published, said = _published_cover(folder, _image(tmp_path / "huge.png", (4000, 4000), fmt="PNG"))
    with Image.open(published) as image:
        assert image.format == "PNG" and image.mode == "RGB" and image.size == (3000, 3000)
    assert "reduced" in said and "3000×3000" in said


def test_a_nearly_square_cmyk_jpeg_is_cropped_and_made_rgb(folder, tmp_path):
    published, said = _published_cover(folder, _image(tmp_path / "print.jpg", (2000, 1900), mode="CMYK"))
    with Image.open(published) as image:
        assert image.mode == "RGB" and image.size == (1900, 1900)
    assert "made RGB" in said and "cropped to a square" in said


def test_a_cover_that_fits_is_published_byte_for_byte(folder, tmp_path):
    original = _image(tmp_path / "fits.jpg", (1500, 1500))
    published, said = _published_cover(folder, original)
    assert published.read_bytes() == original.read_bytes() and said == ""


def test_a_transparent_png_is_laid_on_white():
    from briefing.cover import podcast_artwork

    clear = Image.new("RGBA", (1400, 1400), (0, 0, 0, 0))
    out = io.BytesIO()
    clear.save(out, "PNG")
    artwork = podcast_artwork(out.getvalue(), "clear.png")
    with Image.open(io.BytesIO(artwork.data)) as image:
        assert image.mode == "RGB" and image.getpixel((10, 10)) == (255, 255, 255)
    assert artwork.mime == "image/png" and "made RGB" in artwork.note


def test_a_file_that_is_no_image_is_one_sentence(folder, tmp_path):
    (tmp_path / "cover.png").write_text("hello", encoding="utf-8")
    result = run_briefing("feed", str(folder), "--base-url", BASE, "--email", "desk@example.org",
                          "--cover", str(tmp_path / "cover.png"))
    assert_plain_error(result, ExitStatus.BAD_INPUT, "not an image that can be read")
