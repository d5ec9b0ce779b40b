"""
The header's main navigation is rendered once per region and page for visitors
(delivery/templatetags/navigation.py), and a change to the page tree shows at the next
request.
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
