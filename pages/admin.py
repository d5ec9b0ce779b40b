"""
Admin for the reference library. Risk lists and notices are edited as aliases.

References are edited directly, not as drafts: a change shows on every citing
page at the next request. Their History page lists each change with who made
it and the values before, and can restore an earlier state.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.history_admin import HistoryAdmin

from .forms import ReferenceForm
from .models import Reference


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

    @admin.display(description=_("first author"))
    def first_author(self, obj):
        return obj.authors.split(",")[0]

    @admin.display(description=_("disclosures"))
    def disclosures(self, obj):
        return ("*" if obj.author_was_paid_consultant else "") + (
            "†" if obj.funded_by_manufacturer else ""
        )
