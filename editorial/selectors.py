"""Queries for the editorial reports and the reviewer's page."""

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


def _as_address(path: str | None) -> str:
    return f"/{path}/" if path else "/"


def address_change(content) -> tuple[str, str] | None:
    """The live address of a page and the one its draft would publish, when they differ.

    A slug or overwrite URL edited in a draft goes live with the draft; the reviewer's
    compare view shows rendered pages, not addresses, so the approval page says it.
    """
    page = getattr(content, "page", None)
    if page is None or not hasattr(content, "slug"):
        return None
    live = page.get_path(content.language, fallback=False)
    drafted = page.get_url_data(content.slug, content.overwrite_url, content.language)["path"]
    if live is None or drafted is None or live == drafted:
        return None
    return _as_address(live), _as_address(drafted)
