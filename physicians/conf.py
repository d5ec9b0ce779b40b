"""Settings of the physician finder (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Searches one visitor address may make, in django-ratelimit's syntax ("60/m").
    "SEARCH_RATE": "60/m",
}

__getattr__ = app_settings(DEFAULTS)
