"""
Review before publish, as plain functions the admin views and the toolbar call.

A draft is approved when its latest review is an approval made after its last
edit. Reviewers may not review drafts they created, nor approve drafts they
edited since the last approval (superusers excepted: they hold every role).
"""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from djangocms_versioning.constants import DRAFT

from . import audit, draft_edits
from .models import AuditEntry, MedicalReview, Review

REVIEW_PERMISSION = "editorial.review_content"
PUBLISH_PERMISSION = "editorial.publish_content"


class ReviewError(Exception):
    """An editorial action that is not allowed; its message is shown to the editor."""


def latest_review(version) -> Review | None:
    return version.reviews.order_by("-requested_at", "-pk").first()


def is_approved(version) -> bool:
    review = latest_review(version)
    return bool(review and review.state == Review.State.APPROVED and review.is_current)


def _require_draft(version) -> None:
    if version.state != DRAFT:
        raise ReviewError(_("Only drafts can be reviewed."))


@transaction.atomic
def request_review(*, version, user) -> Review:
    _require_draft(version)
    if not version.has_change_permission(user):
        raise ReviewError(_("You do not have permission to edit this content."))
    review = Review.objects.create(version=version, requested_by=user)
    audit.record(AuditEntry.Action.REQUESTED, version=version, user=user)
    return review


@transaction.atomic
def decide(*, version, user, approve: bool, comment: str = "") -> Review:
    """Approve or reject a draft, recording who decided and when."""
    _require_draft(version)
    if not user.has_perm(REVIEW_PERMISSION):
        raise ReviewError(_("Only medical reviewers can approve or reject drafts."))
    if version.created_by_id == user.pk and not user.is_superuser:
        raise ReviewError(_("You cannot review a draft you wrote: ask another reviewer."))
    if approve and not user.is_superuser:
        _refuse_own_edits(version, user)
    if not approve and not comment.strip():
        raise ReviewError(_("Say why the draft is rejected, so the author can fix it."))
    review = latest_review(version)
    if review is None or review.state != Review.State.REQUESTED or not review.is_current:
        review = Review(version=version, requested_by=user)
    review.state = Review.State.APPROVED if approve else Review.State.REJECTED
    review.decided_by = user
    review.decided_at = timezone.now()
    review.comment = comment.strip()
    review.save()
    action = AuditEntry.Action.APPROVED if approve else AuditEntry.Action.REJECTED
    audit.record(action, version=version, user=user, note=review.comment)
    if approve:
        _record_medical_review(version, user=user, when=review.decided_at)
    return review


def _refuse_own_edits(version, user) -> None:
    edit = draft_edits.latest_edit_by(version, user)
    if edit is not None:
        when = formats.date_format(timezone.localtime(edit.at), "DATETIME_FORMAT")
        raise ReviewError(
            _(
                "You cannot approve this draft: you changed %(what)s on %(when)s. "
                "Ask another medical reviewer to approve it."
            )
            % {"what": edit.get_kind_display(), "when": when}
        )


def _record_medical_review(version, *, user, when) -> None:
    page = getattr(version.content, "page", None)
    if page is not None:
        MedicalReview.objects.update_or_create(
            extended_object=page, defaults={"reviewed_at": when, "reviewed_by": user}
        )
