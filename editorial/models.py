"""
Editorial governance records: reviews of drafts, the audit history, and when
each page was last medically reviewed.

Versions and their states belong to djangocms-versioning; these models add
what a medical-device company must be able to show: who approved a draft
before it went live, and every publish, unpublish, approval and rejection.
"""

from cms.extensions import PageExtension
from cms.extensions.extension_pool import extension_pool
from cms.models import Page
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from djangocms_versioning.models import Version


class Review(models.Model):
    """A reviewer's decision on one draft version. Edits made after it make it stale."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="reviews")
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("review")
        permissions = [
            ("review_content", _("Can approve or reject drafts")),
            ("publish_content", _("Can publish and unpublish approved content")),
        ]

    def __str__(self):
        return f"{self.version.content} – {self.get_state_display()}"

    @property
    def is_current(self) -> bool:
        """False once the draft changed after the request or decision."""
        moment = self.decided_at or self.requested_at
        return self.version.modified <= moment


class AuditEntry(models.Model):
    """One line of the editorial history: who did what to which content, and when."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Review requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        DRAFTED = "drafted", _("Draft created")
        ARCHIVED = "archived", _("Archived")
        REVERTED = "reverted", _("Reverted")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action)
    version = models.ForeignKey(
        Version, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content_label = models.CharField(
        _("content"), max_length=300, help_text=_("Kept even if the content is deleted later.")
    )
    note = models.TextField(_("note"), blank=True)
    reading_grade = models.FloatField(
        _("reading grade"),
        null=True,
        blank=True,
        help_text=_("At approval: the US school grade of the draft's text (empty: too short)."),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit history")

    def __str__(self):
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.get_action_display()} {self.content_label}"
        )


class DraftEdit(models.Model):
    """One change a user made to a draft: its plugins, or its title and settings.

    Versioning records only who created a draft and when it last changed. A reviewer who
    also writes must not approve words they put into a colleague's draft, so every editor
    of a draft is kept here (editorial.draft_edits records them as they edit).
    """

    class Kind(models.TextChoices):
        CONTENT = "content", _("its content")
        SETTINGS = "settings", _("its title or settings")

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="edits")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("what"), max_length=10, choices=Kind)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("draft edit")

    def __str__(self):
        return f"{self.user} changed {self.get_kind_display()} of {self.version.short_name()}"


@extension_pool.register
class MedicalReview(PageExtension):
    """When a page was last medically reviewed and by whom; set when a reviewer approves it."""

    reviewed_at = models.DateTimeField(_("last medical review"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("medical review")

    def __str__(self):
        return f"{self.extended_object} reviewed {self.reviewed_at:%Y-%m-%d}"


class PageDueForReview(Page):
    """The admin report "Content due for review" lists pages through this proxy."""

    class Meta:
        proxy = True
        verbose_name = _("page due for review")
        verbose_name_plural = _("content due for review")
