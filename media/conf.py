"""Settings of the media library (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Largest upload of each kind, in MB: the error names the limit.
    "MEDIA_MAX_IMAGE_MB": 10,
    "MEDIA_MAX_VIDEO_MB": 200,
    "MEDIA_MAX_CAPTIONS_MB": 1,
    # Widths of the renditions made for each image (never wider than the original).
    "MEDIA_RENDITION_WIDTHS": [320, 480, 640, 960, 1280],
}

__getattr__ = app_settings(DEFAULTS)
