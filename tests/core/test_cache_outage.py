"""
Redis down makes the site slower, not broken (core.cache_outage): production's cache
settings pointed at a port where nothing listens. tests/performance/test_redis_outage.py
does the same to running servers, and lets a real Redis die and come back.
"""

import logging
from itertools import count

import pytest
from cms.models import PageContent

from portal.settings import redis_cache
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db

# The discard port: nothing listens. Each test gets its own database number, so its own
# connection pool, which has not seen the outage yet.
_databases = count(1)


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:9/{next(_databases)}")}


def outage_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "core.cache_outage" and r.levelno == logging.WARNING
    ]


def test_every_kind_of_request_is_answered(client, site_tree, redis_down):
    page = site_tree.procedure.get_absolute_url()
    answers = {
        page: 200,
        "/": 200,
        "/api/physicians/?near=55432": 200,
        "/sitemap.xml": 200,
        "/no-such-page/": 404,
        "/admin/login/": 200,
    }

    for path, status in answers.items():
        response = client.get(path)
        assert response.status_code == status, path

    response = client.get(page)
    assert "X-Page-Cache" not in response.headers, "rendered from PostgreSQL, not stored"
    assert "Procedure text" in texts(response, "//main//p")


def test_outage_is_logged_once_not_per_request(client, site_tree, redis_down, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(5):
        assert client.get(site_tree.procedure.get_absolute_url()).status_code == 200

    warnings = outage_warnings(caplog)
    assert len(warnings) == 1
    assert "Redis is unavailable" in warnings[0]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_editor_logs_in_and_publishes(client, site_tree, editor, redis_down, settings):
    settings.PORTAL_REQUIRE_2FA = False  # two-factor login is tested in test_two_factor.py
    page = site_tree.procedure

    login = client.post(
        "/admin/login/?next=/admin/",
        {"username": editor.username, "password": "correct horse battery staple"},
    )
    assert login.status_code == 302, "the login form was shown again"
    draft = editing.start_draft(client, PageContent.objects.get(page=page))
    editing.edit_plugin(client, editing.plugins_of(draft, "content")[0], body="<p>Revised.</p>")
    editing.approve_and_publish(client, draft)
    client.logout()

    assert "Revised." in texts(client.get(page.get_absolute_url()), "//main//p")


def test_finder_rate_limit_lets_searches_through(client, redis_down, settings):
    settings.RATELIMIT_ENABLE = True
    settings.PORTAL_SEARCH_RATE = "2/m"

    statuses = {client.get(f"/api/physicians/?near=5543{n}").status_code for n in range(5)}

    assert statuses == {200}
