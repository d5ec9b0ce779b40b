"""
Two app servers sharing PostgreSQL and Redis: a change published through the
ORM (versioning's publish, with its signals) is fresh in both at their next
request, although each served the page from the shared cache before.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

import pytest
from django.conf import settings
from django.db import transaction

from delivery import apphook_reload
from delivery.invalidation import refresh_pages
from tests import factories
from tests.html import nav_links
from tests.processes import postgres_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.postgres,
    # Committed data, so the servers see it. Serialized rollback puts the migrations'
    # rows (editorial groups) back afterwards, as tests/core's transactional tests expect.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not REDIS_URL,
        reason="needs DATABASE_URL on PostgreSQL and REDIS_URL (CI sets both): servers share them",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self):
        self.port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",  # not the tests' (a local cache)
            "DATABASE_URL": postgres_url(),
            "REDIS_URL": REDIS_URL,
            "DEBUG": "false",
            "SECRET_KEY": "scale-out-test-only",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": "1",
            "PORT": str(self.port),
        }
        command = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)

    def get(self, path):
        # Both behind one load balancer: the same public host name, whichever port.
        request = Request(f"http://127.0.0.1:{self.port}{path}", headers={"Host": "127.0.0.1"})
        with urlopen(request, timeout=10) as response:
            return response.headers.get("X-Page-Cache"), response.read().decode()

    def wait(self, path):
        for _ in range(300):
            assert self.process.poll() is None, "the app server exited"
            try:
                return self.get(path)
            except (URLError, ConnectionError):
                time.sleep(0.1)
        raise AssertionError(f"the app server on port {self.port} did not answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def shared_cache(settings):
    """This process uses the servers' Redis, so its publishes reach them."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
    refresh_pages()  # a generation no earlier run has used


@pytest.fixture(scope="module")
def collected_static():
    """Production servers serve hashed static files: collect them, as a deploy does."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "false",
        "SECRET_KEY": "scale-out-test-only",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", "--skip-checks"],
        cwd=ROOT,
        env=env,
        check=True,
    )


@pytest.fixture
def servers(shared_cache, collected_static):
    pair = [Server(), Server()]
    yield pair
    for server in pair:
        server.stop()


def test_change_published_through_the_orm_is_fresh_in_both_servers(servers, editor):
    with transaction.atomic():  # as the admin's views do; django CMS requires it
        site = factories.build_site(user=editor)
    path = site.procedure.get_absolute_url()
    first, second = servers
    first.wait(path)
    states = [first.get(path)[0], second.wait(path)[0]]
    assert states == ["hit", "hit"], "the second server serves the copy the first one cached"

    with transaction.atomic():  # the servers see it once committed, as in production
        factories.published_page("Contact", user=editor)

    state, page = second.get(path)
    assert state == "miss"
    assert "Contact" in nav_links(page, "Main")
    assert "Contact" in nav_links(first.get(path)[1], "Main")


def test_apphook_attached_through_one_server_is_mounted_by_the_other(servers, editor):
    with transaction.atomic():
        factories.build_site(user=editor)
        page = factories.published_page("Find a doctor", user=editor, slug="find-a-doctor")
    path = page.get_absolute_url()
    first, second = servers
    for server in servers:
        assert 'name="location"' not in server.wait(path)[1]

    with transaction.atomic():  # the admin's advanced settings, in "first"
        page.application_urls = "PhysicianFinderApphook"
        page.application_namespace = "physicians"
        page.save()
    apphook_reload.announce_change()  # what django CMS does as that request finishes

    for server in (second, first):
        state, html = server.get(path + "?location=55432")
        assert 'name="location"' in html, f"port {server.port} has no finder"
        assert "within 25 miles of Minneapolis, MN 55432" in html


def test_server_keeps_connections_alive(servers, editor):
    """gthread workers: a proxy or browser reuses its connection instead of reconnecting."""
    with transaction.atomic():
        site = factories.build_site(user=editor)
    path = site.procedure.get_absolute_url()
    server = servers[0]
    server.wait(path)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for _ in range(3):
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            assert response.getheader("Connection") == "keep-alive"
        assert connection.sock is not None, "the server closed the connection"
    finally:
        connection.close()
