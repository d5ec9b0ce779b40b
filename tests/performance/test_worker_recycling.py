"""
gunicorn recycles workers (max_requests): a new worker must serve its first visitors as
fast as its hundredth, and an old one must make way at once (portal/gunicorn.conf.py,
core.warmup). Before, each recycle left the worker's port unserved for 160 ms of
interpreter teardown and then built URL patterns and templates in visitors' requests.
"""

import http.client
import json
import os
import runpy
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.conf import settings
from django.db import transaction

from tests import factories
from tests.performance.servers import ROOT, AppServer, free_port
from tests.processes import postgres_url

POSTGRES_MARKS = [
    pytest.mark.postgres,
    # Committed data, so the other process sees it (as in test_scale_out.py).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs DATABASE_URL on PostgreSQL: the other process shares it",
    ),
]


def on_postgresql(test):
    for mark in POSTGRES_MARKS:
        test = mark(test)
    return test


# What a worker forked after warm-up builds on its first requests: run in a process of its
# own, since this one has built everything long ago.
FIRST_REQUESTS = """
import json, sys
from django.template.loaders.filesystem import Loader
from django.test import RequestFactory
from django.urls.resolvers import URLResolver

from core.warmup import warm
from portal.wsgi import application

warm(application)
built = {"url_patterns": 0, "templates": 0}

def counting(name, method):
    def wrapper(*args, **kwargs):
        built[name] += 1
        return method(*args, **kwargs)
    return wrapper

URLResolver._populate = counting("url_patterns", URLResolver._populate)
Loader.get_contents = counting("templates", Loader.get_contents)
for path in sys.argv[1:]:
    environ = RequestFactory().get(path, HTTP_HOST="127.0.0.1", HTTP_COOKIE="sessionid=x").environ
    application(environ, lambda status, headers, exc_info=None: built.setdefault(path, status))
print(json.dumps(built))
"""


@on_postgresql
def test_fresh_worker_builds_no_url_patterns_or_templates_for_visitors(editor):
    with transaction.atomic():
        site = factories.build_site(user=editor)
    paths = [site.procedure.get_absolute_url(), site.child.get_absolute_url(), "/no-such-page/"]
    env = {
        **{k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": postgres_url(),
        "DEBUG": "false",
        "SECRET_KEY": "warm-up-test-only",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        [sys.executable, "-c", FIRST_REQUESTS, *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    built = json.loads(result.stdout.strip().splitlines()[-1])

    assert [built[path] for path in paths] == ["200 OK", "200 OK", "404 Not Found"]
    assert built["url_patterns"] == 0
    assert built["templates"] == 0


def gunicorn_settings() -> dict:
    return runpy.run_path(str(ROOT / "portal" / "gunicorn.conf.py"))


def exit_as(code):
    """Run the worker_exit hook as gunicorn does: while the worker's SystemExit unwinds."""
    hook = gunicorn_settings()["worker_exit"]
    # Not this process's log handlers and database connections: only what the hook asks.
    with (
        mock.patch("os._exit") as fast_exit,
        mock.patch("logging.shutdown"),
        mock.patch("django.db.connections.close_all"),
    ):
        try:
            sys.exit(code)
        except SystemExit:
            hook(server=None, worker=None)
    return fast_exit


def test_worker_ending_cleanly_skips_the_interpreter_teardown():
    assert exit_as(0).call_args == mock.call(0)


def test_worker_ending_in_error_keeps_its_exit_code_for_the_master():
    assert not exit_as(3).called  # gunicorn's WORKER_BOOT_ERROR: the master stops


def test_recycling_is_rare_enough_to_cost_under_5_percent():
    config = gunicorn_settings()
    assert config["max_requests"] >= 20_000
    assert 0 < config["max_requests_jitter"] < config["max_requests"]


@on_postgresql
def test_recycled_workers_answer_every_request(editor):
    with transaction.atomic():
        site = factories.build_site(user=editor)
    page = site.procedure.get_absolute_url()
    server = AppServer(redis_url=f"redis://127.0.0.1:{free_port()}/0", GUNICORN_MAX_REQUESTS="10")
    try:
        server.wait(page)
        statuses = {server.get(page).status for _ in range(60)}
        log = server.log()
    finally:
        server.stop()

    assert statuses == {200}
    assert log.count("Booting worker") >= 5
    assert "Warmed up before forking workers" in log
    assert "Traceback" not in log and "Exception during worker exit" not in log


def keep_alive_client(port: int, path: str, requests: int) -> list[str]:
    """One client on one persistent connection, as an API client without retries; its errors.

    http.client reopens a connection the server closed with ``Connection: close``; one
    closed under it without notice raises (a reset, or RemoteDisconnected).
    """
    errors = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(requests):
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"HTTP {response.status}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            connection.close()
    connection.close()
    return errors


@on_postgresql
def test_recycling_resets_no_keep_alive_connection():
    """Six clients on persistent connections while workers recycle every 15 requests.

    They ask for the health check: the cheapest response that passes the whole stack, so
    the workers recycle many times in the test.
    """
    server = AppServer(redis_url=f"redis://127.0.0.1:{free_port()}/0", GUNICORN_MAX_REQUESTS="15")
    try:
        server.wait("/healthz")
        with ThreadPoolExecutor(max_workers=8) as clients:
            results = list(
                clients.map(lambda _: keep_alive_client(server.port, "/healthz", 30), range(6))
            )
        log = server.log()
    finally:
        server.stop()

    assert [error for errors in results for error in errors] == []
    assert log.count("Booting worker") >= 5, log  # recycled several times (9-11 seen)
