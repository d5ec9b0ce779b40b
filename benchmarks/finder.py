"""
Finder benchmark: every query kind through HTTP at two directory sizes, next to
a naive haversine scan.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_finder \\
    REDIS_URL=redis://127.0.0.1:6379/14 make bench-finder   # ROWS=1000000 SMALL=10000

For each size it uses a scratch database named after DATABASE_URL's with the
row count appended (portal_bench_finder_10000, ..._1000000), created, migrated
and filled with synthetic physicians by benchmarks.finder_data on the first run
and reused afterwards. It then starts a production server on it, as `make
serve` runs it (gunicorn, DEBUG off, WEB_CONCURRENCY workers, default 2, its
request log in var/bench-finder/), with only the search rate limit off, and
times GET /api/physicians/ for every kind (see benchmarks.finder_timing): dense
and sparse origins, 25 and 100 miles, with and without a specialty, the first,
middle and last page. Each round sends every search --repeat times in a
shuffled order; p50/p95 per kind are taken per round and their medians over
--rounds reported. The naive scan (a haversine over every listed row, the
specialty through the join table, a full sort) is timed in the database for
the same searches. It prints a table and writes JSON to benchmarks/results/.
Target: p95 <= 40 ms for every kind at the large size, at most 2x the small size's.
"""

import argparse
import http.client
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime

from benchmarks import finder_timing
from benchmarks.results_file import ROOT, write_result

LOG_DIR = ROOT / "var" / "bench-finder"
TARGET_P95_MS = 40
MAX_GROWTH = 2.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="size of the large run")
    parser.add_argument("--small", type=int, default=10_000, help="size of the small run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2, help="per search and round")
    parser.add_argument("--naive", type=int, default=2, help="naive scans timed per kind")
    parser.add_argument("--seed", type=int, default=2012)
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return _fail("set DATABASE_URL to a scratch PostgreSQL database, e.g. .../portal_bench")
    if not 0 < args.small <= args.rows:
        return _fail("--small must be positive and at most --rows")
    report = {
        "benchmark": "finder",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "cache": "redis" if os.environ.get("REDIS_URL") else "local memory",
        "rounds": args.rounds,
        "repeat": args.repeat,
        "target_p95_ms": TARGET_P95_MS,
        "sizes": {},
    }
    for rows in dict.fromkeys((args.small, args.rows)):
        database = f"{url}_{rows}"
        _say(f"\n{rows:,} physicians ({database.rsplit('/', 1)[1]})")
        prepare = [sys.executable, "-m", "benchmarks.finder_data", "--rows", str(rows)]
        prepare += ["--seed", str(args.seed)]
        if subprocess.run(
            prepare, cwd=ROOT, env={**os.environ, "DATABASE_URL": database}
        ).returncode:
            return _fail(f"could not prepare {database}")
        report["sizes"][str(rows)] = run_size(database, rows=rows, args=args)
    _finish(report)
    return 0


def run_size(database: str, *, rows: int, args) -> dict:
    load_before = os.getloadavg()[0]
    process, port = start_server(database, name=str(rows))
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        requests = finder_timing.plan(connection, seed=args.seed)
        for request in requests:  # warm-up
            finder_timing.get_json(connection, request["path"])
        _say(f"  timing {len(requests)} searches x {args.repeat}, {args.rounds} rounds")
        from benchmarks.search import _server_cpu_ms

        measured = finder_timing.measure(
            connection,
            requests,
            rounds=args.rounds,
            repeat=args.repeat,
            seed=args.seed,
            cpu_ms=lambda: _server_cpu_ms(process.pid),
        )
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    _say(f"  naive scans, {args.naive} per kind")
    naive = naive_times(database, requests, per_kind=args.naive)
    counts = {}
    for request in requests:
        counts.setdefault(request["kind"], []).append(request["count"])
    portal = measured["kinds"]
    return {
        "rows": rows,
        "floor": portal.pop(finder_timing.FLOOR["kind"]),
        "kinds": {
            kind: {
                "portal": portal[kind],
                "naive": naive[kind],
                "results_mean": round(sum(counts[kind]) / len(counts[kind])),
            }
            for kind in portal
        },
        # App server CPU per request: on a busy machine, latency is mostly waiting for a core.
        "server_cpu_ms_per_request": measured["server_cpu_ms_per_request"],
        # Other work on the shared machine skews timings: the 1-minute load average.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def naive_times(database: str, requests: list[dict], *, per_kind: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(requests, handle)
    try:
        command = [sys.executable, "-m", "benchmarks.finder_timing", handle.name, str(per_kind)]
        env = {**os.environ, "DATABASE_URL": database}
        output = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if output.returncode:
            raise SystemExit(f"naive timing failed:\n{output.stderr}")
        return json.loads(output.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(handle.name)


def start_server(database: str, *, name: str) -> tuple[subprocess.Popen, int]:
    """A server as `make serve` runs it, on `database`, with the search rate limit off."""
    from benchmarks.pages import free_port

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "PORT": str(port),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SEARCH_RATE_LIMIT_ENABLED": "false",  # one client sends thousands of searches
    }
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"]
    with (LOG_DIR / f"{name}.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}; see {LOG_DIR}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            finder_timing.get_json(connection, "/api/openapi.json")
            return process, port
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer")


def _finish(report: dict) -> None:
    sizes = list(report["sizes"].values())
    large = sizes[-1]
    small = sizes[0]
    report["growth_p95"] = {
        kind: round(large["kinds"][kind]["portal"]["p95_ms"] / m["portal"]["p95_ms"], 2)
        for kind, m in small["kinds"].items()
        if kind in large["kinds"]
    }
    worst = max(k["portal"]["p95_ms"] for k in large["kinds"].values())
    report["worst_p95_ms"] = worst
    report["target_met"] = worst <= TARGET_P95_MS and all(
        g <= MAX_GROWTH for g in report["growth_p95"].values()
    )
    header = f"{'kind':<32}" + "".join(
        f" | {s['rows']:>9,}: p50 / p95 ms (naive p50 / p95)" for s in sizes
    )
    _say("\n" + header)
    _say("-" * len(header))
    for kind in large["kinds"]:
        line = f"{kind:<32}"
        for s in sizes:
            m = s["kinds"].get(kind)
            if m:
                p, n = m["portal"], m["naive"]
                line += (
                    f" | {p['p50_ms']:>7.1f} / {p['p95_ms']:>6.1f}"
                    f" ({n['p50_ms']:>7.0f} / {n['p95_ms']:>6.0f})      "
                )
        _say(line)
    _say(
        f"worst p95 at {large['rows']:,}: {worst} ms; largest growth "
        f"{max(report['growth_p95'].values())}x; target "
        f"{'met' if report['target_met'] else 'MISSED'}"
    )
    for s in sizes:
        floor = s["floor"]
        _say(
            f"{s['rows']:,}: floor (GET /api/openapi.json) p50 {floor['p50_ms']} / p95 "
            f"{floor['p95_ms']} ms; server CPU {s['server_cpu_ms_per_request']} ms a request"
        )
    _say("load average: " + ", ".join(f"{s['rows']:,}: {s['load_average']}" for s in sizes))
    path = write_result(f"finder-{large['rows']}", report)
    _say(f"written to {path}")


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _fail(reason: str) -> int:
    sys.stderr.write(f"bench-finder: {reason}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
