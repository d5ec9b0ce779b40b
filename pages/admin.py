"""
Admin for the reference library. Risk lists and notices are edited as aliases.

References are edited directly, not as drafts: a change shows on every citing
page at the next request. Their History page lists each change with who made
it and the values before, and can restore an earlier state.
"""

from django.contrib import admin
from django.contrib.messages import WARNING
from django.utils.translation import gettext_lazy as _

from core.history_admin import HistoryAdmin

from .forms import ReferenceForm
from .models import Reference
from .selectors import live_pages_citing


@admin.register(Reference)
class ReferenceAdmin(HistoryAdmin):
    form = ReferenceForm
    list_display = ["number", "first_author", "year", "journal", "pmid", "doi", "disclosures"]
    list_display_links = ["number", "first_author"]
    search_fields = ["number", "authors", "title", "journal", "pmid", "doi"]
    list_filter = ["author_was_paid_consultant", "funded_by_manufacturer", "year"]
    fieldsets = [
        (None, {"fields": ["number", "authors", "title"]}),
        (_("Source"), {"fields": ["journal", "year", "volume", "issue", "pages"]}),
        (_("Identifiers"), {"fields": ["pmid", "doi", "clinical_trial_id"]}),
        (
            _("Disclosures"),
            {"fields": ["author_was_paid_consultant", "funded_by_manufacturer"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            message = _("This change is live now on the pages citing [%(number)s]: %(titles)s.")
            self._name_live_pages(request, live_pages_citing(obj.number), message, obj.number)

    def delete_model(self, request, obj):
        pages = live_pages_citing(obj.number)
        super().delete_model(request, obj)
        message = _("Reference %(number)s is no longer listed on these live pages: %(titles)s.")
        self._name_live_pages(request, pages, message, obj.number)

    def _name_live_pages(self, request, pages, message, number):
        """References are not drafts: tell the editor which live pages the change reached."""
        if pages:
            titles = ", ".join(page.title for page in pages)
            self.message_user(request, message % {"number": number, "titles": titles}, WARNING)

    @admin.display(description=_("first author"))
    def first_author(self, obj):
        return obj.authors.split(",")[0]

    @admin.display(description=_("disclosures"))
    def disclosures(self, obj):
        return ("*" if obj.author_was_paid_consultant else "") + (
            "†" if obj.funded_by_manufacturer else ""
        )
