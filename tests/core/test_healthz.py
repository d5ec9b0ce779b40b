"""/healthz: 200 when the database answers (naming a degraded cache), 503 when it does not."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from core import health
from portal.settings import redis_cache

pytestmark = pytest.mark.django_db

# Production's cache settings, with nothing listening (the discard port).
UNREACHABLE_REDIS = {"default": redis_cache("redis://127.0.0.1:9/0")}


def test_healthy_site_answers_200_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response.headers["Cache-Control"]
    assert "sessionid" not in response.cookies


@override_settings(ALLOWED_HOSTS=["portal.example.org"], SECURE_SSL_REDIRECT=True)
def test_probes_over_plain_http_to_an_internal_address_are_answered(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")

    assert response.status_code == 200


def test_broken_database_answers_503_naming_it(client):
    with mock.patch.object(health, "connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_unreachable_cache_answers_200_degraded_as_the_site_still_serves(client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}


def test_broken_database_answers_503_whatever_the_cache(client):
    with override_settings(CACHES=UNREACHABLE_REDIS), mock.patch.object(health, "connection") as db:
        db.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "degraded"}


def test_healthz_is_cheap(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get("/healthz")
