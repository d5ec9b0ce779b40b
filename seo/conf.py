"""Settings of the SEO app (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # The public address of the site, scheme and host (no trailing slash).
    "SITE_URL": "http://127.0.0.1:8000",
    # The site's name: the Sites record, the toolbar, link previews and JSON-LD.
    "SITE_NAME": "Kyphon Balloon Kyphoplasty",
}

__getattr__ = app_settings(DEFAULTS)
