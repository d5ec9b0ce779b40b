"""Settings of page delivery (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Whole anonymous pages from the shared cache (delivery.page_cache).
    "PAGE_CACHE": False,
    # How long a cached page may live; every change that shows on it ends it sooner.
    "PAGE_CACHE_SECONDS": 60,
    # How long browsers and proxies may reuse a page without asking again.
    "PAGE_BROWSER_SECONDS": 60,
}

__getattr__ = app_settings(DEFAULTS)
