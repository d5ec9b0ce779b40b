"""Content shown only between two dates, such as the donations-registry notice."""

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScheduledContent(CMSPlugin):
    display_from = models.DateTimeField(_("display from"), null=True, blank=True)
    display_until = models.DateTimeField(
        _("display until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to show it until further notice."),
    )

    def __str__(self):
        start = self.display_from.date() if self.display_from else "…"
        end = self.display_until.date() if self.display_until else "…"
        return f"{start} – {end}"

    def clean(self):
        if self.display_from and self.display_until and self.display_until <= self.display_from:
            raise ValidationError({"display_until": _("The end must be after the start.")})

    def is_showing(self, when=None) -> bool:
        when = when or timezone.now()
        started = self.display_from is None or self.display_from <= when
        ended = self.display_until is not None and self.display_until <= when
        return started and not ended

    def next_change(self, when=None):
        """The next moment this content appears or disappears, so caches expire then."""
        when = when or timezone.now()
        future = [t for t in (self.display_from, self.display_until) if t and t > when]
        return min(future) if future else None
