"""
gunicorn's threaded (gthread) worker without its race at recycling.

When a worker reaches ``max_requests``, the thread serving that request marks the worker
as leaving, but the worker's main loop goes on waiting on the listening socket and may
accept one more connection before it looks; it then exits without reading it, and the
client gets a connection reset (an API client without retries saw one under load). Here a
leaving worker accepts nothing: the connection waits in the listen queue for another
worker or the replacement. gunicorn is pinned to 23 (see portal/gunicorn.conf.py), whose
ThreadWorker this extends.
"""

from gunicorn.workers.gthread import ThreadWorker


class RecyclingThreadWorker(ThreadWorker):
    def accept(self, server, listener):
        if self.alive:
            super().accept(server, listener)
