"""
Redis down, in a running server: every kind of request is answered from PostgreSQL, the
outage is logged once, and when Redis comes back with what it held before, nothing from
before a publish made meanwhile is served (core.cache_outage, delivery.invalidation).
"""

import json
import re
import shutil
import time

import pytest
from django.conf import settings
from django.db import transaction

from portal.settings import redis_cache
from tests import factories
from tests.html import nav_links
from tests.performance.servers import AppServer, RedisServer, free_port

pytestmark = [
    pytest.mark.postgres,
    # Committed data, so the servers see it (as in test_scale_out.py).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or not shutil.which("redis-server"),
        reason="needs DATABASE_URL on PostgreSQL and redis-server: servers share them",
    ),
]

OUTAGE_WARNING = "WARNING core.cache_outage Redis is unavailable"
SERVER_ERROR = re.compile(r"portal\.requests \w+ \S+ 5\d\d |Traceback")


def assert_everything_answers(server, page: str) -> None:
    answers = {
        page: 200,
        "/": 200,
        "/api/physicians/?near=55432": 200,
        "/sitemap.xml": 200,
        "/no-such-page/": 404,
        "/admin/login/": 200,
    }
    for path, status in answers.items():
        response = server.get(path)
        assert response.status == status, f"{path}: {response.status}"
        if status == 200:
            assert "X-Page-Cache" not in response.headers, f"{path} was cached without Redis"
    health = server.get("/healthz")
    assert health.status == 200
    assert json.loads(health.body) == {"status": "degraded", "database": "ok", "cache": "degraded"}


def assert_logged_once(server) -> None:
    log = server.log()
    assert log.count(OUTAGE_WARNING) == 1, log
    assert not SERVER_ERROR.search(log), log


@pytest.fixture
def built_site(editor):
    with transaction.atomic():  # as the admin's views do; django CMS requires it
        return factories.build_site(user=editor)


@pytest.fixture
def redis():
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture
def lasting_redis():
    server = RedisServer(persist=True)
    yield server
    server.stop()


def test_server_with_redis_at_a_dead_port_serves_from_postgresql(built_site):
    server = AppServer(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    try:
        server.wait()
        for _ in range(2):
            assert_everything_answers(server, built_site.procedure.get_absolute_url())
        assert_logged_once(server)
    finally:
        server.stop()


def test_redis_dying_mid_run(built_site, redis):
    page = built_site.procedure.get_absolute_url()
    server = AppServer(redis_url=redis.url)
    try:
        server.wait(page)
        assert server.get(page).headers["X-Page-Cache"] == "hit"

        redis.kill()

        for _ in range(2):
            assert_everything_answers(server, page)
        assert_logged_once(server)
    finally:
        server.stop()


def test_publish_during_an_outage_is_live_when_redis_returns(
    built_site, editor, lasting_redis, settings
):
    """Redis comes back holding the pages cached before, and no record of the publish."""
    settings.CACHES = {"default": redis_cache(lasting_redis.url)}  # the editor's process
    page = built_site.procedure.get_absolute_url()
    server = AppServer(redis_url=lasting_redis.url)
    try:
        server.wait(page)
        assert server.get(page).headers["X-Page-Cache"] == "hit"
        lasting_redis.kill()
        with transaction.atomic():
            factories.published_page("Contact", user=editor)
        assert "Contact" in nav_links(server.get(page).text, "Main")

        lasting_redis.start()

        for _ in range(300):  # until the server uses Redis again (it retries every 5 s)
            response = server.get(page)
            if "X-Page-Cache" in response.headers:
                break
            time.sleep(0.1)
        assert "X-Page-Cache" in response.headers, server.log()
        assert "Contact" in nav_links(response.text, "Main")
        assert "Redis is available again" in server.log()
    finally:
        server.stop()
