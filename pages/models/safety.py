"""
Safety information ("Important Safety Information") as CMS plugins.

A risk list is a plugin with ordered child items. It lives in a djangocms-alias
alias in the "Safety information" category, so one list is edited once,
versioned (draft, review, publish, compare, revert) and placed on any number of
pages with the alias plugin.
"""

from cms.models import CMSPlugin
from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskList(CMSPlugin):
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("For editors only, e.g. 'Serious adverse events'."),
    )
    lead_in = models.TextField(
        _("lead-in"),
        help_text=_("Shown before the list, e.g. 'Serious adverse events can occur including:'"),
    )
    closing = models.TextField(
        _("closing line"),
        blank=True,
        help_text=_("Shown after the list, e.g. 'Patients should consult with their doctor ...'"),
    )

    def __str__(self):
        return self.title


class RiskItem(CMSPlugin):
    term = models.CharField(_("term"), max_length=200, help_text=_("e.g. 'myocardial infarction'"))
    gloss = models.CharField(
        _("plain-language explanation"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'heart attack'; shown in brackets after the term."),
    )

    def __str__(self):
        return f"{self.term} ({self.gloss})" if self.gloss else self.term
