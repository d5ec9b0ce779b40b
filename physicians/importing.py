"""
Import physicians from a CSV file: the command line and the admin both call
`import_physicians`.

The file is read as a stream and written in batches, so memory stays flat for
the full NPPES file (millions of rows). Each batch is compared with what is
stored and only new or changed physicians are written, so importing the same
file twice changes nothing. The whole import is one transaction: a file with
bad rows changes nothing unless `skip_invalid` is set, in which case the good
rows are saved and the bad ones reported.

NPPES deactivations unlist the physician, with the date in its history; a
later reactivation is applied but leaves them unlisted, because listing again
is a data manager's decision (physicians.import_batches). After a large import
the planner statistics are refreshed (physicians.table_statistics).
"""

import csv
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction

from physicians.csv_formats import (
    NPPES,
    NPPES_REQUIRED,
    PORTAL_COLUMNS,
    PORTAL_REQUIRED,
    Deactivation,
    Record,
    RowError,
    Skip,
    parse_nppes,
    parse_portal,
)
from physicians.csv_lines import Lines
from physicians.import_batches import save_batch
from physicians.models import Physician, Specialty
from physicians.table_statistics import refresh_after_import

BATCH_SIZE = 1000
MAX_REPORTED_ERRORS = 1000


class ImportFailed(Exception):
    """Nothing was imported; the message says why in one line."""

    def __init__(self, reason: str, report: "ImportReport | None" = None):
        super().__init__(reason)
        self.report = report


@dataclass
class ImportReport:
    format: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    reactivated: int = 0
    skipped: Counter = field(default_factory=Counter)
    errors: list[tuple[int, str]] = field(default_factory=list)
    error_count: int = 0
    saved: bool = False
    seconds: float = 0.0
    # What was done to keep PostgreSQL's planner statistics fresh, e.g. "VACUUM (ANALYZE)".
    statistics: str = ""

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deactivated + self.reactivated

    def add_error(self, line: int, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append((line, reason))

    def summary(self) -> str:
        skipped = ", ".join(f"{count:,} {reason}" for reason, count in sorted(self.skipped.items()))
        parts = [
            f"{self.rows:,} rows read ({self.format} format)",
            f"{self.created:,} created, {self.updated:,} updated, {self.unchanged:,} unchanged",
            f"{self.deactivated:,} deactivated in NPPES (unlisted), "
            f"{self.reactivated:,} reactivated (left unlisted)",
            f"{sum(self.skipped.values()):,} skipped" + (f" ({skipped})" if skipped else ""),
            f"{self.error_count:,} invalid",
        ]
        return "; ".join(parts) + "."


def import_physicians(
    *,
    file: Iterable[bytes] | Iterable[str],
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
    user=None,
    before_commit: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Upsert physicians by NPI from a CSV file in NPPES or portal format.

    Each created or changed physician gets a history entry naming the import
    and `user` (the admin's uploader; none for the command). Pass the file
    opened in binary mode, so that a bad byte is reported on its own line
    (csv_lines); text lines are read as they come. `before_commit` is called
    with the report inside the import's transaction, so that what it writes (a
    job's outcome) commits with the physicians or not at all.
    """
    started = time.monotonic()
    lines = Lines(file)
    reader = csv.reader(lines)
    report = ImportReport()
    try:
        with transaction.atomic():
            _import(reader, lines, report, skip_invalid=skip_invalid, progress=progress, user=user)
            if report.error_count and not skip_invalid:
                raise ImportFailed(
                    f"{report.error_count:,} invalid rows, so nothing was imported "
                    "(fix them, or import the rest with --skip-invalid)",
                    report,
                )
            report.saved = True
            if before_commit:
                before_commit(report)
    except UnicodeDecodeError:  # a file opened as text: where is unknown (see csv_lines)
        raise ImportFailed("the file is not UTF-8 text") from None
    except csv.Error as exc:
        raise ImportFailed(f"line {reader.line_num}: not valid CSV ({exc})") from None
    report.statistics = refresh_after_import(changed_rows=report.changed)
    report.seconds = time.monotonic() - started
    return report


def _import(reader, lines: Lines, report: ImportReport, *, skip_invalid, progress, user) -> None:
    header = [name.strip() for name in next(reader, [])]
    bad_header = lines.problem(1, reader.line_num)
    if bad_header:
        raise ImportFailed("line {}: the header {}".format(*bad_header))
    parse, columns = _detect_format(header, report)
    specialty_codes = set(Specialty.objects.values_list("code", flat=True))
    parse = partial(parse, specialty_codes=specialty_codes)
    batch: dict[str, tuple[int, Record | Deactivation]] = {}
    line = reader.line_num
    for row in reader:
        first_line, line = line + 1, reader.line_num
        if not row:
            continue
        report.rows += 1
        bad_line = lines.problem(first_line, line)
        if bad_line:
            report.add_error(*bad_line)
            continue
        try:
            if len(row) != len(header):
                raise RowError(f"has {len(row)} fields but the header has {len(header)}")
            result = parse({key: row[index] for key, index in columns.items()})
            if isinstance(result, Skip):
                report.skipped[result.reason] += 1
                continue
            if isinstance(result, Record):
                _check_lengths(result)
            if result.npi in batch:
                raise RowError(f"NPI {result.npi} is also on line {batch[result.npi][0]}")
        except RowError as exc:
            report.add_error(first_line, str(exc))
            continue
        batch[result.npi] = (first_line, result)
        if len(batch) >= BATCH_SIZE:
            _save(batch, report, write=skip_invalid or not report.error_count, user=user)
            batch = {}
            if progress:
                progress(report.rows)
    _save(batch, report, write=skip_invalid or not report.error_count, user=user)
    if progress:
        progress(report.rows)


def _detect_format(header: list[str], report: ImportReport):
    """The parser and {key: column index} for this header, or ImportFailed."""
    positions = {name: index for index, name in enumerate(header)}
    if "NPI" in positions and "Entity Type Code" in positions:
        missing = [NPPES[key] for key in NPPES_REQUIRED if NPPES[key] not in positions]
        report.format = "NPPES"
        columns = {key: positions[name] for key, name in NPPES.items() if name in positions}
        parse = parse_nppes
    elif "npi" in positions:
        missing = [name for name in PORTAL_REQUIRED if name not in positions]
        report.format = "portal"
        columns = {name: positions[name] for name in PORTAL_COLUMNS if name in positions}
        parse = parse_portal
    else:
        raise ImportFailed(
            "unknown format: the header has neither NPPES columns (NPI, Entity Type Code, ...) "
            "nor the portal's (npi, first_name, last_name, ...)"
        )
    if missing:
        raise ImportFailed(f"{report.format} file is missing columns: {', '.join(missing)}")
    return parse, columns


def _check_lengths(record: Record) -> None:
    for name, value in record.fields.items():
        limit = Physician._meta.get_field(name).max_length
        if limit and len(value) > limit:
            raise RowError(f"{name} is longer than {limit} characters")


def _save(batch, report: ImportReport, *, write: bool, user) -> None:
    """Write a batch, unless an invalid row already means nothing will be imported."""
    if batch and write:
        save_batch(batch, report, user=user)
