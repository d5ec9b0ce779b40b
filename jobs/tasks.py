"""The django-tasks task the worker runs (jobs.imports does the work)."""

from django_tasks import task

from jobs.imports import run_import


@task()
def import_physicians_job(job_id: int) -> str:
    return run_import(job_id)
