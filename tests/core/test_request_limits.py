"""
Over-long query strings get the portal's 400 with its security headers, and JSON under
/api/ (core.request_limits). tests/performance/test_oversized_requests.py sends them to
gunicorn, whose own limit used to answer first.
"""

import pytest

from core.request_limits import MAX_QUERY_STRING
from tests.html import texts

pytestmark = pytest.mark.django_db

SEARCH = "/api/physicians/?near=55432&padding="


def padded(path: str, length: int) -> str:
    """`path` with its query string filled up to `length` characters."""
    query = path.partition("?")[2]
    return path + "x" * (length - len(query))


def assert_security_headers(response):
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_page_with_an_over_long_query_gets_the_portal_400(client, site_tree):
    path = site_tree.procedure.get_absolute_url() + "?q="

    response = client.get(padded(path, MAX_QUERY_STRING + 1))

    assert response.status_code == 400
    assert texts(response, "//h1") == ["We could not understand that request"]
    assert b"/static/portal/css/site.css" in response.content
    assert_security_headers(response)
    assert "X-Page-Cache" not in response.headers


def test_api_with_an_over_long_query_gets_json(client):
    response = client.get(padded(SEARCH, 5000))

    assert response.status_code == 400
    assert response.json() == {
        "error": f"The address is too long: its query may hold {MAX_QUERY_STRING} characters.",
        "field": None,
    }
    assert_security_headers(response)


def test_query_at_the_limit_is_served(client):
    response = client.get(padded(SEARCH, MAX_QUERY_STRING))

    assert response.status_code == 200
    assert response.json()["origin"]["zip"] == "55432"


def test_djangos_own_400_is_json_under_the_api(client):
    too_many_parameters = "/api/physicians/?" + "&".join(["a=1"] * 1001)
    assert len(too_many_parameters) < MAX_QUERY_STRING

    response = client.get(too_many_parameters)

    assert response.status_code == 400
    assert response.json() == {"error": "The request could not be read.", "field": None}
