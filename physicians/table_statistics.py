"""
Fresh planner statistics after a large import (PostgreSQL only).

An import that rewrites many rows leaves two things stale until autovacuum
comes round, which on a large table can be hours: the statistics the planner
estimates with, and the visibility map. The finder counts its results with an
index-only scan, and every page the map no longer marks all-visible costs a
heap fetch: after 10% of rows changed, a count went from 0 to 44,154 heap
fetches and from 9 ms to 83 ms (issue 17; `python -m benchmarks.import_stats`).

So after an import that changed at least MIN_CHANGED_ROWS rows, the physician
tables get `VACUUM (ANALYZE)`. VACUUM visits only the pages the visibility map
does not already mark all-visible, so its cost follows what the import changed,
not the table's size; below the threshold autovacuum's own schedule is enough.
VACUUM cannot run inside a transaction: when the import was called inside one
(a test, a caller's atomic block), ANALYZE alone is run.
"""

from django.db import connection

from physicians.models import Physician

MIN_CHANGED_ROWS = 1000


def refresh_after_import(*, changed_rows: int) -> str:
    """Refresh statistics if the import changed enough rows; returns what was run, or ""."""
    if connection.vendor != "postgresql" or changed_rows < MIN_CHANGED_ROWS:
        return ""
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    tables = [Physician._meta.db_table, Physician.specialties.through._meta.db_table]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {', '.join(quote(table) for table in tables)}")
        # History only grows: fresh statistics, and nothing for VACUUM to reclaim.
        cursor.execute(f"ANALYZE {quote(Physician.history.model._meta.db_table)}")
    return command
