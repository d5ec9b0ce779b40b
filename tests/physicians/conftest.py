"""Fixtures for the physician finder: its apphooked CMS page."""

import pytest
from cms.models import Page
from cms.utils.apphook_reload import reload_urlconf

from delivery import apphook_reload
from tests import factories

FINDER_TEXT = "Physicians listed here have asked to be included."


def apphooks_changed():
    """
    What happens as an editor's request that attached an apphook finishes:
    django CMS announces new URLs, and the next request rebuilds its patterns.
    """
    apphook_reload.announce_change()
    apphook_reload.update_url_patterns()


@pytest.fixture
def reload_apphooks(db):
    """
    Call this after attaching the finder to a page outside a request;
    afterwards the patterns are rebuilt without it, so other tests are unaffected.
    """
    yield apphooks_changed
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
