"""Fixtures for the physician finder: its apphooked CMS page."""

import pytest
from cms.models import Page
from cms.utils.apphook_reload import reload_urlconf

from tests import factories

FINDER_TEXT = "Physicians listed here have asked to be included."


@pytest.fixture
def reload_apphooks(db):
    """
    django CMS builds apphook URL patterns from the database once per process.
    Call this after attaching the finder to a page, as a server restart would;
    afterwards the patterns are rebuilt without it, so other tests are unaffected.
    """
    yield reload_urlconf
    Page.objects.filter(application_urls="PhysicianFinderApphook").update(
        application_urls=None, application_namespace=None
    )
    reload_urlconf()


@pytest.fixture
def finder_page(site_tree, editor, reload_apphooks):
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
    reload_apphooks()
    return page
