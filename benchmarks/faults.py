"""
What faults cost: worker recycling and a Redis outage, measured side by side.

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/13 make bench-faults

Starts five production servers as `make serve` ships them (benchmarks.pages.start_server:
request log on, logs in var/bench-pages/), on the configured database and cache:

- ``shipped``: workers recycled every GUNICORN_MAX_REQUESTS (50,000, jittered);
- ``never-recycled``: GUNICORN_MAX_REQUESTS=0, the baseline;
- ``recycle-2000``: the old policy, a recycle every 2,000 requests, with today's worker;
- ``redis-down``: REDIS_URL at a port nothing listens on (core.cache_outage);
- ``no-cache``: every cache replaced by Django's DummyCache, what redis-down should match.

With wrk on loopback, in alternating rounds, it measures requests/s, p50/p99 latency and
socket errors on the procedure page, and counts the recycles in each server's log. Resets
are connections closed under wrk (and non-2xx answers); timeouts are answers slower than
wrk's 2 s, which only an overloaded machine gives. The ratios answer two questions: what
recycling costs (shipped and recycle-2000 over never-recycled) and what an outage costs
(redis-down over the cached page, and over no-cache). JSON goes to benchmarks/results/.
"""

import argparse
import os
import platform
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime

from benchmarks.pages import (
    LATENCY,
    LOG_DIR,
    PAGE,
    UNITS,
    fetch,
    free_port,
    start_server,
    wait_until_up,
)
from benchmarks.results_file import write_result

SERVERS = {
    "shipped": {},
    "never-recycled": {"GUNICORN_MAX_REQUESTS": "0"},
    "recycle-2000": {"GUNICORN_MAX_REQUESTS": "2000"},
    "redis-down": {},  # REDIS_URL set in main(), at a free port
    "no-cache": {"PORTAL_BENCH_NO_CACHE": "true", "PAGE_CACHE": "false"},
}
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        return _fail("set DATABASE_URL (PostgreSQL) and REDIS_URL, as production has them")
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    SERVERS["redis-down"] = {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}
    servers = {name: start_server(name, workers, env) for name, env in SERVERS.items()}
    try:
        for process, port in servers.values():
            wait_until_up(process, port)
        if b"Important Safety Information" not in fetch(servers["shipped"][1], PAGE):
            return _fail(f"{PAGE} is not the procedure page: run manage.py load_demo_content")
        for _process, port in servers.values():  # warm-up, results discarded
            wrk(port, seconds=2, connections=args.connections)
        runs = {name: [] for name in servers}
        for _round in range(args.rounds):
            for name, (_process, port) in servers.items():
                runs[name].append(wrk(port, seconds=args.seconds, connections=args.connections))
    finally:
        for process, _port in servers.values():
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    report(runs, workers=workers, args=args)
    return 0


def wrk(port: int, *, seconds: int, connections: int) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{PAGE}"], capture_output=True, text=True, check=True
    ).stdout
    latency = {f"p{p}_ms": float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    errors = SOCKET_ERRORS.search(output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        **latency,
        # connect/read/write errors are resets; timeouts are answers slower than wrk's 2 s.
        "socket_errors": sum(map(int, errors.groups()[:3])) if errors else 0,
        "timeouts": int(errors.group(4)) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def recycles(name: str, workers: int) -> int:
    """Workers started after the first ones: each replaced a recycled (or failed) worker."""
    log = (LOG_DIR / f"{name}.log").read_text(errors="replace")
    return max(0, log.count("Booting worker") - workers)


def report(runs: dict, *, workers: int, args) -> None:
    def median(values):
        return sorted(values)[len(values) // 2]

    summary = {
        name: {
            "requests_per_s": median([r["requests_per_s"] for r in results]),
            "p50_ms": median([r["p50_ms"] for r in results]),
            "p99_ms": median([r["p99_ms"] for r in results]),
            "socket_errors": sum(r["socket_errors"] for r in results),
            "timeouts": sum(r["timeouts"] for r in results),
            "non_2xx": sum(r["non_2xx"] for r in results),
            "recycles": recycles(name, workers),
        }
        for name, results in runs.items()
    }
    rps = {name: s["requests_per_s"] for name, s in summary.items()}
    ratios = {
        "shipped_over_never": round(rps["shipped"] / rps["never-recycled"], 3),
        "recycle_2000_over_never": round(rps["recycle-2000"] / rps["never-recycled"], 3),
        "redis_down_over_cached": round(rps["redis-down"] / rps["shipped"], 3),
        "redis_down_over_no_cache": round(rps["redis-down"] / rps["no-cache"], 3),
    }
    result = {
        "benchmark": "faults",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "workers": workers,
        "page": PAGE,
        "wrk": {"threads": 2, "connections": args.connections, "seconds": args.seconds},
        "rounds": args.rounds,
        "median": summary,
        "ratios": ratios,
        "runs": runs,
    }
    path = write_result("faults", result)
    columns = ("req/s", "p50 ms", "p99 ms", "resets", "timeouts", "recycles")
    lines = [f"{'server':<16} " + " ".join(f"{c:>9}" for c in columns)]
    for name, s in summary.items():
        lines.append(
            f"{name:<16} {s['requests_per_s']:>9.1f} {s['p50_ms']:>9.2f} {s['p99_ms']:>9.2f} "
            f"{s['socket_errors'] + s['non_2xx']:>9} {s['timeouts']:>9} {s['recycles']:>9}"
        )
    lines += [", ".join(f"{k} = {v}" for k, v in ratios.items()), f"written to {path}"]
    sys.stdout.write("\n".join(lines) + "\n")


def _fail(message: str) -> int:
    sys.stderr.write(f"bench-faults: {message}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
