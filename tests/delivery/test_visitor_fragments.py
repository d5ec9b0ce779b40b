"""
The chrome every page shares (the main navigation, the footer's notices and links) is
rendered once per region and page for visitors (delivery/templatetags/visitor_fragments.py),
and a change to what it shows appears at the next request.
"""

import pytest
from django.db import transaction
from menus.menu_pool import MenuRenderer

from tests import factories
from tests.html import nav_links, texts

pytestmark = pytest.mark.django_db

SEARCH = "/search/?q=fracture"


@pytest.fixture
def tree_loads(monkeypatch):
    """Counts how often django CMS loads the page tree for a menu (from its cache or the DB)."""
    calls = []
    real = MenuRenderer._build_nodes

    def counting(self):
        calls.append(self.request.path)
        return real(self)

    monkeypatch.setattr(MenuRenderer, "_build_nodes", counting)
    return calls


def test_search_results_reuse_the_navigation_without_loading_the_tree(
    client, site_tree, tree_loads
):
    first = client.get(SEARCH)
    second = client.get(SEARCH)

    assert tree_loads == ["/search/"]
    assert nav_links(second, "Main") == nav_links(first, "Main")
    assert "Patients" in nav_links(second, "Main")


def test_a_new_top_level_page_shows_at_the_next_request(client, site_tree, editor):
    client.get(SEARCH)

    with transaction.atomic():
        factories.published_page("Contact Us", user=editor, content=factories.text("<p>x</p>"))

    assert "Contact Us" in nav_links(client.get(SEARCH), "Main")


def test_the_current_section_is_marked_per_page(client, site_tree, settings):
    settings.PORTAL_PAGE_CACHE = False  # the pages themselves rendered, navigation cached
    for _ in range(2):
        patients = client.get("/patients/")
        search = client.get(SEARCH)

    assert texts(patients, '//nav[@aria-label="Main"]//li[contains(@class, "--active")]/a') == [
        "Patients"
    ]
    assert texts(search, '//nav[@aria-label="Main"]//li[contains(@class, "--active")]/a') == []


def test_editors_get_the_menu_built_for_them(admin_client, site_tree, tree_loads):
    admin_client.get(SEARCH)
    admin_client.get(SEARCH)

    assert tree_loads == ["/search/", "/search/"]


def test_footer_notices_and_links_are_reused(client, site_tree, monkeypatch):
    from delivery import lookups

    first = client.get(SEARCH)
    looked_up = []
    real = lookups.static_alias_placeholder
    monkeypatch.setattr(
        lookups,
        "static_alias_placeholder",
        lambda *args, **kwargs: looked_up.append(args) or real(*args, **kwargs),
    )
    second = client.get(SEARCH)

    assert looked_up == []
    assert texts(second, "//footer//p") == texts(first, "//footer//p")
    assert "Medtronic's Donations Registry lists donations." in texts(second, "//footer//p")


def test_a_notice_published_later_shows_in_the_cached_footer(client, site_tree, editor):
    canadian_search = "/en-ca" + SEARCH
    assert "Canadian donations registry." not in texts(client.get(canadian_search), "//footer//p")

    with transaction.atomic():
        factories.notice("donations-registry", "en-ca", "Canadian donations registry.", user=editor)

    assert "Canadian donations registry." in texts(client.get(canadian_search), "//footer//p")
