"""Settings of page delivery (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Whole anonymous pages from the shared cache (delivery.page_cache).
    "PAGE_CACHE": False,
    # How long a cached page may live; every change that shows on it ends it sooner.
    "PAGE_CACHE_SECONDS": 60,
    # How long browsers and proxies may reuse a page without asking again.
    "PAGE_BROWSER_SECONDS": 60,
    # An HTTP cache in front (delivery.edge_cache): how long it may keep a page
    # (s-maxage), since every change it shows is purged (delivery.edge_purge) ...
    "EDGE_SECONDS": 86400,
    # ... at this URL, None when there is no edge.
    "EDGE_PURGE_URL": None,
    # ... and once more this long after the first purge (0: never), for a page rendered
    # from the old rows just before the commit that reached the edge just after it.
    "EDGE_REPURGE_SECONDS": 2.0,
}

__getattr__ = app_settings(DEFAULTS)
