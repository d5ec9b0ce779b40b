"""Helpers for media tests: a demo-sized illustration, and what is on disk under MEDIA_ROOT."""

from pathlib import Path

from tests import factories


def illustration(name: str = "spine.png", *, width: int = 800, height: int = 600):
    """A library image the size of the demo's illustrations (renditions need the width)."""
    return factories.library_image(name, data=factories.png_bytes(width, height))


def files_under(root) -> dict[str, float]:
    """Every file below root with its modification time."""
    return {str(p): p.stat().st_mtime for p in Path(root).rglob("*") if p.is_file()}
