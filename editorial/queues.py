"""
What waits on each editor: the three queues of the "My work" page.

A draft's place in the workflow is its latest review (editorial.reviews): none or
stale means the author is still writing, a current request waits on a reviewer, a
current approval waits on a publisher, a rejection goes back to the author. Drafts are
few (one per page or alias at most), so the reviews are read once and sorted here.
"""

from dataclasses import dataclass

from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from . import scheduling
from .models import DraftEdit, Review
from .reviews import PUBLISH_PERMISSION, REVIEW_PERMISSION

# Writing the words of a draft: content authors hold it, reviewers and publishers do not.
WRITE_PERMISSION = "djangocms_text.change_text"


@dataclass(frozen=True)
class WorkItem:
    """One draft in a queue, with the review that put it there (None: never submitted)."""

    version: Version
    review: Review | None

    @property
    def status(self) -> str:
        if self.review is None or not self.review.is_current:
            return "draft"
        return self.review.state

    @property
    def waiting_since(self):
        if self.review is None:
            return self.version.modified
        return self.review.decided_at or self.review.requested_at


def _drafts() -> list[WorkItem]:
    versions = (
        Version.objects.filter(state=DRAFT)
        .select_related("created_by", "content_type")
        .prefetch_related("content", "reviews__decided_by", "reviews__requested_by")
    )
    items = []
    for version in versions:
        reviews = sorted(version.reviews.all(), key=lambda r: (r.requested_at, r.pk))
        items.append(WorkItem(version=version, review=reviews[-1] if reviews else None))
    return items


def authored_by(user, drafts: list[WorkItem]) -> list[WorkItem]:
    """The user's own drafts in every state, those sent back to them first."""
    order = {Review.State.REJECTED: 0, "draft": 1, Review.State.REQUESTED: 2}
    mine = [d for d in drafts if d.version.created_by_id == user.pk]
    return sorted(mine, key=lambda d: (order.get(d.status, 3), d.waiting_since))


def awaiting_review_by(user, drafts: list[WorkItem]) -> list[WorkItem]:
    """Drafts sent for review, oldest request first, except those the user wrote or edited:
    reviews.decide refuses those, so they wait on another reviewer."""
    edited = set(
        DraftEdit.objects.filter(user=user, version__state=DRAFT).values_list(
            "version_id", flat=True
        )
    )
    waiting = [
        d
        for d in drafts
        if d.status == Review.State.REQUESTED
        and d.version.created_by_id != user.pk
        and d.version.pk not in edited
    ]
    return sorted(waiting, key=lambda d: d.waiting_since)


def approved(drafts: list[WorkItem]) -> list[WorkItem]:
    """Approved drafts not yet published, longest waiting first."""
    return sorted(
        (d for d in drafts if d.status == Review.State.APPROVED), key=lambda d: d.waiting_since
    )


@dataclass(frozen=True)
class ScheduledItem:
    """A published version that goes live later (pending) or is live until its expiry."""

    version: Version
    interval: object  # djangocms_timed_publishing's TimedPublishingInterval

    @property
    def pending(self) -> bool:
        return scheduling.is_pending(self.interval)

    @property
    def moment(self):
        return self.interval.start if self.pending else self.interval.end


def scheduled() -> list[ScheduledItem]:
    """Everything that goes live or expires later, soonest first: nobody's queue, everybody's
    concern (authors see their words appear, publishers what they set going)."""
    return [ScheduledItem(version=v, interval=i) for v, i in scheduling.upcoming()]


@dataclass(frozen=True)
class Queues:
    """Each queue is None when the user's role has no part in it (the page omits it)."""

    authored: list[WorkItem] | None
    to_review: list[WorkItem] | None
    to_publish: list[WorkItem] | None
    scheduled: list[ScheduledItem] | None = None


def queues_for(user) -> Queues:
    drafts = _drafts()
    in_workflow = any(
        user.has_perm(p) for p in (WRITE_PERMISSION, REVIEW_PERMISSION, PUBLISH_PERMISSION)
    )
    return Queues(
        authored=authored_by(user, drafts) if user.has_perm(WRITE_PERMISSION) else None,
        to_review=awaiting_review_by(user, drafts) if user.has_perm(REVIEW_PERMISSION) else None,
        to_publish=approved(drafts) if user.has_perm(PUBLISH_PERMISSION) else None,
        scheduled=scheduled() if in_workflow else None,
    )
