"""
Jobs a stopped worker left behind: queued again, or failed once they have had
PORTAL_IMPORT_ATTEMPTS runs (a file that kills the worker must not loop).

An interrupted import changed nothing (it is one transaction), so running it
again from the start is safe. `manage.py recover_import_jobs` runs this before
the worker starts (`make worker`); on PostgreSQL it only touches jobs whose
runner's lock is gone (jobs.progress), so it is safe while other workers run.
"""

import uuid

from django.apps import apps
from django.utils import timezone

from jobs import conf
from jobs.imports import enqueue
from jobs.models import ImportJob
from jobs.progress import runner_alive


def recover_interrupted_jobs() -> list[ImportJob]:
    """Re-queue or fail every job left running by a stopped worker; returns them."""
    recovered = []
    for job in ImportJob.objects.filter(status=ImportJob.Status.RUNNING):
        # Unknown (SQLite): the command runs before the only worker starts, so none runs.
        if runner_alive(job):
            continue
        if _settle(job):
            recovered.append(job)
    return recovered


class WorkerStopped(Exception):
    """Recorded on the task result a dead worker left running."""


def _close_task_result(job: ImportJob) -> None:
    """Mark the run's django-tasks-db row failed: its worker will never finish it."""
    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    try:  # other backends' ids (the immediate backend's) are not the database's UUIDs
        task_id = uuid.UUID(job.task_id)
    except ValueError:
        return
    for result in DBTaskResult.objects.running().filter(id=task_id):
        result.set_failed(WorkerStopped(f"the worker stopped during import job {job.pk}"))


def _settle(job: ImportJob) -> bool:
    found = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    stopped = (
        f"The worker stopped after {job.rows_done:,} rows (found {found}); nothing was imported"
    )
    running = ImportJob.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts)
    _close_task_result(job)
    if job.attempts < conf.IMPORT_ATTEMPTS:
        job.status, job.rows_done = ImportJob.Status.QUEUED, 0
        job.note = f"{stopped}, so the job was queued again."
        settled = running.update(status=job.status, rows_done=0, note=job.note)
        if settled:
            enqueue(job)
    else:
        job.status, job.finished_at = ImportJob.Status.FAILED, timezone.now()
        job.failure = (
            f"the worker stopped during each of its {job.attempts} runs "
            "(upload the file again, or import it with manage.py import_physicians)"
        )
        job.note = f"{stopped}."
        settled = running.update(
            status=job.status, finished_at=job.finished_at, failure=job.failure, note=job.note
        )
        if settled:
            job.file.delete(save=False)
    return bool(settled)
