"""
Regions are django CMS languages (en-us, en-ca): each has its own page
content, notices and date format. This module maps a page in one region to
the same page in another.
"""

from cms.models import PageContent, PageUrl
from django.conf import settings
from django.urls import reverse
from django.utils import translation


def region_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def strip_region(path: str) -> tuple[str, str]:
    """'/en-ca/patients/x/' -> ('en-ca', 'patients/x'); unprefixed paths are the default region."""
    region = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    parts = path.strip("/").split("/")
    if parts and parts[0] == region:
        parts = parts[1:]
    return region, "/".join(parts)


def equivalent_url(path: str, region: str) -> str:
    """The same page in `region` when it is published there, else that region's home."""
    source_region, page_path = strip_region(path)
    page_url = (
        PageUrl.objects.filter(
            path=page_path, language=source_region, page__site_id=settings.SITE_ID
        )
        .select_related("page")
        .first()
    )
    if page_url and PageContent.objects.filter(page=page_url.page, language=region).exists():
        url = page_url.page.get_absolute_url(language=region)
        if url:
            return url
    with translation.override(region):
        return reverse("pages-root")
