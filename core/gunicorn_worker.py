"""
gunicorn's threaded (gthread) worker, recycled without resetting anyone's connection.

gunicorn recycles a worker after ``max_requests`` (portal/gunicorn.conf.py). Its own
gthread worker then stops at once: the keep-alive connections it holds are closed under
their clients, and one that sent a request at that moment gets a connection reset (an
API client without retries saw one; wrk counted 44 in 30 s at a recycle every 2,000
requests). Its main loop may also accept one more connection before it looks, and exit
without reading it.

This worker drains instead. At its last request it stops accepting (its listening
sockets leave its poller, so new connections go to the other workers or wait in the
listen queue for the replacement) and answers every further request on the connections
it holds with ``Connection: close``, so each client opens a fresh connection elsewhere
knowing this one ends. It exits when it holds no connection, or after the keep-alive
timeout, when gunicorn would have closed an idle connection anyway. gunicorn is pinned
to 23, whose ThreadWorker this extends.
"""

import sys
import time

from gunicorn.workers.gthread import ThreadWorker


class RecyclingThreadWorker(ThreadWorker):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # gunicorn's own limit (with its jitter) would stop the worker at once: it is ours now.
        self.recycle_after, self.max_requests = self.max_requests, sys.maxsize
        self.draining = False
        self.drain_deadline = None
        self.listening = True

    def handle_request(self, req, conn):
        # Runs in a request thread; the main loop (murder_keepalived) acts on the flag.
        if self.nr + 1 >= self.recycle_after and not self.draining:
            self.log.info("Recycling: draining this worker's connections after this request.")
            self.max_keepalived = 0  # every response from now on says Connection: close
            self.draining = True
        return super().handle_request(req, conn)

    def accept(self, server, listener):
        if self.alive and not self.draining:
            super().accept(server, listener)

    def murder_keepalived(self):
        """Called by the main loop at each turn: also where the drain is carried out."""
        super().murder_keepalived()
        if not self.draining:
            return
        if self.listening:
            for sock in self.sockets:
                self.poller.unregister(sock)
            self.listening = False
            self.drain_deadline = time.monotonic() + self.cfg.keepalive
        if self.nr_conns <= 0 or time.monotonic() >= self.drain_deadline:
            self.alive = False
