"""
What an HTTP cache in front of the app servers (Varnish, a CDN) may keep, said in headers.

Every response that passes the page cache is sorted into one of three kinds:

- **Cacheable**: a page delivery.page_cache would store (a django CMS page or the site
  map, for a visitor without a session, toolbar or cookie), whose render did not
  overlap a change. ``Cache-Control: public, max-age=<browser>, s-maxage=<edge>`` and
  ``Surrogate-Key`` naming what it was built from (delivery.surrogate_keys). The edge
  may keep it ``PORTAL_EDGE_SECONDS`` (a day), or only until the next moment anything
  scheduled goes live or expires (delivery.schedule), which no purge could announce;
  every other change purges it (delivery.edge_purge).
- **Never stored**: anything for an editor or anything that could be theirs: a logged-in
  user, a session cookie, the toolbar, a CSRF token used by the page, a cookie being
  set. ``Cache-Control: private, no-store`` (Django's never-cache headers), so neither
  the edge nor the browser keeps it.
- **Private**: the rest (the finder's and the site search's results, 404s, redirects,
  the API) unless it already says ``public``. ``Cache-Control: private``, so only the
  visitor's own browser may keep it.

The page cache replays the keys it stored with a page and rebuilds ``Cache-Control``
with ``cache_control`` below, so a page-cache hit says exactly what the miss said.
The middleware also notes the request being answered, so that a failed purge can tell
the editor whose publish triggered it (delivery.edge_purge).
"""

import time

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from delivery import conf, edge_purge, page_cache, schedule, surrogate_keys
from delivery.invalidation import read_versions


class EdgeCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        versions = read_versions()
        if versions is not None:  # before any render (a page cache miss did it already)
            versions = schedule.cross_passed_boundary(versions)
        token = edge_purge.current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            edge_purge.current_request.reset(token)
        label(request, response, versions)
        return response


def _may_be_cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not page_cache.TOOLBAR_PARAMETERS.intersection(request.GET)
    )


def label(request, response, versions) -> None:
    """Set the response's Cache-Control (and Surrogate-Key) for its kind."""
    if never_stored(request, response):
        add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
        return
    seconds = 0
    if _may_be_cacheable(request):
        seconds = page_cache.cacheable_seconds(request, response, limit=conf.EDGE_SECONDS)
    # A change committed while this page rendered: its purge may already have passed.
    if seconds:  # to the second: a go-live or expiry cannot be purged in advance
        seconds = schedule.seconds_to_boundary(versions, seconds)
    if seconds >= 1 and read_versions() == versions:
        response.edge_expires = time.time() + seconds  # kept by the page cache's entry
        response["Cache-Control"] = cache_control(
            min(conf.PAGE_BROWSER_SECONDS, int(seconds)), response.edge_expires
        )
        response["Surrogate-Key"] = " ".join(surrogate_keys.for_response(request))
    elif "public" not in response.get("Cache-Control", ""):
        patch_cache_control(response, private=True)


def never_stored(request, response) -> bool:
    user = getattr(request, "user", None)
    toolbar = getattr(request, "toolbar", None)
    return bool(
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or (user is not None and user.is_authenticated)
        or (toolbar is not None and (toolbar.show_toolbar or toolbar.edit_mode_active))
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        or set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}
    )


def cache_control(max_age: int, edge_expires: float | None) -> str:
    """Cache-Control of a cacheable page; without an edge expiry, for the browser only."""
    if edge_expires is None:
        return f"max-age={max_age}"
    return f"public, max-age={max_age}, s-maxage={max(0, int(edge_expires - time.time()))}"
