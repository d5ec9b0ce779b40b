"""
Killing a physician import half way leaves the directory as it was.

The import runs in a real process against the (committed) test database and
is killed with SIGKILL once it reports progress, as an out-of-memory kill or a
lost server would end it. Needs PostgreSQL: the SQLite test database lives in
this process's memory, out of the import's reach.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from physicians.models import Physician
from tests.physicians.factories import PhysicianFactory, npi_for
from tests.physicians.nppes import nppes_row, write_nppes
from tests.processes import postgres_url

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = connection.vendor == "postgresql"

pytestmark = [
    pytest.mark.postgres,
    # Committed data the import process can see; the suite's rows (site, groups) come back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL): see docstring"),
]


def test_killed_import_changes_nothing(tmp_path):
    before = [PhysicianFactory(npi=npi_for(n), last_name=f"Original{n}") for n in range(3)]
    rows = [nppes_row(npi=npi_for(n), last_name="RENAMED") for n in range(3)]
    rows += [nppes_row(npi=npi_for(n)) for n in range(1000, 150_000)]
    source = write_nppes(tmp_path / "npidata.csv", rows)
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url(),
        "DEBUG": "true",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_physicians", str(source), "--skip-checks"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen = []
    for line in process.stdout:
        seen.append(line)
        if "rows read" in line:  # batches have been written inside the open transaction
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)

    assert process.returncode == -signal.SIGKILL, "".join(seen)
    after = {p.npi: p.last_name for p in Physician.objects.all()}
    assert after == {p.npi: p.last_name for p in before}
