"""
Physician imports in the admin: the list, and each job's status page, where the
uploader lands after the upload. The page reloads itself (a meta refresh, no
script: the CSP allows none inline) until the job has finished.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.template.response import TemplateResponse

from jobs.models import ImportJob
from jobs.progress import runner_alive
from physicians.admin import IMPORT_PERMISSIONS

REFRESH_SECONDS = 2


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("file_name", "status", "rows_done", "error_count", "created_by", "created_at")
    list_filter = ("status",)
    list_select_related = ("created_by",)

    # Whoever may import physicians may follow imports; jobs are made by uploading only.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perms(IMPORT_PERMISSIONS)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job's status page, in place of a form: a job is not edited."""
        if not self.has_view_permission(request):
            return super().change_view(request, object_id, form_url, extra_context)
        job = self.get_object(request, unquote(object_id))
        if job is None:
            raise Http404("No such import job.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Import of {job.file_name}",
            "job": job,
            "refresh_seconds": None if job.is_finished else REFRESH_SECONDS,
            # PostgreSQL can tell when the worker running it is gone (jobs.progress).
            "stalled": job.status == ImportJob.Status.RUNNING and runner_alive(job) is False,
        }
        return TemplateResponse(request, "admin/jobs/importjob/status.html", context)
