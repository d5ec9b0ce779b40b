"""
A worker stopped in the middle of an import job: nothing is half-applied, and
the job is queued again (or, after its last attempt, clearly failed).

The end-to-end case runs `manage.py db_worker` in a real process against the
(committed) test database and kills it with SIGKILL once the job's progress
shows, as a deploy's restart or the OOM killer would. It needs PostgreSQL: the
SQLite test database lives in this process's memory, and only PostgreSQL lets
the worker report progress and hold its job's lock during the import.
"""

import os
import signal
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from jobs import conf
from jobs.imports import enqueue
from jobs.models import ImportJob
from jobs.progress import ProgressChannel
from jobs.recovery import recover_interrupted_jobs
from physicians.models import Physician
from tests.jobs.conftest import DATABASE
from tests.physicians.factories import PhysicianFactory, npi_for
from tests.physicians.nppes import nppes_row, write_nppes
from tests.processes import ROOT, postgres_url

ON_POSTGRES = connection.vendor == "postgresql"
needs_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL: see docstring")


def running_job(attempts: int) -> ImportJob:
    """A job a worker claimed and then left, as a killed worker leaves it."""
    job = ImportJob(file_name="npidata.csv", status="running", attempts=attempts, rows_done=3000)
    job.file.save("npidata.csv", ContentFile(b"npi,first_name\n"), save=False)
    job.save()
    return job


@pytest.mark.django_db
def test_an_interrupted_job_is_queued_again_then_failed_after_its_last_attempt(
    django_capture_on_commit_callbacks, settings
):
    settings.TASKS = DATABASE  # queued again, not run here at once
    again, given_up = running_job(attempts=1), running_job(attempts=conf.IMPORT_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        out = call_command_output("recover_import_jobs")
    again.refresh_from_db()
    given_up.refresh_from_db()

    assert (again.status, again.rows_done) == ("queued", 0)
    assert again.note.startswith("The worker stopped after 3,000 rows (found ")
    assert again.note.endswith("nothing was imported, so the job was queued again.")
    assert given_up.status == "failed"
    assert given_up.failure.startswith("the worker stopped during each of its 2 runs")
    assert not given_up.file.storage.exists(given_up.file.name)
    assert "2 interrupted import jobs recovered." in out


def call_command_output(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.postgres
@needs_postgres
def test_a_job_whose_worker_still_runs_is_left_alone():
    job = running_job(attempts=1)

    with ProgressChannel(job):  # the lock a running worker holds
        assert recover_interrupted_jobs() == []

    assert [j.pk for j in recover_interrupted_jobs()] == [job.pk]


@pytest.mark.django_db
@pytest.mark.postgres
@needs_postgres
def test_the_status_page_says_when_the_worker_has_gone(admin_client):
    job = running_job(attempts=1)
    page = f"/admin/jobs/importjob/{job.pk}/change/"

    with ProgressChannel(job):
        assert 'id="job-stalled"' not in admin_client.get(page).content.decode()
    stalled = admin_client.get(page).content.decode()

    assert "The worker running this import has stopped, so nothing was imported." in stalled


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres
@needs_postgres
def test_a_killed_worker_changes_nothing_and_the_job_runs_again(tmp_path, settings, import_dir):
    settings.TASKS = DATABASE
    before = [PhysicianFactory(npi=npi_for(n), last_name=f"Original{n}") for n in range(3)]
    rows = [nppes_row(npi=npi_for(n), last_name="RENAMED") for n in range(3)]
    rows += [nppes_row(npi=npi_for(n)) for n in range(1000, 8000)]
    path = write_nppes(tmp_path / "npidata.csv", rows)
    job = ImportJob(file_name="npidata.csv")
    job.file.save("npidata.csv", ContentFile(path.read_bytes()), save=False)
    job.save()
    enqueue(job)  # no transaction open: queued at once

    worker = start_worker(import_dir)
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).rows_done > 0, worker)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    job.refresh_from_db()

    assert (job.status, job.attempts) == ("running", 1)  # as the dead worker left it
    assert {p.npi: p.last_name for p in Physician.objects.all()} == {
        p.npi: p.last_name for p in before
    }

    assert [j.pk for j in recover_interrupted_jobs()] == [job.pk]
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"  # not left "running"
    finished = start_worker(import_dir, "--batch")
    output = finished.communicate(timeout=600)[0]
    job.refresh_from_db()

    assert finished.returncode == 0, output
    assert (job.status, job.attempts) == ("succeeded", 2), job.failure
    assert job.note.endswith("so the job was queued again.")
    assert "7,000 created, 3 updated" in job.summary
    assert Physician.objects.filter(last_name="Renamed").count() == 3
    assert Physician.objects.count() == 7003


def start_worker(import_dir, *args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url(),
        "DEBUG": "true",
        "TASKS_BACKEND": "database",
        "IMPORT_DIR": str(import_dir),
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    command = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]
    return subprocess.Popen(
        [sys.executable, *command, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, process) -> None:
    """Poll until condition() holds; fail if the process ends first (no wall-clock limit)."""
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the worker ended first: {process.stdout.read()}")
        time.sleep(0.05)
