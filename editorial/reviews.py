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

from . import audit, conf, draft_edits, notifications, reading_grade
from .conf import PUBLISH_PERMISSION, REVIEW_PERMISSION
from .models import AuditEntry, MedicalReview, Review

__all__ = ["PUBLISH_PERMISSION", "REVIEW_PERMISSION"]  # other modules import them from here


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
    notifications.review_requested(review)
    return review


@transaction.atomic
def decide(
    *, version, user, approve: bool, comment: str = "", grade_acknowledged: bool = False
) -> Review:
    """Approve or reject a draft, recording who decided, when, and its reading grade.

    A draft reading above PORTAL_MAX_READING_GRADE is not refused: the reviewer approves
    it by acknowledging the warning (`grade_acknowledged`), and the grade is recorded.
    """
    _require_draft(version)
    if not user.has_perm(REVIEW_PERMISSION):
        raise ReviewError(_("Only medical reviewers can approve or reject drafts."))
    if version.created_by_id == user.pk and not user.is_superuser:
        raise ReviewError(_("You cannot review a draft you wrote: ask another reviewer."))
    if approve and not user.is_superuser:
        _refuse_own_edits(version, user)
    if not approve and not comment.strip():
        raise ReviewError(_("Say why the draft is rejected, so the author can fix it."))
    grade = reading_grade.grade_of(version.content)
    if approve and reading_grade.above_limit(grade) and not grade_acknowledged:
        raise ReviewError(reading_grade_warning(grade))
    review = latest_review(version)
    if review is None or review.state != Review.State.REQUESTED or not review.is_current:
        review = Review(version=version, requested_by=user)
    review.state = Review.State.APPROVED if approve else Review.State.REJECTED
    review.decided_by = user
    review.decided_at = timezone.now()
    review.comment = comment.strip()
    review.save()
    action = AuditEntry.Action.APPROVED if approve else AuditEntry.Action.REJECTED
    audit.record(
        action,
        version=version,
        user=user,
        note=review.comment,
        reading_grade=grade if approve else None,
    )
    if approve:
        _record_medical_review(version, user=user, when=review.decided_at)
    notifications.review_decided(review)
    return review


def reading_grade_warning(grade: float) -> str:
    return _(
        "This draft reads at grade %(grade)s, above the portal's limit of grade %(limit)s: "
        "patient pages should read at grade 6 to 8. Simplify it, or approve it by "
        "acknowledging that it reads above the limit."
    ) % {"grade": grade, "limit": conf.MAX_READING_GRADE}


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
