"""Settings of the background jobs (see core.app_settings)."""

from django.conf import settings

from core.app_settings import app_settings

DEFAULTS = {
    # Uploaded import files wait here for the worker: outside MEDIA_ROOT, which is served.
    # The web processes and the worker must share it (one host, or a shared volume).
    "IMPORT_DIR": settings.BASE_DIR / "var" / "imports",
    # Times a job interrupted by a worker stopping is run again before it is marked failed.
    "IMPORT_ATTEMPTS": 2,
}

__getattr__ = app_settings(DEFAULTS)
