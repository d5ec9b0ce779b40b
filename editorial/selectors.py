"""Queries for the editorial reports."""

from cms.models import Page
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from . import conf
from .models import MedicalReview


def pages_due_for_review(pages: QuerySet[Page] | None = None) -> QuerySet[Page]:
    """Pages last medically reviewed more than PORTAL_REVIEW_INTERVAL_DAYS ago, or never.

    Never-reviewed pages come first, then the longest unreviewed. Each page carries
    ``reviewed_at`` and ``reviewer_name`` (None when never reviewed).
    """
    if pages is None:
        pages = Page.objects.all()
    cutoff = timezone.now() - timezone.timedelta(days=conf.REVIEW_INTERVAL_DAYS)
    reviews_of_page = MedicalReview.objects.filter(extended_object=OuterRef("pk"))
    return (
        pages.annotate(
            reviewed_at=Subquery(reviews_of_page.values("reviewed_at")[:1]),
            reviewer_name=Subquery(reviews_of_page.values("reviewed_by__username")[:1]),
        )
        .filter(Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=cutoff))
        .order_by(F("reviewed_at").asc(nulls_first=True), "path")
    )
