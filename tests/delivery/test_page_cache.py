"""
Anonymous page views come from delivery.page_cache; editors and the toolbar never do.
"""

import gzip

import pytest
from django.conf import settings

from tests import factories
from tests.html import texts

pytestmark = pytest.mark.django_db


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def max_age(response) -> int:
    return int(response["Cache-Control"].split("max-age=")[1].split(",")[0])


@pytest.fixture
def url(site_tree):
    return site_tree.procedure.get_absolute_url()


def test_second_anonymous_request_is_a_hit_without_sql(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    assert 0 < max_age(first) <= settings.PORTAL_PAGE_BROWSER_SECONDS
    assert "private" not in first["Cache-Control"]

    with django_assert_num_queries(0):
        second = client.get(url)

    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "SAMEORIGIN"
    assert "Set-Cookie" not in second.headers


def test_editor_is_never_served_a_cached_page(client, editor, url):
    client.get(url)
    client.force_login(editor)

    response = client.get(url)

    assert cache_state(response) is None
    assert "cms-toolbar" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_editor_response_is_never_stored(client, editor, url):
    client.force_login(editor)
    client.get(url)
    client.logout()
    client.cookies.clear()

    response = client.get(url)

    assert cache_state(response) == "miss"
    assert "cms-toolbar" not in response.content.decode()


@pytest.mark.parametrize("query", ["?toolbar_on", "?toolbar_off", "?edit", "?structure"])
def test_toolbar_parameters_bypass_the_cache(client, url, query):
    client.get(url)

    assert cache_state(client.get(url + query)) is None


def test_a_session_cookie_bypasses_the_cache(client, url):
    client.get(url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"

    assert cache_state(client.get(url)) is None


def test_regions_are_cached_apart(client, editor, site_tree):
    factories.published_translation(site_tree.home, "en-ca", user=editor, title="Welcome, Canada")
    client.get("/")
    client.get("/en-ca/")

    us, ca = client.get("/"), client.get("/en-ca/")

    assert [cache_state(us), cache_state(ca)] == ["hit", "hit"]
    assert texts(us, "//h1") == ["Welcome"]
    assert texts(ca, "//h1") == ["Welcome, Canada"]


def test_accept_language_does_not_split_the_cache(client, url):
    client.get(url, HTTP_ACCEPT_LANGUAGE="fr")

    assert cache_state(client.get(url, HTTP_ACCEPT_LANGUAGE="de")) == "hit"


def test_compressed_copy_for_clients_that_accept_gzip(client, url):
    plain = client.get(url)

    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) < len(plain.content) / 2
    assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in packed["Vary"].split(",")}


def test_unchanged_page_answers_not_modified(client, url):
    etag = client.get(url)["ETag"]

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["ETag"] == etag


def test_head_is_served_from_the_cache_without_a_body(client, url):
    body = client.get(url).content

    response = client.head(url)

    assert cache_state(response) == "hit"
    assert response.content == b""
    assert int(response["Content-Length"]) == len(body)


def test_unknown_host_is_refused_even_for_a_cached_page(client, url):
    client.get(url)

    assert client.get(url, HTTP_HOST="evil.example").status_code == 400


def test_not_found_is_not_cached(client, site_tree):
    client.get("/no-such-page/")

    assert cache_state(client.get("/no-such-page/")) is None


def test_cache_can_be_switched_off(client, url, settings):
    settings.PORTAL_PAGE_CACHE = False
    client.get(url)

    assert cache_state(client.get(url)) is None
