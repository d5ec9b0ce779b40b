"""The password `make editor` prints works once: the first login asks for the editor's own."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from editorial import conf

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long phrase nobody else knows 42"


@pytest.fixture
def printed_password(capsys, site_tree) -> str:
    call_command("create_editor", "rosa", "--role", conf.ROLE_AUTHOR)
    return re.search(r"One-time password: (\S+)", capsys.readouterr().out).group(1)


def log_in(password: str) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": "rosa", "password": password})
    assert response.status_code == 302, response.content[:400]
    return client


def test_first_login_leads_to_choosing_a_new_password(printed_password, site_tree):
    client = log_in(printed_password)

    for path in ("/admin/", "/admin/editorial/review/my-work/", site_tree.child.get_absolute_url()):
        response = client.get(path)
        assert (response.status_code, response.url) == (302, "/admin/password_change/"), path

    form = client.get("/admin/password_change/", follow=True)
    assert form.status_code == 200
    assert "The password you were given works only once" in form.content.decode()

    response = client.post(
        "/admin/password_change/",
        {
            "old_password": printed_password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert log_in(NEW_PASSWORD).get("/admin/").status_code == 200


def test_the_printed_password_cannot_be_kept(printed_password):
    client = log_in(printed_password)

    response = client.post(
        "/admin/password_change/",
        {
            "old_password": printed_password,
            "new_password1": printed_password,
            "new_password2": printed_password,
        },
    )

    assert "Choose a password of your own" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_editors_who_chose_their_password_are_not_asked(as_author):
    assert as_author.get("/admin/").status_code == 200
