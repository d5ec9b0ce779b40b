"""
Brute-force lockout (django-axes) on both login paths: the admin's and django
CMS's toolbar login. Five failures for one username from one address lock
that pair out with a 429 until the cool-off ends or an admin resets it; twenty
from all addresses together lock the account everywhere and email its owner.
"""

import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from core import lockout
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


ADDRESSES = [f"198.51.100.{n}" for n in range(1, 9)]


def fail_from_many_addresses(client, addresses=ADDRESSES[:5]):
    """4 failures from each address: none reaches its own limit, 5 addresses reach 20."""
    return [
        attempt(client, "/admin/login/", "wrong", REMOTE_ADDR=address)
        for address in addresses
        for _ in range(4)
    ]


def test_failures_from_many_addresses_lock_the_account_everywhere(client, editor):
    responses = fail_from_many_addresses(client)

    locked = attempt(client, "/admin/login/", PASSWORD, REMOTE_ADDR="203.0.113.77")

    assert [r.status_code for r in responses[:-1]] == [200] * 19
    assert responses[-1].status_code == 429
    assert locked.status_code == 429
    assert "Too many login attempts" in visible_text(locked)
    assert "_auth_user_id" not in client.session


def test_the_owner_is_emailed_once_when_the_account_is_locked(client, editor):
    fail_from_many_addresses(client, ADDRESSES[:4])
    assert mail.outbox == []  # 16 failures: not yet
    fail_from_many_addresses(client, ADDRESSES[4:5])
    assert len(mail.outbox) == 1
    fail_from_many_addresses(client, ADDRESSES[5:])  # the guessing goes on during the lock

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["editor@example.org"]
    assert "blocked for 30 minutes" in notice.subject
    assert '20 failed attempts to log in to your account "editor"' in notice.body


def test_one_address_cannot_lock_the_account_for_everyone(client, editor):
    for _ in range(25):  # 5 failures, then 20 more refused by its own lockout
        attempt(client, "/admin/login/", "wrong", REMOTE_ADDR="203.0.113.9")

    elsewhere = attempt(client, "/admin/login/", PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert elsewhere.status_code == 302
    assert mail.outbox == []


def test_a_mail_server_failure_does_not_break_the_login(client, editor, monkeypatch):
    def unreachable(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "unreachable")

    monkeypatch.setattr(lockout, "send_mail", unreachable)

    assert fail_from_many_addresses(client)[-1].status_code == 429


def test_reset_command_unlocks_a_locked_account(client, editor):
    fail_from_many_addresses(client)

    call_command("axes_reset_username", "editor", stdout=StringIO())

    assert attempt(client, "/admin/login/", PASSWORD).status_code == 302


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1, PORTAL_FORWARDED_ALLOW_IPS=["10.0.0.2"])
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


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1, PORTAL_FORWARDED_ALLOW_IPS=["10.0.0.2"])
def test_a_client_reaching_the_app_server_directly_cannot_rotate_its_address(client, editor):
    direct = {"REMOTE_ADDR": "203.0.113.9"}  # not the proxy
    responses = [
        attempt(client, "/admin/login/", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}", **direct)
        for n in range(5)
    ]

    assert responses[-1].status_code == 429


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
        (1, "203.0.113.9", "192.0.2.1", "203.0.113.9"),  # not from the proxy: ignored
        (1, "10.0.0.20", "192.0.2.1", "10.0.0.20"),  # a listed address is matched exactly
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(
    settings, proxies, remote_addr, forwarded, expected
):
    settings.PORTAL_TRUSTED_PROXY_COUNT = proxies
    settings.PORTAL_FORWARDED_ALLOW_IPS = ["127.0.0.1", "10.0.0.2"]

    assert client_ip(FakeRequest(remote_addr, forwarded)) == expected


def test_any_address_may_be_trusted_as_gunicorn_allows(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    settings.PORTAL_FORWARDED_ALLOW_IPS = ["*"]

    assert client_ip(FakeRequest("10.9.9.9", "203.0.113.9")) == "203.0.113.9"
