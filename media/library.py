"""Writes to the media library from code (the demo loader): the same checks as uploads."""

import io
import mimetypes
from pathlib import Path

from django.core.files import File as DjangoFile
from filer.models import Folder, Image
from filer.validation import validate_upload


def folder_at(path: str) -> Folder:
    """The folder at "A/B", created as needed."""
    parent = None
    for name in [part for part in path.split("/") if part]:
        parent, _ = Folder.objects.get_or_create(name=name, parent=parent)
    return parent


def import_image(
    source: Path, *, folder: str, owner=None, alt_text: str = "", caption: str = ""
) -> tuple[Image, bool]:
    """Add an image file to the library once: (image, created). Idempotent by folder and
    file name. It passes the upload checks an editor's upload passes (type by content,
    size, metadata stripped), which ``Image.objects.create`` alone would skip."""
    target = folder_at(folder)
    existing = Image.objects.filter(folder=target, original_filename=source.name).first()
    if existing is not None:
        return existing, False
    data = io.BytesIO(source.read_bytes())
    mime_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    validate_upload(source.name, data, owner, mime_type)
    data.seek(0)
    image = Image(
        file=DjangoFile(data, name=source.name),
        original_filename=source.name,
        owner=owner,
        folder=target,
        default_alt_text=alt_text,
        default_caption=caption,
    )
    image.full_clean()
    image.save()
    return image, True
