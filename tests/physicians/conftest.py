"""Fixtures for the physician finder: its apphooked CMS page and a few physicians."""

import pytest
from cms.models import Page
from cms.utils.apphook_reload import reload_urlconf

from tests import factories

FINDER_TEXT = "Physicians listed here have asked to be included."


@pytest.fixture
def finder_page(site_tree, editor):
    """The "Physician Finder" CMS page with the finder apphooked, as the demo builds it."""
    page = factories.published_page(
        "Physician Finder",
        user=editor,
        slug="physician-finder",
        reverse_id="physician-finder",
        apphook="PhysicianFinderApphook",
        apphook_namespace="physicians",
        content=factories.text(f"<p>{FINDER_TEXT}</p>"),
    )
    # django CMS builds apphook URL patterns from the database: rebuild them now
    # that the page exists, and again once it is gone, as a server restart would.
    reload_urlconf()
    yield page
    Page.objects.filter(pk=page.pk).update(application_urls=None, application_namespace=None)
    reload_urlconf()
