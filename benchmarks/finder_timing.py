"""Timing of the portal's search and of a naive full scan, and the plans behind them."""

import math
import os
import random
import statistics
import time

from django.db import connection
from django.db.models import F, prefetch_related_objects
from django.db.models.functions import ASin, Cos, Radians, Sin, Sqrt
from django.test.utils import CaptureQueriesContext

from physicians.geocoding import Origin
from physicians.geometry import EARTH_RADIUS_MILES
from physicians.models import Physician
from physicians.search import PAGE_SIZE, find_physicians

WARM_UP = 10


def random_origins(*, count: int, seed: int) -> list[Origin]:
    from benchmarks.finder_data import zip_points
    from physicians.geocoding import geocode

    return [geocode(z.code) for z in random.Random(seed).sample(zip_points(), count)]


def server_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()"
        )
        return cursor.fetchone()[0]


def naive_search(origin: Origin, miles: float) -> tuple[int, list]:
    """The textbook query: haversine for every listed row, no index to help."""
    lat, lon = origin.point.latitude, origin.point.longitude
    half_dlat = Radians(F("latitude") - lat) / 2
    half_dlon = Radians(F("longitude") - lon) / 2
    h = Sin(half_dlat) * Sin(half_dlat) + math.cos(math.radians(lat)) * Cos(
        Radians(F("latitude"))
    ) * Sin(half_dlon) * Sin(half_dlon)
    within = (
        Physician.objects.listed()
        .annotate(distance=2 * EARTH_RADIUS_MILES * ASin(Sqrt(h)))
        .filter(distance__lte=miles)
    )
    count = within.count()
    rows = list(within.order_by("distance", "last_name", "first_name", "pk")[:PAGE_SIZE])
    prefetch_related_objects(rows, "specialties")
    return count, rows


def portal_search(origin: Origin, miles: float) -> tuple[int, list]:
    page = find_physicians(origin=origin, miles=miles)
    return page.count, page.physicians


def timed(search, origins, miles, repeat: int) -> dict:
    """
    Per origin, the best of `repeat` runs: the machine's other work only ever adds
    time, so the minimum is the search's own cost, and the percentiles over
    origins show how that cost varies from a small town to Manhattan.
    """
    for origin in origins[:WARM_UP]:
        search(origin, miles)
    times, counts = [], []
    for origin in origins:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            count, _ = search(origin, miles)
            runs.append((time.perf_counter() - started) * 1000)
        times.append(min(runs))
        counts.append(count)
    return summary(times) | {"results_mean": statistics.fmean(counts), "results_max": max(counts)}


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "p50_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[math.ceil(0.95 * len(ordered)) - 1], 3),
        "max_ms": round(ordered[-1], 3),
        "mean_ms": round(statistics.fmean(ordered), 3),
    }


def plans(origin: Origin, miles: float) -> dict:
    """The plans of the queries one portal search runs (EXPLAIN ANALYZE on PostgreSQL)."""
    with CaptureQueriesContext(connection) as executed:
        find_physicians(origin=origin, miles=miles)
    explain = (
        "EXPLAIN (ANALYZE, BUFFERS)" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    )
    result = {}
    with connection.cursor() as cursor:
        for number, query in enumerate(executed.captured_queries, start=1):
            cursor.execute(f"{explain} {query['sql']}")
            result[f"query {number}"] = [" ".join(map(str, row)) for row in cursor.fetchall()]
    return result


def run(*, rows: int, origins: list[Origin], miles: float, repeat: int, say) -> dict:
    say(f"Timing {len(origins)} searches of {miles} miles at {rows:,} rows, best of {repeat}")
    load_before = os.getloadavg()[0]
    portal = timed(portal_search, origins, miles, repeat)
    say(f"  portal: p50 {portal['p50_ms']:.2f} ms, p95 {portal['p95_ms']:.2f} ms")
    naive = timed(naive_search, origins, miles, repeat)
    say(f"  naive:  p50 {naive['p50_ms']:.2f} ms, p95 {naive['p95_ms']:.2f} ms")
    densest = max(origins, key=lambda o: Physician.objects.listed().near(o, miles).count())
    explained = plans(densest, miles)
    table = Physician._meta.db_table
    seq_scan = any(f"Seq Scan on {table}" in line for lines in explained.values() for line in lines)
    return {
        "rows": rows,
        "portal": portal,
        "naive": naive,
        "speedup_p50": round(naive["p50_ms"] / portal["p50_ms"], 1),
        "speedup_p95": round(naive["p95_ms"] / portal["p95_ms"], 1),
        "densest_origin": densest.label,
        "portal_plans": explained,
        "portal_uses_seq_scan": seq_scan,
        # Other work on the machine skews timings: the 1-minute load average around the run.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def print_table(report: dict, *, say) -> None:
    runs = report["runs"]
    say(
        f"\n25-mile searches from {report['origins']} random ZIPs, best of {report['repeat']} "
        f"each, on {report['server_version']}"
    )
    say(
        f"{'rows':>10} | {'method':<7} | {'p50 ms':>8} | {'p95 ms':>8} | {'max ms':>8} | "
        f"{'results (mean)':>14}"
    )
    say("-" * 72)
    for run in runs:
        for name in ("portal", "naive"):
            m = run[name]
            say(
                f"{run['rows']:>10,} | {name:<7} | {m['p50_ms']:>8.2f} | {m['p95_ms']:>8.2f} | "
                f"{m['max_ms']:>8.2f} | {m['results_mean']:>14,.0f}"
            )
    for run in runs:
        say(
            f"{run['rows']:,} rows: naive/portal {run['speedup_p50']}x at p50, "
            f"{run['speedup_p95']}x at p95; seq scan in portal plans: "
            f"{run['portal_uses_seq_scan']}; "
            f"load average {run['load_average'][0]} -> {run['load_average'][1]}"
        )
    if len(runs) == 2:
        growth = runs[1]["portal"]["p95_ms"] / runs[0]["portal"]["p95_ms"]
        report["portal_p95_growth"] = round(growth, 2)
        say(f"portal p95 growth {runs[0]['rows']:,} -> {runs[1]['rows']:,} rows: {growth:.2f}x")
