"""Helpers for tests that run the portal in other processes."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
# What a child process keeps of the test runner's environment: enough to run, no settings.
KEPT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}


def manage(*args: str, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a child process configured only by `env`, as a fresh shell would be."""
    environment = {k: v for k, v in os.environ.items() if k in KEPT} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def postgres_url(name: str | None = None) -> str:
    """A DATABASE_URL for the test database (or another database `name` on the same server)."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{name or db['NAME']}"
