"""
What a page's head says about it beyond its own content, read once and kept.

The alternates (the page's published versions in the other regions), its last
medical review and its picture each cost a query. Kept in the shared cache per
page and region, they cost nothing on the renders that follow a publish of some
other page, so a page-cache miss stays within the query budget
(tests/performance/test_query_budget.py). They are forgotten exactly when they
change: a publish or unpublish of this page (any region), an approval (the review
record), and any move or delete in the tree (URLs change below the moved page).
"""

from dataclasses import dataclass, field

from cms.models import PageContent, PageUrl
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q

from editorial.models import MedicalReview
from media.models import Picture

from . import conf

VERSION_KEY = "seo:facts-version"


@dataclass(frozen=True)
class PageFacts:
    alternates: dict[str, str] = field(default_factory=dict)  # language -> absolute URL
    last_reviewed: str | None = None  # ISO date
    reviewer: str | None = None  # a person's full name, never a login name
    image: str | None = None  # absolute URL


def _key(page_id: int, language: str, version) -> str:
    return f"seo:facts:{version}:{page_id}:{language}"


def facts_for(content: PageContent) -> PageFacts:
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None) or 1
    key = _key(content.page_id, content.language, version)
    facts = cache.get(key)
    if facts is None:
        facts = _load(content)
        cache.set(key, facts, timeout=None)
    return facts


def _load(content: PageContent) -> PageFacts:
    published = PageContent.objects.filter(page_id=content.page_id).values_list(
        "language", flat=True
    )
    urls = PageUrl.objects.filter(page_id=content.page_id, language__in=list(published))
    alternates = {u.language: conf.SITE_URL + _path(u) for u in urls}
    review = (
        MedicalReview.objects.filter(extended_object_id=content.page_id)
        .select_related("reviewed_by")
        .first()
    )
    picture = (
        Picture.objects.filter(
            Q(placeholder__object_id=content.pk)
            & Q(placeholder__content_type__model="pagecontent"),
            image__isnull=False,
        )
        .select_related("image")
        .order_by("position")
        .first()
    )
    reviewer = review.reviewed_by.get_full_name() if review and review.reviewed_by else ""
    return PageFacts(
        alternates=alternates,
        last_reviewed=review.reviewed_at.date().isoformat()
        if review and review.reviewed_at
        else None,
        reviewer=reviewer or None,
        image=conf.SITE_URL + picture.image.url if picture else None,
    )


def _path(url: PageUrl) -> str:
    prefix = "" if url.language == settings.LANGUAGE_CODE else f"/{url.language}"
    return f"{prefix}/{url.path}/" if url.path else f"{prefix}/"


def forget_page(page_id: int) -> None:
    version = cache.get(VERSION_KEY) or 1
    cache.delete_many([_key(page_id, language, version) for language, _ in settings.LANGUAGES])


def forget_all() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


# --- Receivers (connected in SeoConfig.ready) -------------------------------------


def version_changed(sender, *, obj, **kwargs):
    if isinstance(obj.content, PageContent):
        forget_page(obj.content.page_id)


def review_saved(sender, *, instance, **kwargs):
    forget_page(instance.extended_object_id)


def tree_changed(sender, **kwargs):
    forget_all()
