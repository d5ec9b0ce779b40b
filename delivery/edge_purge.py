"""
Purging the edge: the surrogate keys a change made stale, sent once the change is committed.

delivery.invalidation names the keys of each change (delivery.surrogate_keys); this
module sends them to ``PORTAL_EDGE_PURGE_URL`` (``EDGE_PURGE_URL``) as one HTTP request,
``PURGE`` with a ``Surrogate-Key`` header listing them, as deploy/varnish/portal.vcl
expects. With no URL (no edge) nothing is sent.

- **After the commit.** Before it, the edge could fetch the page again from an app
  server that still reads the old rows, and keep it. Each change's keys go out in one
  request, after the page cache's own refresh for that change has run.
- **Twice.** A render that read the old rows just before the commit can reach the
  edge a few milliseconds after the purge (renders that overlap a publish are sent
  ``private``, which leaves only that short gap). The same keys are purged once more
  ``EDGE_REPURGE_SECONDS`` later, from a timer thread, so nothing stale outlives it.
- **Retried, then logged.** A refused connection, a timeout or an error status is
  tried ``ATTEMPTS`` times in all. Each failure is logged; when all fail the change
  still stands (it is committed) and the editor who made it gets an error message in
  the admin naming what may stay stale, and until when.
"""

import http.client
import logging
import threading
import time
from contextvars import ContextVar
from functools import partial
from urllib.request import Request, urlopen

from django.contrib import messages
from django.db import transaction

from delivery import conf

logger = logging.getLogger(__name__)

ATTEMPTS = 3
PAUSES_SECONDS = (0.2, 0.5)  # before the second and the third attempt
TIMEOUT_SECONDS = 2.0
# The request being answered, so a failed purge can tell its editor
# (set by delivery.edge_cache.EdgeCacheMiddleware; None in commands and shells).
current_request = ContextVar("edge_purge_request", default=None)


def purge_after_commit(keys) -> None:
    """Purge these keys at the edge once the current transaction commits (now, if none)."""
    if not conf.EDGE_PURGE_URL or not keys:
        return
    keys = sorted(set(keys))
    if _already_waiting(keys):  # publishing one version also archives the last one
        return
    # robust: an unexpected error is logged, never turned into a failed publish.
    transaction.on_commit(partial(_purge_or_tell, keys), robust=True)


def _already_waiting(keys: list[str]) -> bool:
    """The same purge already waits for this commit.

    Safe to rely on: a savepoint it was registered in is either released already, or
    still open around this call, so a rollback that drops it drops this change too.
    """
    return any(
        getattr(callback, "func", None) is _purge_or_tell and callback.args == (keys,)
        for _savepoints, callback, _robust in transaction.get_connection().run_on_commit
    )


def _purge_or_tell(keys: list[str]) -> None:
    url = conf.EDGE_PURGE_URL
    if not purge(keys, url):
        _tell_editor(keys)
    _purge_again_later(keys, url)


def _purge_again_later(keys: list[str], url: str) -> None:
    """Purge the same keys once more after a short delay, off the request's thread."""
    delay = conf.EDGE_REPURGE_SECONDS
    if delay <= 0:
        return
    timer = threading.Timer(delay, purge, args=(keys, url))
    timer.daemon = True  # a worker that exits meanwhile does not wait for it
    timer.start()


def purge(keys, url: str | None = None) -> bool:
    """Send one purge naming `keys` to `url` (the configured one if None); True on 2xx."""
    url = url or conf.EDGE_PURGE_URL
    named = " ".join(keys)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            _send(url, named)
        except (OSError, http.client.HTTPException) as error:  # URLError is an OSError
            logger.warning(
                "Edge purge of %s at %s failed (attempt %d of %d): %s",
                named,
                url,
                attempt,
                ATTEMPTS,
                error,
            )
            if attempt < ATTEMPTS:
                time.sleep(PAUSES_SECONDS[attempt - 1])
        else:
            logger.info("Edge purged %s", named)
            return True
    logger.error(
        "Edge purge of %s at %s failed %d times: the edge may serve these pages stale "
        "for up to %d seconds (s-maxage)",
        named,
        url,
        ATTEMPTS,
        conf.EDGE_SECONDS,
    )
    return False


def _send(url: str, named: str) -> None:
    request = Request(url, method="PURGE", headers={"Surrogate-Key": named})
    with urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        response.read()


def _tell_editor(keys) -> None:
    request = current_request.get()
    if request is None or getattr(request, "_edge_purge_failed", False):
        return  # no editor to tell, or told already
    request._edge_purge_failed = True
    hours = max(1, round(conf.EDGE_SECONDS / 3600))
    messages.error(
        request,
        f"The change is saved, but the edge cache could not be told to forget the pages it "
        f"holds ({', '.join(keys)}): visitors may see the old version there for up to "
        f"{hours} hours. Tell your site operator; the failure is in the log.",
        fail_silently=True,
    )
