"""
Whole pages for anonymous visitors, answered before sessions, auth and django CMS.

django CMS's own page cache is read inside its page view, so each hit still
walks sessions, locale, CSRF, auth, two-factor, messages, the toolbar and URL
resolution, and its single version number is rewritten with a read-then-write
that can undo a concurrent publish. This middleware replaces it
(``CMS_PAGE_CACHE`` is off). It sits below the security, CSP and
Permissions-Policy middlewares, which still add their headers to every hit,
and below WhiteNoise, and above everything else: a hit is two cache round
trips and no SQL. django CMS's placeholder and menu caches stay on, so a miss
re-renders only what changed.

What is served from the cache: GET and HEAD of a django CMS page or the site
map by a visitor without a session cookie (anyone logged in, and the toolbar,
has one) and with no toolbar parameter in the query string. What is stored: a
200 from django CMS's page view or the site map for an anonymous user with the
toolbar off, setting no cookie but the language one, whose placeholders all
allow caching (plugins with ``cache = False`` or a cache expiry, like scheduled
notices, are honoured, as django CMS does) and declare no extra ``Vary``
headers. The key is the scheme, host and full path, which carries the region
prefix; unprefixed paths are always the default region, so ``Accept-Language``
and cookies do not change the content.

Freshness: the key also holds the generation and epoch counters of
delivery.invalidation, read once as the request starts. A page is stored only
if both are unchanged when its render is done; otherwise its render overlapped
a change, so it is not stored and the caches it filled are cleared
(``discard_render``). When the counters cannot be read (Redis down, see
core.cache_outage), pages are rendered from PostgreSQL and nothing is stored.
An entry lives at most ``PORTAL_PAGE_CACHE_SECONDS``, and never past the next moment
anything scheduled goes live or expires (delivery.schedule), wherever on the page it
is, even in a placeholder django CMS's cache answered; browsers get at most
``PORTAL_PAGE_BROWSER_SECONDS`` of ``max-age``. An entry keeps the ``Surrogate-Key`` and
edge lifetime delivery.edge_cache gave the response, so a hit says what the miss said.

Compression: each entry keeps a gzip copy made once when it is stored, sent to
clients that accept gzip (``Vary: Accept-Encoding``). Only these anonymous
pages are compressed here: they hold no secret, so BREACH has nothing to read,
while editors' pages carry CSRF tokens and stay uncompressed.
"""

import gzip
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from delivery import conf, edge_cache, schedule
from delivery.invalidation import discard_render, read_versions

# django CMS's page views, and the site map: it lists every page, so it changes exactly when
# they do (the same generation ends it), and uncached it costs 70-110 ms of queries.
CACHED_VIEWS = {"pages-root", "pages-details-by-slug", "django.contrib.sitemaps.views.sitemap"}
# Headers recomputed for every response rather than replayed from the entry.
RECOMPUTED = {"cache-control", "expires", "vary", "etag", "content-length", "content-encoding"}
# Vary values that cannot change an anonymous page: see the module docstring.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
TOOLBAR_PARAMETERS = {"toolbar_on", "toolbar_off", "persist", "edit", "structure", "preview"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
MIN_COMPRESS_LENGTH = 200


def lookup_allowed(request) -> bool:
    return (
        conf.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not TOOLBAR_PARAMETERS.intersection(request.GET)
    )


def entry_key(request, versions: tuple[int, int]) -> str:
    url = request.build_absolute_uri()  # validates the Host header first
    digest = hashlib.sha256(url.encode()).hexdigest()
    return "page-cache:page:{}:{}:{}".format(*versions, digest)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not lookup_allowed(request):
            return self.get_response(request)
        versions = read_versions()
        if versions is None:  # Redis is down: rendered from PostgreSQL, nothing stored
            return self.get_response(request)
        entry = cache.get(entry_key(request, versions))
        if entry is not None:
            return respond(request, entry, state="hit")
        # Entries end at the next go-live or expiry (below); past one, refresh first.
        versions = schedule.cross_passed_boundary(versions)
        key = entry_key(request, versions)
        response = self.get_response(request)
        ttl = cacheable_seconds(request, response)
        if ttl:
            ttl = schedule.seconds_to_boundary(versions, ttl)
        if not ttl:
            return response
        if read_versions() != versions:
            discard_render(request)
            return response
        entry = make_entry(response, ttl)
        cache.set(key, entry, ttl)
        return respond(request, entry, state="miss")


def cacheable_seconds(request, response, *, limit: int | None = None) -> int:
    """How long this response may be stored (at most `limit`, by default the page cache's
    lifetime), 0 if it must not be."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    toolbar = getattr(request, "toolbar", None)
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or match is None
        or match.url_name not in CACHED_VIEWS
        or user is None
        or user.is_authenticated
        or toolbar is None
        or toolbar.show_toolbar
        or toolbar.edit_mode_active
        or set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}
        or _vary(response) - HARMLESS_VARY
    ):
        return 0
    ttl = conf.PAGE_CACHE_SECONDS if limit is None else limit
    now = timezone.now()
    for placeholder in toolbar.content_renderer.get_rendered_placeholders():
        if placeholder.get_vary_cache_on(request):
            return 0
        ttl = min(ttl, placeholder.get_cache_expiration(request, now))
    return max(ttl, 0)


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


def make_entry(response, ttl: float) -> dict:
    body = response.content
    headers = [(k, v) for k, v in response.items() if k.lower() not in RECOMPUTED]
    compressed = None
    if len(body) >= MIN_COMPRESS_LENGTH:
        compressed = gzip.compress(body, compresslevel=6, mtime=0)
    return {
        "headers": headers,
        "vary": sorted(_vary(response) | {"cookie", "accept-encoding"}),
        "body": body,
        "gzip": compressed,
        "etag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
        "expires": time.time() + ttl,
        # Until when an edge cache in front may keep it (delivery.edge_cache).
        "edge_expires": getattr(response, "edge_expires", None),
    }


def respond(request, entry: dict, *, state: str) -> HttpResponse:
    """The same response for a hit and for the miss that stored it."""
    max_age = max(0, min(conf.PAGE_BROWSER_SECONDS, int(entry["expires"] - time.time())))
    if _etag_matches(request, entry["etag"]):
        response = HttpResponseNotModified()
    else:
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        use_gzip = entry["gzip"] and ACCEPTS_GZIP.search(accepted)
        body = entry["gzip"] if use_gzip else entry["body"]
        response = HttpResponse(b"" if request.method == "HEAD" else body)
        for name, value in entry["headers"]:
            response[name] = value
        if use_gzip:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(body))
    response["ETag"] = entry["etag"]
    response["Cache-Control"] = edge_cache.cache_control(max_age, entry.get("edge_expires"))
    response["X-Page-Cache"] = state
    patch_vary_headers(response, [v.title() for v in entry["vary"]])
    return response


def _etag_matches(request, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in wanted or etag.removeprefix("W/") in wanted
