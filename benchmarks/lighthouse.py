"""
Lighthouse's SEO audit on every page of the site map, against a production server.

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/13 make lighthouse

Starts one production server (benchmarks.pages.start_server: DEBUG off, as `make serve`
runs) on the configured database, which needs the demo content, reads /sitemap.xml and runs
Lighthouse (tools/lighthouse, pinned; `make lighthouse` installs it with npm) in Debian's
Chromium on each page, phone emulation, SEO category only. It prints each page's score and
the audits that failed, and writes JSON to benchmarks/results/. Exits 1 when a page scores
under 100.
"""

import json
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime
from urllib.parse import urlsplit

from benchmarks.pages import fetch, start_server, wait_until_up
from benchmarks.results_file import ROOT, write_result

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update"
)


def main() -> int:
    if not LIGHTHOUSE.exists():
        return _fail("Lighthouse is not installed: run `make lighthouse`")
    if not os.environ.get("DATABASE_URL"):
        return _fail("set DATABASE_URL to a database with the demo content")
    process, port = start_server("lighthouse", 1, {})
    try:
        wait_until_up(process, port)
        paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", _sitemap(port))]
        scores = {path: audit(f"http://127.0.0.1:{port}{path}") for path in paths}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    below = {path: s for path, s in scores.items() if s["score"] < 100}
    result = {
        "benchmark": "lighthouse-seo",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "lighthouse": "12.8.2",
        "pages": len(scores),
        "pages_below_100": len(below),
        "scores": scores,
    }
    path = write_result("lighthouse-seo", result)
    for page, s in scores.items():
        failed = f"  failed: {', '.join(s['failed'])}" if s["failed"] else ""
        sys.stdout.write(f"{s['score']:>4}  {page}{failed}\n")
    sys.stdout.write(f"{len(scores) - len(below)} of {len(scores)} pages at 100; {path}\n")
    return 1 if below else 0


def _sitemap(port: int) -> str:
    return fetch(port, "/sitemap.xml").decode()


def audit(url: str) -> dict:
    """One Lighthouse run: the SEO score (0-100) and the ids of the audits that failed."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=seo",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    report = json.loads(subprocess.run(command, capture_output=True, env=env, check=True).stdout)
    category = report["categories"]["seo"]
    failed = [
        ref["id"]
        for ref in category["auditRefs"]
        if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
    ]
    return {"score": round(category["score"] * 100), "failed": failed}


def _fail(message: str) -> int:
    sys.stderr.write(f"lighthouse: {message}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
