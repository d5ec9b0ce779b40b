"""
Two-factor logins are on by default in production, and `manage.py check --deploy`
names each security opt-out taken (core.checks).
"""

import json
import secrets
from runpy import run_path

import pytest
from gunicorn.config import Config

from tests.processes import ROOT, manage

GUNICORN_CONF = ROOT / "portal" / "gunicorn.conf.py"

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
}


def setting(name: str, **env: str):
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}))"
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("env", "required"),
    [
        ({}, True),
        ({"DEBUG": "true"}, False),  # make run: a laptop logs in with a password
        ({"REQUIRE_2FA": "false"}, False),  # the explicit opt-out
        ({"DEBUG": "true", "REQUIRE_2FA": "true"}, True),
    ],
)
def test_two_factor_is_required_unless_debug_or_opted_out(env, required):
    assert setting("PORTAL_REQUIRE_2FA", **(PRODUCTION | env)) is required


def deploy_check(**env: str):
    return manage("check", "--deploy", "--fail-level", "WARNING", **(PRODUCTION | env))


def test_deploy_check_warns_when_two_factor_is_off():
    result = deploy_check(REQUIRE_2FA="false")

    assert result.returncode != 0
    assert "(core.W001) Two-factor authentication is off" in result.stderr


def test_deploy_check_warns_when_any_address_may_forward_for_a_client():
    result = deploy_check(TRUSTED_PROXY_COUNT="1", FORWARDED_ALLOW_IPS="*")

    assert result.returncode != 0
    assert "(core.W002) X-Forwarded-For is trusted from any address" in result.stderr
    assert "core.W001" not in result.stderr


@pytest.mark.parametrize("value", [None, "10.0.0.2, ::1", "*"])
def test_the_portal_and_gunicorn_trust_the_same_proxies(monkeypatch, value):
    env = PRODUCTION if value is None else PRODUCTION | {"FORWARDED_ALLOW_IPS": value}
    if value is None:
        monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    else:
        monkeypatch.setenv("FORWARDED_ALLOW_IPS", value)
    gunicorn = Config()
    gunicorn.set("forwarded_allow_ips", run_path(str(GUNICORN_CONF))["forwarded_allow_ips"])

    assert setting("PORTAL_FORWARDED_ALLOW_IPS", **env) == gunicorn.forwarded_allow_ips
