"""
gunicorn settings for `make serve` and production (gunicorn -c portal/gunicorn.conf.py portal.wsgi).

Threaded workers (gthread): one process per CPU core, each with a few
threads. Requests are short (a cached page is two Redis round trips), but sync
workers close the connection after every response, and a client or proxy
opening a fresh connection per request collides with the server's TIME_WAIT
sockets under load: measured on loopback, 1 in 20 requests then waited a full
second for a SYN retransmit. gthread keeps connections alive, and its threads
overlap the waits on PostgreSQL and Redis. gunicorn is pinned to 23: from 24
on, gthread hands each new connection to a thread before its request arrives,
and with 100 visitors whose connections open before their first request (as
browsers' preconnects do) 1 request in 20 waited up to a second; 23 waits for
requests in its poller (p99 28 ms in the same test). Scale by adding processes
here and app servers behind the load balancer.

Environment: WEB_CONCURRENCY (workers, default 2), GUNICORN_THREADS (per
worker, default 4), PORT (default 8000), BIND (default 127.0.0.1:$PORT; a
reverse proxy on the same host talks to it), GUNICORN_MAX_REQUESTS (requests
before a worker is recycled, default 50000; 0 never), GUNICORN_ACCESS_LOG ("-"
for stdout; off by default because core.request_log already logs each request).
"""

import logging
import os
import sys

bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "core.gunicorn_worker.RecyclingThreadWorker"  # gthread, minus a race
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that takes longer than this is stuck (a page renders in tens of ms).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a proxy that reuses connections; short enough not to hold workers.
keepalive = 5
# Recycle workers now and then, staggered, so a slow leak never takes all at once. A
# recycle cost a worker 0.4-1 s of serving at full load (measured, depending on the load),
# and now 0.1-0.35 s with when_ready, worker_exit and RecyclingThreadWorker below (the rest
# is the new worker's first touches of the memory it shares with the master). Every 50,000
# requests that is about 1% of a worker serving 1,800 cached pages a second, the most
# measured, and a worker lives about half an hour at ordinary traffic (README, *Measured*).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# gunicorn answers longer request lines with a bare 400 of its own; up to its maximum
# they reach core.request_limits, which answers over-long queries with the portal's 400.
limit_request_line = 8190
limit_request_field_size = 8190
# Load the app once in the master, and warm it there (when_ready): workers fork with it
# imported and built (faster start, shared memory). Database and cache connections are
# opened lazily, per worker.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Client, request line, status, bytes, duration in ms, referrer, user agent.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
errorlog = "-"
# Only the local proxy may set X-Forwarded-* for gunicorn itself.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    if workers > 1 and not os.environ.get("REDIS_URL"):
        server.log.warning(
            "REDIS_URL is not set: each worker keeps its own cache, so the page cache is off "
            "and other cached content may lag edits by up to a minute. Set REDIS_URL."
        )


def when_ready(server):
    """In the master, once, before the first fork: see core.warmup."""
    if not server.cfg.preload_app:
        return
    from core.warmup import warm
    from portal.wsgi import application  # already imported by preload_app

    try:
        warm(application)
    except Exception:  # never stop the site from starting: workers build what they need
        server.log.exception("Warm-up failed")


def worker_exit(server, worker):
    """A worker that ends cleanly (recycled, or on shutdown) skips the interpreter's teardown.

    Freeing a worker's whole heap object by object (the app, django CMS, the ZIP index)
    took 160 ms, during which the master had not yet started its replacement. Requests
    are done and the log flushed by then; the database is told goodbye, and the operating
    system closes the rest. Any other exit keeps gunicorn's code, which the master reads.
    """
    exiting = sys.exc_info()[1]
    if isinstance(exiting, SystemExit) and exiting.code in (0, None):
        from django.db import connections

        connections.close_all()
        logging.shutdown()
        os._exit(0)
