"""/sitemap.xml is cached with the pages and ends with them: cheap to crawl, never stale."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_second_request_runs_no_query(client, site_tree, django_assert_num_queries):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    assert first.headers.get("X-Page-Cache") == "miss"

    with django_assert_num_queries(0):
        second = client.get("/sitemap.xml")

    assert second.headers.get("X-Page-Cache") == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_published_page_is_listed_at_the_next_request(client, site_tree, editor):
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml").headers.get("X-Page-Cache") == "hit"

    page = factories.published_page("Contact", user=editor)

    response = client.get("/sitemap.xml")
    assert response.headers.get("X-Page-Cache") == "miss"
    assert page.get_absolute_url() in response.content.decode()


def test_editors_get_it_uncached(client, site_tree, editor):
    client.force_login(editor)
    client.get("/sitemap.xml")

    assert client.get("/sitemap.xml").headers.get("X-Page-Cache") is None
