import mimetypes

from django.apps import AppConfig


class MediaConfig(AppConfig):
    """The media library (django-filer) and the image, video and sequence plugins."""

    name = "media"
    verbose_name = "Media"

    def ready(self):
        # filer decides a file's type by its name before the checks look at its content;
        # these names must map the same way on every machine (mime.types differ).
        for type_, extension in (("text/vtt", ".vtt"), ("image/webp", ".webp")):
            mimetypes.add_type(type_, extension)
        from . import uploads

        uploads.connect()
