"""
Apphook changes reach every app server at its next request, without a restart.

django CMS mounts an apphook's URLs (the physician finder's, say) when a
process builds its URL patterns. When an editor attaches, detaches or moves
an apphook, django CMS writes a new revision to its ``UrlconfRevision`` row,
and its ``ApphookReloadMiddleware`` reads that row on every request to notice.
That is a query on every request the page cache does not answer.

This middleware keeps the same revision in the shared cache (Redis in
production), so the check is one cache read. The revision is copied to the
cache when django CMS announces a change (``urls_need_reloading``, connected
in ``DeliveryConfig.ready``); when the cache has lost it, the first request
reads the row once and puts it back with ``add``, so a stale read can never
overwrite a newer revision written meanwhile. A process whose own revision
differs rebuilds its URL patterns, under a lock so its threads do it once.
The page cache is emptied with each new revision, so no page rendered with
the old patterns is served after it.

It sits below the page cache: a cached page needs no URL patterns.
"""

import threading

from cms.signals import apphook as apphook_signals
from cms.signals import urls_need_reloading
from cms.utils import apphook_reload
from django.core.cache import cache
from django.core.signals import request_finished

from delivery.invalidation import refresh_pages

CACHE_KEY = "apphooks:urlconf-revision"
_reload_lock = threading.Lock()


def published_revision() -> str:
    """The revision every process should be serving: from the cache, else the database."""
    revision = cache.get(CACHE_KEY)
    if revision is None:
        revision = apphook_reload.get_global_revision()
        if not cache.add(CACHE_KEY, revision, timeout=None):
            revision = cache.get(CACHE_KEY, revision)
    return revision


def share_revision(**kwargs) -> None:
    """After django CMS records a new revision in the database, let every process see it.

    Then every cached page is dropped: one rendered with the old patterns
    between the editor's save and this signal must not outlive it.
    """
    cache.set(CACHE_KEY, apphook_reload.get_global_revision(), timeout=None)
    refresh_pages()


def announce_change() -> None:
    """Announce apphook changes made outside a request (a command, a test's setup).

    django CMS defers its announcement to the end of the request that made
    the change; where there is no request, it would wait for an unrelated one.
    """
    request_finished.disconnect(dispatch_uid=apphook_signals.DISPATCH_UID)
    urls_need_reloading.send(sender=None)


def ensure_current(revision: str) -> None:
    if apphook_reload.get_local_revision() == revision:
        return
    with _reload_lock:
        local = apphook_reload.get_local_revision()
        if local is None:
            # This process built its patterns from the database as it started.
            apphook_reload.set_local_revision(revision)
        elif local != revision:
            apphook_reload.reload_urlconf(new_revision=revision)


def update_url_patterns() -> None:
    """Rebuild this process's URL patterns if an apphook changed since they were built."""
    ensure_current(published_revision())


class ApphookReloadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        update_url_patterns()
        return self.get_response(request)
