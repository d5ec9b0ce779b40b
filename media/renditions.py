"""
Responsive renditions of library images: WebP, with the original format as fallback.

Each width is made once by easy-thumbnails and kept: the file under
``filer_public_thumbnails/`` and a row in its ``Thumbnail`` table. Asking again
finds the file (on local storage it compares modification times) and makes
nothing, so a page-cache miss costs a lookup, not an image encode. Renditions
are asked for only when a plugin renders, and django CMS's placeholder cache
keeps the HTML, so most requests never get here.
"""

from dataclasses import dataclass

from easy_thumbnails.files import get_thumbnailer

from . import conf

# Pillow format of the original -> the fallback's file extension and MIME type.
FALLBACKS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}


@dataclass(frozen=True)
class Renditions:
    src: str  # the fallback at the largest width, for browsers without srcset
    webp_srcset: str
    fallback_srcset: str
    fallback_type: str
    width: int  # intrinsic size of the largest rendition: the browser reserves the space
    height: int


def widths_for(original_width: int, max_width: int) -> list[int]:
    """The configured widths below what the layout and the original allow, and that limit."""
    limit = min(original_width, max_width)
    widths = [w for w in conf.MEDIA_RENDITION_WIDTHS if w < limit]
    return [*widths, limit]


def _thumbnailer(image, extension: str):
    thumbnailer = get_thumbnailer(image)
    thumbnailer.thumbnail_extension = extension
    thumbnailer.thumbnail_transparency_extension = extension
    thumbnailer.thumbnail_preserve_extensions = False
    return thumbnailer


def _srcset(files) -> str:
    return ", ".join(f"{f.url} {f.width}w" for f in files)


def renditions(image, *, max_width: int) -> Renditions | None:
    """WebP and fallback renditions of a filer image for a slot at most max_width px wide.

    None when the file is missing or unreadable (the template then shows nothing).
    """
    if image is None or not image.width:
        return None
    extension, mime = FALLBACKS.get(_format(image), FALLBACKS["PNG"])
    widths = widths_for(int(image.width), max_width)
    webp, fallback = _thumbnailer(image, "webp"), _thumbnailer(image, extension)
    try:
        webp_files = [webp.get_thumbnail({"size": (w, 0)}) for w in widths]
        fallback_files = [fallback.get_thumbnail({"size": (w, 0)}) for w in widths]
    except (OSError, ValueError):
        return None
    largest = fallback_files[-1]
    return Renditions(
        src=largest.url,
        webp_srcset=_srcset(webp_files),
        fallback_srcset=_srcset(fallback_files),
        fallback_type=mime,
        width=largest.width,
        height=largest.height,
    )


def _format(image) -> str:
    name = (image.file.name or "").lower()
    return "JPEG" if name.endswith((".jpg", ".jpeg")) else "PNG"
