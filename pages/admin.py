"""
Admin for the reference library. Risk lists and notices are edited as aliases.

A reference is versioned content (pages.cms_config): its form edits the draft, a
published version is read-only until an author starts a new draft (versioning's Edit
button), and the draft reaches patients only through review and publishing. The
number is the reference's identity (citations store it), so it is set once.
Its History page lists every saved state of every version, with who saved it.
"""

from cms.admin.utils import GrouperModelAdmin
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from djangocms_versioning.admin import DefaultGrouperVersioningAdminMixin
from djangocms_versioning.constants import PUBLISHED

from . import citation_picker
from .forms import ReferenceForm
from .models import Reference, ReferenceContent


@admin.register(Reference)
class ReferenceAdmin(DefaultGrouperVersioningAdminMixin, GrouperModelAdmin):
    form = ReferenceForm
    list_display = [
        "number",
        "content__authors",
        "content__year",
        "content__journal",
        "content__title",
        "get_author",
        "get_modified_date",
        "state_indicator",
        "admin_list_actions",
    ]
    list_display_links = ["number"]
    search_fields = ["number", "content__authors", "content__title", "content__journal"]
    fieldsets = [
        (None, {"fields": ["number", "content__authors", "content__title"]}),
        (
            _("Source"),
            {
                "fields": [
                    "content__journal",
                    "content__year",
                    "content__volume",
                    "content__issue",
                    "content__pages",
                ]
            },
        ),
        (
            _("Identifiers"),
            {"fields": ["content__pmid", "content__doi", "content__clinical_trial_id"]},
        ),
        (
            _("Disclosures"),
            {"fields": ["content__author_was_paid_consultant", "content__funded_by_manufacturer"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        """Citations store the number: changing it would re-point every citation unreviewed."""
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "number"] if obj is not None else fields

    def has_delete_permission(self, request, obj=None):
        """A published reference is withdrawn by a publisher (unpublish), not deleted."""
        if (
            obj is not None
            and obj.contents(manager="admin_manager").filter(versions__state=PUBLISHED).exists()
        ):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        """No bulk delete: it would skip the published check above."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        return [
            path(
                "picker/",
                self.admin_site.admin_view(citation_picker.search_view),
                name="pages_reference_picker",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        """Every saved state of every version, newest first: the edits made before
        references were versioned (migrated) and each draft's saves since."""
        reference = get_object_or_404(Reference, pk=object_id)
        if not self.has_view_or_change_permission(request, reference):
            raise PermissionDenied
        records = (
            ReferenceContent.history.filter(reference_id=reference.pk)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %(reference)s") % {"reference": reference},
            "object": reference,
            "opts": self.opts,
            "records": records,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/pages/reference/history.html", context)
