"""
A physician CSV import uploaded in the admin, and what became of it.

The admin saves the file and an ImportJob and queues a task (jobs.tasks); the
worker runs `import_physicians` on it and records progress, the summary and the
invalid rows here, which the job's status page shows (jobs.admin).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.deconstruct import deconstructible

from jobs import conf


@deconstructible
class ImportFileStorage(FileSystemStorage):
    """Uploaded import files, in PORTAL_IMPORT_DIR (read at each use), never served."""

    @property
    def base_location(self):
        return str(conf.IMPORT_DIR)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Importing"
        SUCCEEDED = "succeeded", "Imported"
        FAILED = "failed", "Nothing was imported"

    file = models.FileField(storage=ImportFileStorage(), upload_to="%Y/%m/", blank=True)
    file_name = models.CharField("file", max_length=255)
    skip_invalid = models.BooleanField("skip invalid rows", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    # The django-tasks result of the latest run queued, to close it if its worker dies.
    task_id = models.CharField(max_length=64, blank=True)
    # Runs begun: a run interrupted by a worker stopping is re-queued (jobs.recovery).
    attempts = models.PositiveSmallIntegerField(default=0)
    rows_done = models.PositiveIntegerField("rows read", default=0)
    # The file's lines less the header: an upper bound, as a quoted field may span lines.
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    summary = models.TextField(blank=True)
    failure = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="What happened to the job besides its run.")
    # The first invalid rows as [line, reason] pairs, and how many there were in all.
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField("invalid rows", default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "physician import"

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def percent_done(self) -> int | None:
        if not self.rows_total:
            return None
        return min(100, self.rows_done * 100 // self.rows_total)
