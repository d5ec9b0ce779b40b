"""
Queue again (or fail) the physician imports a stopped worker left running.

    python manage.py recover_import_jobs

Run it before each start of the worker (`make worker` does). See jobs.recovery.
"""

from django.core.management.base import BaseCommand

from jobs.recovery import recover_interrupted_jobs


class Command(BaseCommand):
    help = "Re-queue, or mark failed, physician import jobs interrupted by a worker stopping."

    def handle(self, *args, **options):
        jobs = recover_interrupted_jobs()
        for job in jobs:
            self.stdout.write(f"  {job.file_name} (job {job.pk}): {job.get_status_display()}")
        self.stdout.write(f"{len(jobs)} interrupted import jobs recovered.")
