"""Searching faster than a person could is slowed down, politely, per visitor."""

import time
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django_ratelimit import core as ratelimit_core

from tests.html import texts

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("finder_page"),
]

RATE = override_settings(RATELIMIT_ENABLE=True, PORTAL_SEARCH_RATE="3/m")


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed one-minute windows. A test running across a
    window's end would start counting afresh and never reach the limit, so the clock
    it reads stands still for the test."""
    now = time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: now))


def search_api(client, **headers):
    return client.get("/api/physicians/", {"near": "55432", "radius": "25"}, **headers)


@RATE
def test_api_answers_429_with_retry_after_over_the_limit(client):
    assert [search_api(client).status_code for _ in range(3)] == [200, 200, 200]

    response = search_api(client)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = response.json()
    assert body["field"] is None
    assert "Please wait" in body["error"]


@RATE
def test_finder_page_shows_a_friendly_message_over_the_limit(client):
    for _ in range(3):
        assert client.get("/physician-finder/", {"location": "55432"}).status_code == 200

    response = client.get("/physician-finder/", {"location": "55432"})

    assert response.status_code == 429
    assert "Retry-After" in response
    assert texts(response, "//h1") == ["Please wait a moment"]
    assert "searched many times in a short while" in texts(response, '//p[@role="alert"]')[0]


@RATE
def test_the_empty_form_is_never_limited(client):
    for _ in range(5):
        search_api(client)

    assert client.get("/physician-finder/").status_code == 200


@RATE
@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_limits_are_per_visitor_behind_the_proxy(client):
    for _ in range(3):
        search_api(client, HTTP_X_FORWARDED_FOR="203.0.113.7")

    assert search_api(client, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert search_api(client, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


@RATE
def test_a_spoofed_header_does_not_escape_the_limit_without_a_trusted_proxy(client):
    for i in range(3):
        search_api(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")

    assert search_api(client, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


@RATE
@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_a_client_reaching_the_app_server_directly_cannot_rotate_its_address(client):
    direct = {"REMOTE_ADDR": "203.0.113.50"}  # not FORWARDED_ALLOW_IPS (127.0.0.1)
    for i in range(3):
        search_api(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}", **direct)

    assert search_api(client, HTTP_X_FORWARDED_FOR="192.0.2.99", **direct).status_code == 429
