"""With LOG_FORMAT=json every request is one JSON line with its status and duration."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from core.request_log import JSONFormatter

pytestmark = pytest.mark.django_db


class Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.setFormatter(JSONFormatter())
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def request_log():
    handler = Capture()
    logger = logging.getLogger("portal.requests")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_each_request_is_one_json_line(client, site_tree, request_log):
    client.get(site_tree.procedure.get_absolute_url() + "?q=secret")
    client.get("/no-such-page/")

    entries = [json.loads(line) for line in request_log]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", site_tree.procedure.get_absolute_url(), 200),
        ("GET", "/no-such-page/", 404),
    ]
    for entry in entries:
        assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0
        assert entry["level"] == "INFO" and entry["logger"] == "portal.requests"
        assert "secret" not in json.dumps(entry), "query strings stay out of the logs"


def test_json_format_is_chosen_by_the_environment():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('portal.requests').info('hello', extra={'status': 200})"
    )
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true", "LOG_FORMAT": "json"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**_base_env(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )

    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "hello" and entry["status"] == 200


def _base_env():
    keep = {"PATH", "HOME", "LANG", "DATABASE_URL", "REDIS_URL"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PYTHONPATH"] = str(settings.BASE_DIR)
    return env
