"""
What an HTTP cache in front of the app servers (Varnish, a CDN) may keep, said in headers.

Every response that passes the page cache is sorted into one of three kinds:

- **Cacheable**: a page delivery.page_cache would store (a django CMS page or the site
  map, for a visitor without a session, toolbar or cookie), whose render did not
  overlap a change. ``Cache-Control: public, max-age=<browser>, s-maxage=<edge>`` and
  ``Surrogate-Key`` naming what it was built from (delivery.surrogate_keys). The edge
  may keep it ``PORTAL_EDGE_SECONDS`` (a day), or only until the next moment any
  scheduled content starts or ends (``next_scheduled_change``); every other change
  purges it (delivery.edge_purge).
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
from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from delivery import conf, edge_purge, page_cache, surrogate_keys
from delivery.invalidation import read_versions
from pages.models import ScheduledContent


class EdgeCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        versions = read_versions() if _may_be_cacheable(request) else None
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
    if seconds:
        seconds = min(seconds, next_scheduled_change(versions))
    if seconds and read_versions() == versions:
        response.edge_expires = time.time() + seconds  # kept by the page cache's entry
        response["Cache-Control"] = cache_control(
            min(conf.PAGE_BROWSER_SECONDS, seconds), response.edge_expires
        )
        response["Surrogate-Key"] = " ".join(surrogate_keys.for_response(request))
    elif "public" not in response.get("Cache-Control", ""):
        patch_cache_control(response, private=True)


def next_scheduled_change(versions) -> int:
    """Seconds until any scheduled content starts or ends, at most PORTAL_EDGE_SECONDS.

    The page's own placeholders cannot tell: those django CMS's placeholder cache
    answered are not listed as rendered, so a footer notice starting tomorrow would not
    bound a page rendered today. Read once per publish (the key holds the page cache's
    counters) and again once that moment has passed; drafts' dates count too, which
    only ends some edge copies early.
    """
    key = f"edge:next-scheduled-change:{versions}"
    moment = cache.get(key)  # a timestamp, 0 when nothing is scheduled
    if moment is None or 0 < moment <= time.time():
        now = timezone.now()
        found = ScheduledContent.objects.aggregate(
            start=Min("display_from", filter=Q(display_from__gt=now)),
            end=Min("display_until", filter=Q(display_until__gt=now)),
        )
        future = [t.timestamp() for t in found.values() if t is not None]
        moment = min(future, default=0)
        cache.set(key, moment, conf.EDGE_SECONDS)
    if not moment:
        return conf.EDGE_SECONDS
    return max(1, min(conf.EDGE_SECONDS, int(moment - time.time())))


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
