"""Rebuild the site search index from what is published now. Safe while the site serves."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from search.indexing import rebuild

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Index every published page (title and rendered text) for site search, and remove "
        "entries of pages no longer published. Needed once after installing search, and after "
        "changes made with the raw ORM; publishing keeps the index current otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only index published pages that have no entry yet.",
        )

    def handle(self, *args, missing: bool = False, **options):
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if done % PROGRESS_EVERY == 0 or done == total:
                rate = done / max(time.perf_counter() - started, 1e-9)
                self.stdout.write(f"  indexed {done}/{total} pages ({rate:.0f} pages/s)")

        def failed(content, exc) -> None:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            self.stderr.write(
                f"  error: page {content.page_id} ({content.language}), title only: {reason}"
            )

        try:
            report = rebuild(missing_only=missing, on_progress=progress, on_error=failed)
        except DatabaseError as exc:
            raise CommandError(f"Search index not rebuilt: {' '.join(str(exc).split())}") from exc
        seconds = time.perf_counter() - started
        summary = (
            f"Search index: {report.indexed} pages indexed, {report.removed} stale entries "
            f"removed, {len(report.failed)} rendering errors, in {seconds:.1f}s."
        )
        self.stdout.write(
            self.style.WARNING(summary) if report.failed else self.style.SUCCESS(summary)
        )
