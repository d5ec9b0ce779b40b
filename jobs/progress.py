"""
How a running import tells the rest of the portal about itself (PostgreSQL).

The import is one transaction, so rows it writes are invisible until it
commits, and so would be progress written through the same connection. The
runner therefore opens a second connection of its own, in autocommit, and:

- writes rows_done there, at most every PROGRESS_EVERY_SECONDS, where the
  status page sees it at once;
- holds a session advisory lock on the job there for the whole run. The lock
  dies with the connection, so a worker killed by a restart or the OOM killer
  lets it go, and jobs.recovery can tell an interrupted job from a running one
  whichever worker it asks from.

SQLite has neither a second writer during a transaction nor advisory locks:
there progress appears when the job ends, which in development (the immediate
backend, inside the upload request) is all anyone sees anyway.
"""

import time

from django.db import DEFAULT_DB_ALIAS, connection, connections

from jobs.models import ImportJob

# First key of the advisory lock: this portal's import jobs (the second is the job's id).
LOCK_SPACE = 17_001
PROGRESS_EVERY_SECONDS = 1.0


def live_progress_supported() -> bool:
    return connection.vendor == "postgresql"


class ProgressChannel:
    """Context manager: the job's lock while open; call it with the rows read so far."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.side = None
        self._last = float("-inf")

    def __enter__(self) -> "ProgressChannel":
        if live_progress_supported():
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.side.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_SPACE, self.job.pk])
        return self

    def __call__(self, rows: int) -> None:
        now = time.monotonic()
        if self.side is None or now - self._last < PROGRESS_EVERY_SECONDS:
            return
        self._last = now
        table = connection.ops.quote_name(ImportJob._meta.db_table)
        with self.side.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET rows_done = %s WHERE id = %s", [rows, self.job.pk])

    def __exit__(self, *exc_info) -> None:
        if self.side is not None:
            self.side.close()  # ends the session, and with it the lock


def runner_alive(job: ImportJob) -> bool | None:
    """Whether some process holds the job's lock: None where that cannot be known (SQLite)."""
    if not live_progress_supported():
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, job.pk])
        (free,) = cursor.fetchone()
        if free:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, job.pk])
    return not free
