"""Signals core sends for other apps to act on (core imports no app)."""

from django.dispatch import Signal

# A backup was restored into the database: whatever was cached from the database before is
# stale, in every process (delivery empties the page cache and django CMS's caches).
# Sent with manifest=, the backup's manifest.
database_restored = Signal()
