"""
Upload checks for the media library, run by filer on every upload (FILER_ADD_FILE_VALIDATORS).

filer decides a file's type by its name only; these checks look at the content, so a
file named ``.png`` is a PNG, within the size allowed for its kind, and photos lose their
metadata (filer's ``strip_exif`` runs after ``apply_exif_orientation``) without ending up
sideways. Each check has filer's validator signature and refuses with a
``FileValidationError`` whose one-line message names the file: filer's uploader shows it
as is, and the change form shows it as a form error.
"""

import math
import warnings

from django.db.models.signals import pre_save
from filer.models import File as FilerFile
from filer.models import Image as FilerImage
from filer.validation import FileValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

from . import conf

MB = 1024 * 1024
# The type the name claims -> Pillow's name for that format, and how editors call it.
IMAGE_FORMATS = {
    "image/png": ("PNG", "PNG"),
    "image/jpeg": ("JPEG", "JPEG"),
    "image/webp": ("WEBP", "WebP"),
    "image/gif": ("GIF", "GIF"),
}
WEBM_MAGIC = b"\x1a\x45\xdf\xa3"  # EBML header


def _size_limit(mime_type: str) -> tuple[str, int]:
    if mime_type == "text/vtt":
        return "caption files", conf.MEDIA_MAX_CAPTIONS_MB
    if mime_type.startswith("video/"):
        return "videos", conf.MEDIA_MAX_VIDEO_MB
    return "images", conf.MEDIA_MAX_IMAGE_MB


def check_size(file_name, file, owner, mime_type):
    """filer has no server-side size limit (its uploader's limit is only in the browser)."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    kind, limit_mb = _size_limit(mime_type)
    if size > limit_mb * MB:
        # Rounded up, so a file just over the limit never reads as "10.0 MB; at most 10 MB".
        shown = math.ceil(size * 10 / MB) / 10
        raise FileValidationError(
            f'File "{file_name}" is {shown} MB; {kind} may be at most {limit_mb} MB.'
        )


def _open(file_name, file) -> Image.Image:
    """Open with Pillow, treating a decompression bomb's warning as a refusal too."""
    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(file)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise FileValidationError(
                f'File "{file_name}" has more pixels than can be processed safely (at most '
                f"{Image.MAX_IMAGE_PIXELS:,}): make it smaller and upload it again."
            ) from None
        except (UnidentifiedImageError, OSError):
            raise FileValidationError(f'File "{file_name}" is not an image.') from None


def check_image(file_name, file, owner, mime_type):
    """The content is an image of the format its name claims, complete and safe to decode."""
    image = _open(file_name, file)
    expected, shown = IMAGE_FORMATS.get(mime_type, (None, None))
    if expected and image.format != expected:
        raise FileValidationError(
            f'File "{file_name}" is not a {shown} image (its content is {image.format}).'
        )
    damaged = FileValidationError(
        f'File "{file_name}" is damaged or incomplete: save it again and upload the new copy.'
    )
    try:
        image.verify()  # checksums and structure, without decoding the pixels
        _open(file_name, file).load()  # verify() leaves the image unusable: decode a new one
    except FileValidationError:
        raise
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, struct.error...)
        raise damaged from None
    finally:
        file.seek(0)


def apply_exif_orientation(file_name, file, owner, mime_type):
    """Turn the pixels as the EXIF Orientation says: strip_exif, next, drops the tag unturned."""
    image = _open(file_name, file)
    if image.getexif().get(0x0112, 1) in (None, 1):
        file.seek(0)
        return
    image_format, icc_profile = image.format, image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    options = {"format": image_format}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format in ("JPEG", "WEBP"):
        options["quality"] = 90
    file.seek(0)
    file.truncate()
    upright.save(file, **options)
    file.seek(0)


def check_video(file_name, file, owner, mime_type):
    """MP4 starts with an ftyp box, WebM with the EBML header: anything else will not play."""
    file.seek(0)
    head = file.read(12)
    file.seek(0)
    if mime_type == "video/mp4" and head[4:8] != b"ftyp":
        raise FileValidationError(f'File "{file_name}" is not an MP4 video.')
    if mime_type == "video/webm" and head[:4] != WEBM_MAGIC:
        raise FileValidationError(f'File "{file_name}" is not a WebM video.')


def check_captions(file_name, file, owner, mime_type):
    """Browsers ignore a captions track that is not UTF-8 WebVTT, silently."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileValidationError(
            f'File "{file_name}" is not UTF-8 text: save the captions as UTF-8 and upload again.'
        ) from None
    first_line = text.splitlines()[0] if text else ""
    if first_line != "WEBVTT" and not first_line.startswith(("WEBVTT ", "WEBVTT\t")):
        raise FileValidationError(
            f'File "{file_name}" is not a WebVTT captions file (it must start with WEBVTT).'
        )


def refresh_file_data(sender, instance, raw=False, **kwargs):
    """Size, sha1 and dimensions of the file as stored, not as uploaded.

    filer's upload view measures the upload before the checks above run; after one
    rewrote it (strip_exif, apply_exif_orientation) the row would describe the original.
    """
    if raw or not instance.file or getattr(instance.file, "_committed", True):
        return
    upload = instance.file.file
    upload.seek(0, 2)
    upload.size = upload.tell()  # an UploadedFile's size is fixed when it arrives
    upload.seek(0)
    instance.file_data_changed()


def connect():
    for model in (FilerFile, FilerImage):
        pre_save.connect(refresh_file_data, sender=model, dispatch_uid=f"media-{model.__name__}")
