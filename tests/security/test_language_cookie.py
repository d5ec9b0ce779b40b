"""
The region cookie (django_language, which django CMS sets on the response when
a visitor switches region) goes out like the session cookie: HTTPS only,
SameSite=Lax and HttpOnly, since no script reads it.
"""

import pytest

pytestmark = pytest.mark.django_db


def switch_region(client):
    response = client.get("/region/", {"region": "en-ca", "next": "/"})
    assert response.status_code == 302
    return response.cookies["django_language"].output()


def test_switching_region_sets_a_secure_samesite_httponly_cookie(client, site_tree):
    header = switch_region(client)

    assert header.startswith("Set-Cookie: django_language=")
    assert "; Secure" in header
    assert "; SameSite=Lax" in header
    assert "; HttpOnly" in header
