"""
Physician imports as background jobs: queued by the admin upload, run by the worker.

`queue_import` saves the upload and queues `run_import` on django-tasks (the
immediate backend runs it at once; the database backend leaves it for
`manage.py db_worker`). A job's outcome is written inside the import's own
transaction, so "Imported" and the imported physicians commit together: a run
cut short leaves the job "Importing" and the directory as it was, for
jobs.recovery to queue again.
"""

from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from jobs.models import ImportJob
from jobs.progress import ProgressChannel
from physicians.importing import ImportFailed, ImportReport, import_physicians

READ_CHUNK = 1 << 20


def queue_import(*, upload, skip_invalid: bool, user) -> ImportJob:
    """Keep the uploaded file and queue its import; returns the job to follow."""
    job = ImportJob(file_name=upload.name[:255], skip_invalid=skip_invalid, created_by=user)
    job.file.save(upload.name, upload, save=False)
    job.save()
    enqueue(job)
    return job


def enqueue(job: ImportJob) -> None:
    """Queue the job's run once the job row is committed: a worker must find the job."""
    transaction.on_commit(partial(_enqueue_now, job.pk))


def _enqueue_now(job_id: int) -> None:
    from jobs.tasks import import_physicians_job

    result = import_physicians_job.enqueue(job_id)
    ImportJob.objects.filter(pk=job_id).update(task_id=str(result.id))


def run_import(job_id: int) -> str:
    """Run a queued job to the end; returns its status. A job not queued is left alone
    (a second delivery of the same task, or one recovery already settled)."""
    job = ImportJob.objects.get(pk=job_id)
    # The lock comes first, so that recovery never sees the job running without it.
    with ProgressChannel(job) as progress:
        claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.RUNNING,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
            rows_done=0,
        )
        if not claimed:
            return ImportJob.objects.get(pk=job.pk).status
        job.refresh_from_db()
        try:
            job.rows_total = _count_rows(job)
            job.save(update_fields=["rows_total"])
            with job.file.open("rb") as handle:
                import_physicians(
                    file=handle,
                    skip_invalid=job.skip_invalid,
                    progress=progress,
                    user=job.created_by,
                    before_commit=partial(_succeeded, job),
                )
        except ImportFailed as exc:
            _finish(job, ImportJob.Status.FAILED, failure=str(exc), report=exc.report)
        except Exception as exc:
            reason = f"the import stopped with an unexpected error ({type(exc).__name__})"
            _finish(job, ImportJob.Status.FAILED, failure=reason)
            raise
    job.file.delete(save=False)
    return job.status


def _count_rows(job: ImportJob) -> int:
    lines = 0
    last = b"\n"
    with job.file.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    lines += last != b"\n"  # a last line without a line break
    return max(lines - 1, 0)


def _succeeded(job: ImportJob, report: ImportReport) -> None:
    _finish(job, ImportJob.Status.SUCCEEDED, report=report, summary=report.summary())


def _finish(job: ImportJob, status, *, failure="", report=None, summary="") -> None:
    job.status, job.failure, job.summary = status, failure, summary
    job.finished_at = timezone.now()
    if report is not None:
        job.rows_done = report.rows
        job.errors = [list(error) for error in report.errors]
        job.error_count = report.error_count
    job.save()
