"""
Which index entries a visitor may be shown: decided at each search.

The index holds every published page; who may see one can change without a
publish (a page moved into the healthcare-professional section, a view
restriction added in the page's permissions, ``login_required`` set). Reading
those rules when searching costs two small queries and can never go stale,
where copying them into the index would need a receiver for each.

Never shown: another region's pages, page types, pages that need a login,
the section under ``PORTAL_HCP_SECTION`` (pages.conf), pages with a
django CMS view restriction (a ``PagePermission`` with ``can_view``), and
pages whose published version is not yet live or has expired
(djangocms-timed-publishing's dates, editorial.scheduling), whoever is
searching: results are the same for editors and visitors.
"""

import operator
from functools import reduce

from cms.models import Page, PageContent, PagePermission
from cms.models.permissionmodels import MASK_CHILDREN, MASK_DESCENDANTS, MASK_PAGE
from cms.utils.conf import get_cms_setting
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from djangocms_timed_publishing.models import TimedPublishingInterval
from djangocms_versioning.constants import PUBLISHED

from pages import conf as pages_conf

from .models import SearchEntry


def _restricted_pages() -> list[Q]:
    """Pages under a view restriction, by django CMS's grant_on rules (cms PagePermission)."""
    if not get_cms_setting("PERMISSION"):
        return []
    hidden = []
    grants = PagePermission.objects.filter(can_view=True, page__site_id=settings.SITE_ID)
    for path, depth, grant_on in grants.values_list("page__path", "page__depth", "grant_on"):
        if grant_on & MASK_PAGE:
            hidden.append(Q(page__path=path))
        if grant_on & MASK_CHILDREN:
            hidden.append(Q(page__path__startswith=path, page__depth=depth + 1))
        if grant_on & MASK_DESCENDANTS:
            hidden.append(Q(page__path__startswith=path, page__depth__gt=depth))
    return hidden


def _professional_section() -> list[Q]:
    roots = Page.objects.filter(reverse_id=pages_conf.HCP_SECTION, site_id=settings.SITE_ID)
    return [Q(page__path__startswith=path) for path in roots.values_list("path", flat=True)]


def _outside_their_dates(language: str):
    """Pages whose published content in `language` is pending or expired right now.

    The complement of timed-publishing's published manager (visible when start < now < end).
    A subquery on the few scheduled versions, not a per-entry join.
    """
    now = timezone.now()
    hidden_versions = TimedPublishingInterval.objects.filter(
        Q(start__gte=now) | Q(end__lte=now),
        version__state=PUBLISHED,
        version__content_type=ContentType.objects.get_for_model(PageContent),
    ).values("version__object_id")
    return PageContent.admin_manager.filter(language=language, pk__in=hidden_versions).values(
        "page_id"
    )


def visible_entries(language: str):
    """Entries of this region that anyone may read."""
    if get_cms_setting("PUBLIC_FOR") != "all":  # only staff may see pages at all
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.filter(
        language=language,
        page__site_id=settings.SITE_ID,
        page__login_required=False,
        page__is_page_type=False,
    ).exclude(page_id__in=_outside_their_dates(language))
    hidden = _professional_section() + _restricted_pages()
    return entries.exclude(reduce(operator.or_, hidden)) if hidden else entries
