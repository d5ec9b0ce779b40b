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
reverse proxy on the same host talks to it), GUNICORN_ACCESS_LOG ("-" for
stdout; off by default because core.request_log already logs each request).
"""

import os

bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that takes longer than this is stuck (a page renders in tens of ms).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a proxy that reuses connections; short enough not to hold workers.
keepalive = 5
# Recycle workers now and then, staggered, so a slow leak never takes all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the app once in the master: workers fork with it imported (faster start,
# shared memory). Database and cache connections are opened lazily, per worker.
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
