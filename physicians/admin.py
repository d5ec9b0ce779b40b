"""
Physician directory admin: search and filters for data managers, and a CSV
upload that queues the same `import_physicians` as the management command as a
background job (jobs/), whose status page the uploader is sent to.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from core.history_admin import HistoryAdmin
from jobs.imports import queue_import
from physicians.geocoding import fill_coordinates
from physicians.models import Physician, Specialty
from physicians.services import set_listed

IMPORT_PERMISSIONS = ("physicians.add_physician", "physicians.change_physician")


class PhysicianForm(forms.ModelForm):
    """Latitude and longitude may be left blank: the ZIP code's centroid fills them."""

    class Meta:
        model = Physician
        fields = [
            "npi",
            "first_name",
            "last_name",
            "credentials",
            "specialties",
            "practice_name",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "zip_code",
            "phone",
            "procedures",
            "latitude",
            "longitude",
            "is_listed",
            "accepting_new_patients",
            "performs_kyphoplasty",
            "is_demo",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("latitude", "longitude"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        missing = data.get("latitude") is None or data.get("longitude") is None
        if missing and not fill_coordinates(data, data.get("zip_code") or ""):
            self.add_error("zip_code", "Unknown ZIP code: enter a real one, or the coordinates.")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file", help_text="NPPES data dissemination file or the portal's CSV, UTF-8."
    )
    skip_invalid = forms.BooleanField(
        required=False,
        label="Skip invalid rows",
        help_text="Import the valid rows and list the invalid ones. Otherwise any invalid row "
        "means nothing is imported.",
    )


@admin.register(Specialty)
class SpecialtyAdmin(admin.ModelAdmin):
    list_display = ("label", "code")
    search_fields = ("label", "code")


@admin.register(Physician)
class PhysicianAdmin(HistoryAdmin):
    form = PhysicianForm
    change_list_template = "admin/physicians/physician/change_list.html"
    list_display = ("last_name", "first_name", "credentials", "npi", "city", "state", "zip_code")
    list_display += ("is_listed", "accepting_new_patients", "performs_kyphoplasty", "is_demo")
    list_filter = ("state", "specialties", "is_listed", "accepting_new_patients")
    list_filter += ("performs_kyphoplasty", "is_demo", "deactivated_on")
    search_fields = ("last_name", "first_name", "npi", "zip_code", "city", "practice_name")
    filter_horizontal = ("specialties",)
    # Set and cleared by NPPES imports only (physicians.import_batches).
    readonly_fields = ("created_at", "updated_at", "deactivated_on")
    history_list_display = ("is_listed", "phone", "zip_code")
    actions = ("list_physicians", "unlist_physicians")
    fieldsets = (
        (None, {"fields": ("npi", "first_name", "last_name", "credentials", "specialties")}),
        (
            "Practice",
            {
                "fields": (
                    "practice_name",
                    "address_line1",
                    "address_line2",
                    ("city", "state", "zip_code"),
                    "phone",
                    "procedures",
                    ("latitude", "longitude"),
                )
            },
        ),
        (
            "Finder",
            {
                "fields": (
                    "is_listed",
                    "deactivated_on",
                    "accepting_new_patients",
                    "performs_kyphoplasty",
                    "is_demo",
                )
            },
        ),
        ("History", {"fields": ("created_at", "updated_at")}),
    )

    @admin.action(description="List selected physicians in the finder", permissions=["change"])
    def list_physicians(self, request, queryset):
        count = set_listed(physicians=queryset, listed=True, user=request.user)
        self.message_user(request, f"{count} physicians listed.", messages.SUCCESS)

    @admin.action(description="Remove selected physicians from the finder", permissions=["change"])
    def unlist_physicians(self, request, queryset):
        count = set_listed(physicians=queryset, listed=False, user=request.user)
        self.message_user(request, f"{count} physicians unlisted.", messages.SUCCESS)

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="physicians_physician_import"), *super().get_urls()]

    def has_import_permission(self, request) -> bool:
        return request.user.has_perms(IMPORT_PERMISSIONS)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_import": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """Upload a CSV and follow its import on the job's status page; needs add and change
        permission. The import runs as a background job: a large file outlasts a request."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = queue_import(
                upload=form.cleaned_data["file"],
                skip_invalid=form.cleaned_data["skip_invalid"],
                user=request.user,
            )
            return redirect("admin:jobs_importjob_change", job.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import physicians from CSV",
            "form": form,
        }
        return TemplateResponse(request, "admin/physicians/physician/import.html", context)
