"""
Import physicians from a CSV file: the NPPES data dissemination file or the portal's own.

    python manage.py import_physicians npidata_pfile.csv [--skip-invalid]
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from physicians.importing import ImportFailed, ImportReport, import_physicians

PROGRESS_EVERY_SECONDS = 2.0


class Command(BaseCommand):
    help = (
        "Upsert physicians by NPI from an NPPES data dissemination CSV or the portal's CSV. "
        "All or nothing unless --skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file (NPPES or portal format, UTF-8)")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and report the invalid ones, instead of importing nothing.",
        )

    def handle(self, *args, path: str, skip_invalid: bool = False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        self._started = self._last = time.monotonic()
        try:
            # Binary: each line is decoded on its own, so a bad byte is reported on its line.
            with source.open("rb") as handle:
                report = import_physicians(
                    file=handle, skip_invalid=skip_invalid, progress=self._progress
                )
        except ImportFailed as exc:
            if exc.report is not None:
                self._write_errors(exc.report)
            raise CommandError(f"{source}: {exc}") from None
        except OSError as exc:
            raise CommandError(f"{source}: {exc.strerror or exc}") from None
        self._write_errors(report)
        rate = report.rows / max(report.seconds, 1e-9)
        # A large import refreshes PostgreSQL's planner statistics (physicians.table_statistics).
        statistics = f" Ran {report.statistics}." if report.statistics else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {source.name}: {report.summary()} "
                f"{report.seconds:.1f} s, {rate:,.0f} rows/s.{statistics}"
            )
        )

    def _progress(self, rows: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_SECONDS:
            self._last = now
            rate = rows / max(now - self._started, 1e-9)
            self.stdout.write(f"  {rows:,} rows read, {rate:,.0f} rows/s")

    def _write_errors(self, report: ImportReport) -> None:
        for line, reason in report.errors:
            self.stderr.write(f"  line {line}: {reason}")
        hidden = report.error_count - len(report.errors)
        if hidden:
            self.stderr.write(f"  ... and {hidden:,} more invalid rows")
