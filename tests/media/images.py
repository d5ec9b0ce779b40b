"""Real image files for media tests, made with Pillow, and library entries made from them."""

import io
from pathlib import Path

from PIL import Image as PILImage

from media.library import import_image


def png_bytes(width: int = 800, height: int = 600, colour=(11, 110, 117)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def library_image(tmp_path: Path, name: str = "spine.png", *, folder: str = "Tests", **size):
    """A PNG in the media library, through the same checks an upload passes."""
    path = tmp_path / name
    path.write_bytes(png_bytes(**size))
    image, _created = import_image(path, folder=folder)
    return image


def files_under(root) -> dict[str, float]:
    """Every file below root with its modification time."""
    return {str(p): p.stat().st_mtime for p in Path(root).rglob("*") if p.is_file()}
