"""Where the benchmarks keep what they measured: one JSON file per run, named by time."""

import json
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"


def write_result(name: str, result: dict) -> Path:
    """Write `result` to benchmarks/results/<name>-<UTC time>.json; returns the path from ROOT."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path.relative_to(ROOT)
