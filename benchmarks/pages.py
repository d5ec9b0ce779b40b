"""
Page-serving benchmark: the procedure page cached, uncached, through Varnish, and Django's floor.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_pages \\
    REDIS_URL=redis://127.0.0.1:6379/13 make bench-pages

Starts three production servers (gunicorn, DEBUG off, WEB_CONCURRENCY workers,
default 2) on the configured database and cache, configured as `make serve`
ships them (request log and worker recycling on, logs in var/bench-pages/): one
as deployed, one with every cache replaced by Django's DummyCache
(PORTAL_BENCH_NO_CACHE), and one with only the page cache off. With wrk on
loopback, in alternating rounds, it measures requests/s and p50/p99 latency for
(a) the procedure page, anonymous, from the page cache; (b) the same page with
all caching off; (c) benchmarks.urls' floor view, which returns the same bytes
through the same middleware stack; (d) the procedure page through Varnish
(deploy/varnish/portal.vcl) in front of the cached server. For reference it also
measures the page with only the page cache off: what each page costs once after a
publish. Then it times "edit to edge" (benchmarks.edge): from a publish to the first
fresh response through Varnish, the median of 20. It prints a table, writes JSON to
benchmarks/results/ and stops the servers. The database needs the demo content
(manage.py load_demo_content); edit to edge publishes 20 versions of the procedure
page's description there and puts the original back.
"""

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.request import Request, urlopen

from benchmarks.edge import edit_to_edge, start_varnish
from benchmarks.results_file import ROOT, write_result

FLOOR_BODY = ROOT / "var" / "bench-floor.html"
LOG_DIR = ROOT / "var" / "bench-pages"
PAGE = "/patients/balloon-kyphoplasty/"
TARGETS = {
    "a_cached": ("cached", PAGE),
    "b_uncached": ("uncached", PAGE),
    # Not a target: what every page costs once after a publish (django CMS's caches warm).
    "b_page_cache_off": ("page-cache-off", PAGE),
    "c_floor": ("cached", "/bench/floor/"),
    "d_edge": ("edge", PAGE),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        return _fail("set DATABASE_URL (PostgreSQL) and REDIS_URL, as production has them")
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:
        return _fail("wrk is not installed (apt-get install wrk)")
    if not shutil.which("varnishd"):
        return _fail("Varnish is not installed (apt-get install varnish varnish-modules)")
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    servers = {
        "cached": start_server("cached", workers, {}),
        "uncached": start_server(
            "uncached", workers, {"PORTAL_BENCH_NO_CACHE": "true", "PAGE_CACHE": "false"}
        ),
        "page-cache-off": start_server("page-cache-off", workers, {"PAGE_CACHE": "false"}),
    }
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    edge_port = free_port()
    servers["edge"] = (
        start_varnish(port=edge_port, backend_port=servers["cached"][1], log_dir=LOG_DIR),
        edge_port,
    )
    try:
        for process, port in servers.values():
            wait_until_up(process, port)
        page = fetch(servers["cached"][1], PAGE)
        if b"Important Safety Information" not in page:
            return _fail(f"{PAGE} is not the procedure page: run manage.py load_demo_content")
        FLOOR_BODY.write_bytes(page)
        runs = {name: [] for name in TARGETS}
        for server, path in TARGETS.values():  # warm-up, results discarded
            wrk(servers[server][1], path, seconds=2, args=args)
        for _round in range(args.rounds):
            for name, (server, path) in TARGETS.items():
                runs[name].append(wrk(servers[server][1], path, seconds=args.seconds, args=args))
        edit = edit_to_edge(edge_port=edge_port, path=PAGE)
    finally:
        for process, _port in servers.values():
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    recycles = {name: recycled_workers(name) for name in servers if name != "edge"}
    report(runs, workers=workers, body_bytes=len(page), recycles=recycles, edit=edit, args=args)
    return 0


def recycled_workers(name: str) -> int:
    """How many times the server's workers were recycled during the run (max_requests)."""
    return (LOG_DIR / f"{name}.log").read_text(errors="replace").count("Autorestarting worker")


def start_server(name: str, workers: int, extra_env: dict) -> tuple[subprocess.Popen, int]:
    """A server as `make serve` runs it: its request log and worker recycling on.

    Its log goes to var/bench-pages/NAME.log, as a deployment's goes to its log collector,
    not to this terminal.
    """
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "WEB_CONCURRENCY": str(workers),
        "PORT": str(port),
        **extra_env,
    }
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"]
    with (LOG_DIR / f"{name}.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    return process, port


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(process, port: int) -> None:
    for _ in range(900):  # the master warms up before its workers start (core.warmup)
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}")
        try:
            fetch(port, PAGE)  # not /healthz: it fails on purpose with no cache
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not answer")


def fetch(port: int, path: str) -> bytes:
    with urlopen(Request(f"http://127.0.0.1:{port}{path}"), timeout=10) as response:
        return response.read()


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port: int, path: str, *, seconds: int, args) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--latency",
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"wrk saw errors for {path}:\n{output}")
    latency = {f"p{p}_ms": float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"requests_per_s": rps, **latency}


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def report(runs: dict, *, workers: int, body_bytes: int, recycles: dict, edit: dict, args):
    summary = {
        name: {key: round(median([r[key] for r in results]), 2) for key in results[0]}
        for name, results in runs.items()
    }
    floor = summary["c_floor"]["requests_per_s"]
    ratios = {
        "a_over_c": round(summary["a_cached"]["requests_per_s"] / floor, 2),
        "b_over_c": round(summary["b_uncached"]["requests_per_s"] / floor, 2),
        "d_over_c": round(summary["d_edge"]["requests_per_s"] / floor, 2),
        "d_over_a": round(
            summary["d_edge"]["requests_per_s"] / summary["a_cached"]["requests_per_s"], 2
        ),
        "b_per_worker": round(summary["b_uncached"]["requests_per_s"] / workers, 1),
        "page_cache_off_per_worker": round(
            summary["b_page_cache_off"]["requests_per_s"] / workers, 1
        ),
    }
    result = {
        "benchmark": "pages",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "database": os.environ["DATABASE_URL"].split("://")[0],
        "workers": workers,
        "page": PAGE,
        "body_bytes": body_bytes,
        "wrk": {"threads": args.threads, "connections": args.connections, "seconds": args.seconds},
        "rounds": args.rounds,
        "worker_recycles": recycles,
        "median": summary,
        "ratios": ratios,
        "edit_to_edge": edit,
        "runs": runs,
    }
    path = write_result("pages", result)
    lines = [
        f"{'target':<16} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}",
        *(
            f"{name:<16} {s['requests_per_s']:>10.1f} {s['p50_ms']:>8.2f} {s['p99_ms']:>8.2f}"
            for name, s in summary.items()
        ),
        f"a/c = {ratios['a_over_c']}, b/c = {ratios['b_over_c']}, "
        f"b per worker = {ratios['b_per_worker']} req/s "
        f"(page cache off, django CMS caches on: {ratios['page_cache_off_per_worker']})",
        f"d/c = {ratios['d_over_c']} (target 10), d/a = {ratios['d_over_a']}",
        f"edit to edge: median {edit['median_ms']} ms over {edit['publishes']} publishes "
        f"(max {edit['max_ms']} ms; {edit['median_after_publish_returned_ms']} ms after the "
        "publish returned)",
        "workers recycled: " + ", ".join(f"{name} {n}" for name, n in recycles.items()),
        f"written to {path}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


def _fail(message: str) -> int:
    sys.stderr.write(f"bench-pages: {message}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
