"""
Planner statistics after a large import: what a count query costs when the
visibility map and statistics are stale, and after the import's VACUUM (ANALYZE).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        python -m benchmarks.import_stats --rows 200000

Imports --rows synthetic NPPES physicians (NPIs starting with 4, which the
registry does not issue), lists them and vacuums: the fresh state. Then it
imports a revised file that changes --changed of the rows with the refresh
switched off (stale), and runs the refresh the import would run (refreshed).
In each state it counts the listed physicians within 100 miles of five dense
origins with EXPLAIN (ANALYZE, BUFFERS) and reports heap fetches and the median
time of --repeat runs. Autovacuum is off for the physician tables while it runs,
so that it cannot tidy up between the steps. It deletes its rows at the end and
refuses a database that holds other physicians.
"""

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.results_file import write_result

MILES = 100
ORIGIN_ZIPS = ("10001", "60601", "90012", "55401", "77002")
NPI_PREFIX = "4"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--changed", type=float, default=0.10, help="share of rows revised")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median counts")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return _fail("set DATABASE_URL to a scratch PostgreSQL database")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    import django

    django.setup()
    from django.core.management import call_command

    from physicians.models import Physician

    call_command("migrate", verbosity=0)
    if Physician.objects.exclude(npi__startswith=NPI_PREFIX).exists():
        return _fail("the database holds other physicians: use a scratch database")
    try:
        result = run(args)
        path = write_result("import-stats", result)
    finally:
        _delete_rows()
        _autovacuum(True)
    for state, figures in result["states"].items():
        _say(
            f"{state:>10}: {figures['heap_fetches']:>8,} heap fetches, "
            f"count p50 {figures['count_ms_p50']:.1f} ms"
        )
    command = result["refresh"]["command"] or "none: too few rows changed"
    _say(f"refresh ({command}): {result['refresh']['seconds']:.2f} s")
    _say(f"wrote {path}")
    return 0


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _fail(reason: str) -> int:
    sys.stderr.write(reason + "\n")
    return 2


def run(args) -> dict:
    from django.db import connection

    from physicians import table_statistics
    from physicians.importing import import_physicians
    from physicians.models import Physician

    _autovacuum(False)
    changed = int(args.rows * args.changed)
    with tempfile.TemporaryDirectory() as folder:
        first, revised = Path(folder) / "first.csv", Path(folder) / "revised.csv"
        _write_file(first, args.rows, revised_below=0)
        _write_file(revised, args.rows, revised_below=changed)
        started = time.monotonic()
        with first.open("rb") as handle:
            import_physicians(file=handle)
        import_seconds = time.monotonic() - started
        Physician.objects.filter(npi__startswith=NPI_PREFIX).update(is_listed=True)
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {Physician._meta.db_table}")
        states = {"fresh": _measure(args.repeat)}
        threshold, table_statistics.MIN_CHANGED_ROWS = table_statistics.MIN_CHANGED_ROWS, 10**12
        try:
            with revised.open("rb") as handle:
                report = import_physicians(file=handle)
        finally:
            table_statistics.MIN_CHANGED_ROWS = threshold
    states["stale"] = _measure(args.repeat)
    started = time.monotonic()
    command = table_statistics.refresh_after_import(changed_rows=report.changed)
    refresh_seconds = time.monotonic() - started
    states["refreshed"] = _measure(args.repeat)
    return {
        "benchmark": "import-stats",
        "rows": args.rows,
        "changed_rows": report.changed,
        "first_import_seconds": round(import_seconds, 2),
        "miles": MILES,
        "origins": ORIGIN_ZIPS,
        "repeat": args.repeat,
        "refresh": {"command": command, "seconds": round(refresh_seconds, 3)},
        "states": states,
    }


def _write_file(path: Path, rows: int, *, revised_below: int) -> None:
    """NPPES rows at ZIP centroids, round robin; rows below `revised_below` get a new phone."""
    from physicians.csv_formats import NPPES
    from physicians.geocoding import known_zips
    from physicians.npi import check_digit

    zips = [place.code for place in known_zips()]
    columns = [NPPES[key] for key in ("npi", "entity", "last_name", "first_name", "line1")]
    columns += [NPPES[key] for key in ("city", "state", "zip", "phone", "taxonomy_1")]
    states = {place.code: place.state for place in known_zips()}
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for n in range(rows):
            payload = f"{NPI_PREFIX}{n:08d}"
            code = zips[(n * 7919) % len(zips)]
            phone = "6125550199" if n < revised_below else "6125550100"
            writer.writerow(
                [payload + check_digit(payload), "1", f"DOE{n}", "JANE", "1 MAIN ST"]
                + ["SOMEWHERE", states[code], code, phone, "207X00000X"]
            )


def _measure(repeat: int) -> dict:
    """Heap fetches (first run) and median milliseconds of the 100-mile counts."""
    from django.db import connection

    from physicians.geocoding import zip_centroid
    from physicians.models import Physician

    fetches, times, matches = 0, [], 0
    with connection.cursor() as cursor:
        for code in ORIGIN_ZIPS:
            query = Physician.objects.listed().near(zip_centroid(code), MILES).order_by()
            sql, params = query.values("id").query.sql_with_params()
            count_sql = f"SELECT count(*) FROM ({sql}) AS found"
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {count_sql}", params)
            plan = cursor.fetchone()[0]
            fetches += _heap_fetches(plan[0]["Plan"])
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                cursor.execute(count_sql, params)
                matches_here = cursor.fetchone()[0]
                runs.append((time.perf_counter() - started) * 1000)
            matches += matches_here
            times.append(statistics.median(runs))
    return {
        "heap_fetches": fetches,
        "count_ms_p50": round(statistics.median(times), 2),
        "count_ms_per_origin": [round(t, 2) for t in times],
        "matches": matches,
    }


def _heap_fetches(node: dict) -> int:
    return node.get("Heap Fetches", 0) + sum(_heap_fetches(n) for n in node.get("Plans", []))


def _delete_rows() -> None:
    """In SQL: the ORM's delete would write a history entry for each row it deletes."""
    from django.db import connection

    from physicians.models import Physician

    tables = {
        "physicians": Physician._meta.db_table,
        "through": Physician.specialties.through._meta.db_table,
        "history": Physician.history.model._meta.db_table,
    }
    like = NPI_PREFIX + "%"
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM {through} WHERE physician_id IN "
            "(SELECT id FROM {physicians} WHERE npi LIKE %s)".format(**tables),
            [like],
        )
        cursor.execute("DELETE FROM {physicians} WHERE npi LIKE %s".format(**tables), [like])
        cursor.execute("DELETE FROM {history} WHERE npi LIKE %s".format(**tables), [like])


def _autovacuum(enabled: bool) -> None:
    from django.db import connection

    from physicians.models import Physician

    with connection.cursor() as cursor:
        for model in (Physician, Physician.specialties.through):
            value = "true" if enabled else "false"
            table = model._meta.db_table
            cursor.execute(f"ALTER TABLE {table} SET (autovacuum_enabled = {value})")


if __name__ == "__main__":
    sys.exit(main())
