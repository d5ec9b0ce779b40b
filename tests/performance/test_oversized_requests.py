"""
Over-long query strings sent to gunicorn itself: the portal's 400 with its security
headers (and JSON for the API), where gunicorn's own bare 400 used to answer
(portal/gunicorn.conf.py's limit_request_line, core.request_limits).
"""

import json

import pytest
from django.conf import settings

from core.request_limits import MAX_QUERY_STRING
from tests.performance.servers import AppServer, free_port

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs DATABASE_URL on PostgreSQL: the server shares it",
    ),
]

LONG_QUERY = "q=" + "x" * 6000  # over the portal's limit, under gunicorn's 8190-byte line


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # No Redis needed: these requests are answered before any cache is asked.
        app = AppServer(redis_url=f"redis://127.0.0.1:{free_port()}/0")
        app.wait()
    yield app
    app.stop()


def assert_portal_headers(response):
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_page_gets_the_portal_400(server):
    response = server.get(f"/patients/?{LONG_QUERY}")

    assert response.status == 400
    assert "We could not understand that request" in response.text
    assert_portal_headers(response)


def test_api_gets_json(server):
    response = server.get(f"/api/physicians/?near=55432&{LONG_QUERY}")

    assert response.status == 400
    assert response.headers["Content-Type"] == "application/json"
    assert json.loads(response.body)["error"].startswith("The address is too long")
    assert_portal_headers(response)


def test_query_at_the_limit_reaches_the_app(server):
    query = "near=55432&pad=" + "x" * (MAX_QUERY_STRING - len("near=55432&pad="))

    response = server.get(f"/api/physicians/?{query}")

    assert response.status == 200
