"""
What an HTTP cache in front may keep, said in every kind of response (delivery.edge_cache):
cacheable pages (public, s-maxage, surrogate keys), private answers, never-stored ones.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from djangocms_alias.models import Alias, AliasContent

from delivery import conf
from delivery.invalidation import refresh_pages
from pages import demo
from tests import factories

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str | None]:
    parts = (p.strip() for p in response["Cache-Control"].split(","))
    return dict((p.split("=", 1) + [None])[:2] for p in parts if p)


def keys(response) -> set[str]:
    return set(response["Surrogate-Key"].split())


def assert_never_stored(response):
    assert {"private", "no-store"} <= directives(response).keys()
    assert "Surrogate-Key" not in response.headers


def assert_private(response):
    assert "private" in directives(response)
    assert "public" not in directives(response) and "s-maxage" not in directives(response)
    assert "Surrogate-Key" not in response.headers


@pytest.fixture
def pages(site_tree, editor):
    """A procedure page showing a risk list and citing [17,19]; another with neither."""
    factories.references()
    risks = factories.risk_list_alias(user=editor)
    showing = factories.published_page(
        "Kyphoplasty",
        user=editor,
        parent=site_tree.section,
        template="cms/procedure.html",
        content=factories.text("<p>Relieves pain{cite:17,19} for most.</p>"),
        safety=[{"plugin": "Alias", "alias": risks.static_code}],
    )
    return showing, site_tree.child, risks


# --- Cacheable ---------------------------------------------------------------------


def test_page_names_what_it_was_built_from(client, pages):
    showing, other, risks = pages

    response = client.get(showing.get_absolute_url())

    assert keys(response) == {
        "site",
        "menu",
        "notices",
        f"page-{showing.pk}",
        f"alias-{risks.pk}",
        "reference-17",
        "reference-19",
    }
    assert keys(client.get(other.get_absolute_url())) == {
        "site",
        "menu",
        "notices",
        f"page-{other.pk}",
    }


def test_edge_may_keep_a_page_long_and_browsers_briefly(client, pages):
    url = pages[0].get_absolute_url()
    miss = client.get(url)
    hit = client.get(url)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for response in (miss, hit):
        cache_control = directives(response)
        assert "public" in cache_control
        assert int(cache_control["s-maxage"]) > conf.EDGE_SECONDS // 2  # the edge keeps it long
        assert int(cache_control["max-age"]) <= settings.PORTAL_PAGE_BROWSER_SECONDS
    assert keys(hit) == keys(miss), "the page cache replays the keys it stored"


def test_without_the_page_cache_the_edge_headers_stay(client, pages, settings):
    settings.PORTAL_PAGE_CACHE = False
    response = client.get(pages[0].get_absolute_url())

    assert "X-Page-Cache" not in response.headers
    assert "s-maxage" in directives(response)
    assert f"page-{pages[0].pk}" in keys(response)


def test_site_map_lists_every_page_so_the_menu_key_covers_it(client, site_tree):
    response = client.get("/sitemap.xml")

    assert "public" in directives(response)
    assert keys(response) == {"site", "menu"}


def test_edge_keeps_a_page_no_longer_than_until_a_scheduled_notice_starts(
    client, editor, site_tree
):
    start = timezone.now() + timedelta(seconds=90)
    alias = Alias.objects.get(static_code="donations-registry")
    AliasContent.admin_manager.filter(alias=alias).delete()
    notice = [
        {
            "plugin": "ScheduledContentPlugin",
            "display_from": start,
            "children": [{"plugin": "TextPlugin", "body": "<p>Donations registry</p>"}],
        }
    ]
    spec = {
        "category": "Site notices",
        "aliases": {"donations-registry": {"name": "D", "en-us": notice}},
    }
    demo.load_aliases(spec=spec, user=editor, report=demo.LoadReport())

    first = client.get("/")
    refresh_pages()  # a publish elsewhere: the notice's placeholder stays in django CMS's cache
    again = client.get("/")

    for response in (first, again):
        assert "Donations registry" not in response.content.decode()
        assert 0 < int(directives(response)["s-maxage"]) <= 90


# --- Private: the visitor's own browser only -------------------------------------------


@pytest.mark.parametrize("path", ["/no-such-page/", "/api/physicians/?near=55432"])
def test_answers_for_one_visitor_are_private(client, site_tree, path):
    assert_private(client.get(path))


# --- Never stored -------------------------------------------------------------------


def test_editors_pages_are_never_stored(client, editor, pages):
    client.force_login(editor)
    assert_never_stored(client.get(pages[0].get_absolute_url()))


@pytest.mark.parametrize("query", ["?toolbar_on", "?edit", "?preview"])
def test_toolbar_requests_are_never_stored(client, pages, query):
    assert_never_stored(client.get(pages[0].get_absolute_url() + query))


def test_a_session_cookie_means_never_stored(client, pages):
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone"
    assert_never_stored(client.get(pages[0].get_absolute_url()))


def test_anything_carrying_a_csrf_token_is_never_stored(client, site_tree):
    response = client.get("/admin/login/")

    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_never_stored(response)


def test_site_search_results_are_never_stored(client, site_tree):
    assert_never_stored(client.get("/search/?q=kyphoplasty"))
