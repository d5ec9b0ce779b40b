"""
The main menu on a 2,000-page site: built with a fixed number of queries,
then served from django CMS's menu cache (one query to check it is current)
until a page change clears it.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delivery.invalidation import refresh_pages
from tests import factories
from tests.html import nav_links
from tests.performance import tree

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_menu_of_2000_pages_costs_the_same_queries_as_a_small_one(
    client, editor, site_tree, django_assert_max_num_queries
):
    client.get("/")  # first-ever request: one-off rows such as the menu's cache key
    cache.clear()
    small_cold, _ = queries_for(client, "/")

    tree.add_tree(user=editor, sections=40, children=49)
    tree.check_tree()
    cache.clear()
    large_cold, response = queries_for(client, "/")

    assert large_cold == small_cold
    assert len(nav_links(response, "Main")) == 40 + 2  # the sections, plus Welcome and Patients
    refresh_pages()
    with django_assert_max_num_queries(15):
        client.get("/")


def test_menu_cache_is_cleared_by_a_page_change(client, editor, site_tree):
    tree.add_tree(user=editor, sections=5, children=3)
    client.get("/")
    refresh_pages()
    warm, _ = queries_for(client, "/")

    factories.published_page("Contact", user=editor)
    rebuilt, response = queries_for(client, "/")

    assert "Contact" in nav_links(response, "Main")
    assert rebuilt > warm
