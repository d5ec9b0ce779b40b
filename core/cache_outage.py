"""
Redis down makes the site slower, never broken: the connection pool behind the cache.

django-redis's ``IGNORE_EXCEPTIONS`` (portal/settings.py) turns every failed
cache call into a miss or a skipped write, so pages render from PostgreSQL.
Three things it does not do, which this pool (django-redis's
``CONNECTION_POOL_CLASS`` option) adds:

- **Fail fast.** It tries to connect on every cache call. A refused
  connection costs 0.1 ms, but a host that does not answer (a network
  partition, a frozen VM) costs ``SOCKET_CONNECT_TIMEOUT`` on each of the
  dozens of calls a page render makes (a frozen Redis held one page over two
  minutes). After a failed connection this pool refuses at once for
  ``RETRY_SECONDS``, then tries again.
- **Log once.** Its own option (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``) logs
  every ignored call with a traceback, many times per request. This pool logs
  one warning when Redis goes away and one line when it is back, per process.
  (Errors Redis itself answers, such as out of memory, are ignored unlogged;
  /healthz reports them as "degraded".)
- **Say it is back.** Writes during the outage were dropped, the
  invalidations of a publish among them, so a Redis that kept its data would
  serve pages from before the publish. ``cache_reconnected`` is sent when a
  connection succeeds again (delivery empties the cache).
"""

import logging
import threading
import time

from django.dispatch import Signal
from redis.connection import ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Sent (by the process that noticed) when Redis answers again after an outage.
cache_reconnected = Signal()

RETRY_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class OutageAwareConnectionPool(ConnectionPool):
    """A redis-py pool that remembers an outage; one per process and Redis URL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._outage_lock = threading.Lock()
        self._down = False
        self._retry_at = 0.0

    def get_connection(self, *args, **kwargs):
        if self._down and time.monotonic() < self._retry_at:
            raise RedisConnectionError("Redis is unavailable; the next try is in a few seconds")
        try:
            connection = super().get_connection(*args, **kwargs)
        except UNREACHABLE as exc:
            self._went_down(exc)
            raise
        if self._down:
            self._came_back()
        return connection

    def _went_down(self, exc: BaseException) -> None:
        with self._outage_lock:
            first = not self._down
            self._down = True
            self._retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "Redis is unavailable (%s): serving without the cache, pages from "
                "PostgreSQL; retrying every %g s",
                exc,
                RETRY_SECONDS,
            )

    def _came_back(self) -> None:
        with self._outage_lock:
            was_down, self._down = self._down, False
        if was_down:
            logger.info("Redis is available again: emptying the cache written before")
            cache_reconnected.send(sender=type(self))
