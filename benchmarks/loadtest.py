"""
Load test: 100 concurrent visitors browsing pages and searching for physicians.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_load \\
    REDIS_URL=redis://127.0.0.1:6379/12 make loadtest

Starts the production server (gunicorn, DEBUG off, WEB_CONCURRENCY workers) on
the configured database and cache, then runs two bounded wrk scenarios at the
same time on loopback for --seconds (default 60): --browsers connections
walking every page of /sitemap.xml, and --searchers connections running
finder searches (HTML and JSON) around real ZIP codes and cities. Each
connection is a visitor who pauses 0.5-2 s between requests (--think-ms; 0
for none), so the server sees visitors, not a flood. Targets: no
errors, p95 under 200 ms for pages and 300 ms for searches. It prints a
summary, writes JSON to benchmarks/results/ and exits 1 when a target is
missed. The database needs the demo content (manage.py load_demo_content).
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from urllib.parse import urlencode, urlparse
from urllib.request import Request, urlopen

from benchmarks.pages import fetch, start_server, wait_until_up
from benchmarks.results_file import ROOT, write_result

LUA = ROOT / "benchmarks" / "wrk" / "visitors.lua"
TARGET_P95_MS = {"pages": 200.0, "searches": 300.0}
PLACES = [
    "55432",
    "10001",
    "60614",
    "94110",
    "30309",
    "77005",
    "98101",
    "80202",
    "02115",
    "33139",
    "Minneapolis, MN",
    "Chicago, IL",
    "Denver, CO",
    "Seattle, WA",
    "Boston, MA",
    "Atlanta, GA",
    "Houston, TX",
    "Phoenix, AZ",
    "Portland, OR",
    "Nashville, TN",
]


def warm_search(port: int, path: str, *, client: str) -> None:
    request = Request(f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-For": client})
    with urlopen(request, timeout=30) as response:
        response.read()


def search_paths() -> list[str]:
    paths = []
    for place in PLACES:
        for radius in (10, 25, 50):
            query = urlencode({"location": place, "radius": radius})
            paths.append(f"/physician-finder/?{query}")
            paths.append(f"/api/physicians/?{urlencode({'near': place, 'radius': radius})}")
    return paths


def page_paths(port: int) -> list[str]:
    sitemap = fetch(port, "/sitemap.xml").decode()
    return [urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def run_wrk(port, paths, *, connections: int, seconds: int, spread: bool, think: str):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    low, _, high = think.partition("-")
    env = {
        **os.environ,
        "PATHS_FILE": handle.name,
        "SPREAD_CLIENTS": "1" if spread else "0",
        "THINK_MS_MIN": low,
        "THINK_MS_MAX": high or low,
    }
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{port}/",
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True), handle.name


def parse(output: str) -> dict:
    line = [row for row in output.splitlines() if row.startswith("{")][-1]
    result = json.loads(line)
    result["requests_per_s"] = round(result["requests"] / result["seconds"], 1)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--browsers", type=int, default=70)
    parser.add_argument("--searchers", type=int, default=30)
    parser.add_argument("--think-ms", default="500-2000", help="pause between a visitor's requests")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        sys.stderr.write("loadtest: set DATABASE_URL (PostgreSQL) and REDIS_URL\n")
        return 2
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    # One trusted proxy hop: searchers arrive with their own X-Forwarded-For addresses.
    process, port = start_server("loadtest", workers, {"TRUSTED_PROXY_COUNT": "1"})
    try:
        wait_until_up(process, port)
        pages = page_paths(port)
        searches = search_paths()
        for path in pages:  # warm caches and check every path answers
            fetch(port, path)
        for number, path in enumerate(searches):  # one visitor each, as in the run
            warm_search(port, path, client=f"10.99.{number // 250}.{number % 250 + 1}")
        common = {"seconds": args.seconds, "think": args.think_ms}
        runs = {
            "pages": run_wrk(port, pages, connections=args.browsers, spread=False, **common),
            "searches": run_wrk(port, searches, connections=args.searchers, spread=True, **common),
        }
        results = {}
        for name, (wrk_process, paths_file) in runs.items():
            output, _ = wrk_process.communicate(timeout=args.seconds + 60)
            os.unlink(paths_file)
            results[name] = parse(output)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return report(results, workers=workers, args=args, page_count=len(pages))


def report(results: dict, *, workers: int, args, page_count: int) -> int:
    passed = all(
        r["errors"] == 0 and r["socket_errors"] == 0 and r["p95_ms"] <= TARGET_P95_MS[name]
        for name, r in results.items()
    )
    summary = {
        "benchmark": "loadtest",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": os.environ["DATABASE_URL"].split("://")[0],
        "cache": "redis" if os.environ.get("REDIS_URL") else "local memory",
        "workers": workers,
        "visitors": {"browsing": args.browsers, "searching": args.searchers},
        "seconds": args.seconds,
        "think_ms": args.think_ms,
        "pages_in_rotation": page_count,
        "targets_p95_ms": TARGET_P95_MS,
        "results": results,
        "passed": passed,
    }
    path = write_result("loadtest", summary)
    rows = [f"{'scenario':<10} {'req/s':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'errors':>7}"]
    for name, r in results.items():
        rows.append(
            f"{name:<10} {r['requests_per_s']:>8.1f} {r['p50_ms']:>6.1f}ms {r['p95_ms']:>6.1f}ms "
            f"{r['p99_ms']:>6.1f}ms {r['errors'] + r['socket_errors']:>7}"
        )
    rows.append(("PASSED" if passed else "MISSED a target") + f"; written to {path}")
    sys.stdout.write("\n".join(rows) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
