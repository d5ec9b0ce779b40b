"""
Finder benchmark: the portal's radius search against a naive haversine scan.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        python -m benchmarks.finder --rows 1000000

Loads synthetic physicians (see benchmarks.finder_data) into the database named by
DATABASE_URL, first `--small` rows and then `--rows`, and at each size times
25-mile searches from the same random ZIPs: (a) `find_physicians`, exactly what
the finder page and API run (count, one page of 20, their specialties) and (b)
the same count and page computed by a haversine over every listed row. Each
origin's time is the best of --repeat runs (other work on the machine only adds
time). It prints a table, writes JSON to benchmarks/results/ and deletes its
rows again.
It refuses to touch a database holding real (non-demo) physicians.
"""

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime

from benchmarks.results_file import write_result

MILES = 25


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="size of the large run")
    parser.add_argument("--small", type=int, default=10_000, help="size of the small run")
    parser.add_argument("--origins", type=int, default=200, help="random ZIPs searched from")
    parser.add_argument("--repeat", type=int, default=3, help="runs per origin; the best counts")
    parser.add_argument("--seed", type=int, default=2012)
    parser.add_argument("--keep", action="store_true", help="leave the synthetic rows in place")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        return _fail("set DATABASE_URL to a database for synthetic data, e.g. .../portal_bench")
    if not 0 < args.small <= args.rows:
        return _fail("--small must be positive and at most --rows")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "false")  # DEBUG would log every query
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import finder_data, finder_timing

    call_command("migrate", verbosity=0)
    if finder_data.real_physicians_exist():
        return _fail(f"{connection.settings_dict['NAME']} holds real physicians; use another")
    _say(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    if finder_data.delete_all():  # left by --keep or an interrupted run
        finder_data.refresh_statistics()  # so VACUUM truncates the emptied table
    origins = finder_timing.random_origins(count=args.origins, seed=args.seed)
    report = {
        "database": connection.vendor,
        "server_version": finder_timing.server_version(),
        "python": platform.python_version(),
        "radius_miles": MILES,
        "origins": len(origins),
        "seed": args.seed,
        "repeat": args.repeat,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": [],
    }
    loaded = 0
    try:
        for rows in dict.fromkeys((args.small, args.rows)):
            started = time.perf_counter()
            finder_data.load(
                start=loaded, stop=rows, seed=args.seed, progress=_progress(rows - loaded)
            )
            loaded = rows
            _say(f"\nLoaded {rows:,} rows in {time.perf_counter() - started:.0f}s; vacuuming")
            finder_data.refresh_statistics()
            report["runs"].append(
                finder_timing.run(
                    rows=rows, origins=origins, miles=MILES, repeat=args.repeat, say=_say
                )
            )
    finally:
        if not args.keep:
            _say(f"Deleted {finder_data.delete_all():,} synthetic rows.")
            finder_data.refresh_statistics()
    finder_timing.print_table(report, say=_say)
    _say(f"Wrote {write_result(f'finder-{connection.vendor}-{args.rows}', report)}")
    return 0


def _progress(total: int):
    started = time.perf_counter()

    def report(done: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        sys.stdout.write(f"\r  loading {done:,}/{total:,} rows ({rate:,.0f} rows/s)   ")
        sys.stdout.flush()

    return report


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _fail(reason: str) -> int:
    sys.stderr.write(f"bench-finder: {reason}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
