"""
Brute-force lockout (django-axes) on both login paths: the admin's and django
CMS's toolbar login. Five failures for one username from one address lock
that pair out with a 429 until the cool-off ends or an admin resets it.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from core.client_ip import client_ip
from tests.html import visible_text

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory
LOGIN_PATHS = ["/admin/login/", "/cms_login/"]


def attempt(client, path, password, **extra):
    return client.post(path, {"username": "editor", "password": password}, **extra)


def fail_five_times(client, path, **extra):
    responses = [attempt(client, path, "wrong", **extra) for _ in range(5)]
    assert all(r.status_code != 429 for r in responses[:4])
    return responses[-1]


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_fifth_failure_locks_the_login_with_a_friendly_429(client, editor, path):
    locked = fail_five_times(client, path)

    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) == 30 * 60
    text = visible_text(locked)
    assert "Too many login attempts" in text
    assert "wait 30 minutes" in text
    assert locked.headers["Content-Security-Policy"]  # the lockout page is a normal page


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_locked_out_user_cannot_log_in_even_with_the_right_password(client, editor, path):
    fail_five_times(client, path)

    response = attempt(client, path, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, editor):
    fail_five_times(client, "/admin/login/")

    elsewhere = attempt(client, "/admin/login/", PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert elsewhere.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_reset_command_unlocks_a_user(client, editor):
    fail_five_times(client, "/admin/login/")

    call_command("axes_reset_username", "editor", stdout=StringIO())

    assert attempt(client, "/admin/login/", PASSWORD).status_code == 302


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_client_is_locked_not_the_proxy(client, editor):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail_five_times(client, "/admin/login/", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)

    # A forged left-most entry does not change who the proxy says is connecting.
    forged = attempt(
        client,
        "/admin/login/",
        PASSWORD,
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9",
        **proxy,
    )
    other_visitor = attempt(
        client, "/admin/login/", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )

    assert forged.status_code == 429
    assert other_visitor.status_code == 302


class FakeRequest:
    def __init__(self, remote_addr, forwarded=None):
        self.META = {"REMOTE_ADDR": remote_addr}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1", "203.0.113.9"),  # no proxy: the header is a lie
        (1, "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        (1, "10.0.0.2", "192.0.2.1, 203.0.113.9", "203.0.113.9"),
        (2, "10.0.0.2", "192.0.2.1, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "10.0.0.2", "203.0.113.9", "10.0.0.2"),  # skipped a proxy: trust nothing
        (1, "10.0.0.2", None, "10.0.0.2"),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(
    settings, proxies, remote_addr, forwarded, expected
):
    settings.PORTAL_TRUSTED_PROXY_COUNT = proxies

    assert client_ip(FakeRequest(remote_addr, forwarded)) == expected
