"""
Two-factor authentication: available to all staff, required for superusers
and publishers when REQUIRE_2FA is on (the default with DEBUG off), on every
login path. The code is checked with the password, and a refusal never tells
a right password from a wrong one.
"""

from io import StringIO

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.html import texts, tree, visible_text

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory
require_2fa = pytest.mark.usefixtures("two_factor_required")


@pytest.fixture
def two_factor_required(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture
def publisher(db):
    user = factories.UserFactory(username="publisher", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Publisher")[0])
    return user


@pytest.fixture
def draft_edit_urls(editor):
    page = create_page("Draft", "cms/content.html", "en-us", created_by=editor)
    content = PageContent.admin_manager.get(page=page, language="en-us")
    return [get_object_edit_url(content), get_object_structure_url(content)]


def enrol(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def admin_login(client, user, token=""):
    data = {"username": user.username, "password": PASSWORD, "otp_token": token}
    return client.post("/admin/login/?next=/admin/", data)


def toolbar_login(client, user, token=""):
    data = {"username": user.username, "password": PASSWORD, "otp_token": token}
    return client.post("/cms_login/?next=/patients/", data)


def can_use_admin(client) -> bool:
    return client.get("/admin/").status_code == 200


def login_error(response) -> list[str]:
    return texts(response, '//p[@class="errornote"]')


REFUSED = [
    "Please enter the correct username, password and authenticator code for a staff account. "
    "Note that the fields may be case-sensitive."
]


def test_admin_login_form_asks_for_the_authenticator_code(client, db):
    root = tree(client.get("/admin/login/"))

    assert root.xpath('//input[@name="otp_token"][@autocomplete="one-time-code"]')


@require_2fa
@pytest.mark.parametrize("who", ["editor", "publisher"])
def test_required_user_without_a_device_cannot_log_in(client, editor, publisher, who):
    user = {"editor": editor, "publisher": publisher}[who]

    response = admin_login(client, user)

    assert response.status_code == 200
    assert login_error(response) == REFUSED  # as for a wrong password: no oracle
    assert "ask an administrator to enrol it" in visible_text(response)  # the field's help
    assert not can_use_admin(client)


@require_2fa
def test_other_staff_may_log_in_without_a_device(client, db):
    author = factories.UserFactory(username="author", is_staff=True)

    assert admin_login(client, author).status_code == 302
    assert can_use_admin(client)


@require_2fa
def test_unverified_superuser_session_reaches_neither_admin_nor_editing(
    client, site_tree, editor, draft_edit_urls
):
    client.force_login(editor)  # a session from before 2FA, or from any other path

    assert not can_use_admin(client)
    for url in draft_edit_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/admin/login/")
    page = client.get(site_tree.procedure.get_absolute_url() + "?toolbar_on")
    assert not tree(page).xpath('//*[contains(@class, "cms-toolbar")]')


@require_2fa
def test_superuser_with_a_device_gets_in_with_a_valid_code(client, editor, draft_edit_urls):
    device = enrol(editor)

    response = admin_login(client, editor, code(device))

    assert response.status_code == 302
    assert can_use_admin(client)
    for url in draft_edit_urls:
        assert client.get(url).status_code == 200, url


@require_2fa
@pytest.mark.parametrize("token", ["", "000000", "not-a-code"])
def test_a_missing_or_wrong_code_is_refused(client, editor, token):
    device = enrol(editor)
    if token == "000000" and code(device) == token:
        token = "111111"

    response = admin_login(client, editor, token)

    assert response.status_code == 200
    assert login_error(response) == REFUSED
    assert not can_use_admin(client)


@require_2fa
@pytest.mark.parametrize("enrolled", [True, False], ids=["with a device", "without one"])
def test_a_right_password_without_its_code_looks_like_a_wrong_password(client, editor, enrolled):
    if enrolled:
        enrol(editor)
    wrong = client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    right = admin_login(client, editor)

    assert right.status_code == wrong.status_code == 200
    assert login_error(right) == login_error(wrong) == REFUSED
    assert visible_text(right) == visible_text(wrong)


@require_2fa
@pytest.mark.parametrize("enrolled", [True, False], ids=["with a device", "without one"])
def test_a_missing_code_counts_towards_the_lockout(client, editor, enrolled):
    if enrolled:
        enrol(editor)

    responses = [admin_login(client, editor) for _ in range(5)]

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]


@require_2fa
def test_wrong_codes_count_towards_the_lockout(client, editor):
    enrol(editor)

    responses = [admin_login(client, editor, "000001") for _ in range(5)]

    assert responses[-1].status_code == 429


@require_2fa
def test_toolbar_login_without_a_device_is_refused(client, site_tree, editor):
    response = toolbar_login(client, editor)

    assert response.status_code == 302
    assert "cms_toolbar_login_error=1" in response.headers["Location"]
    assert "_auth_user_id" not in client.session
    assert not can_use_admin(client)


@require_2fa
def test_toolbar_login_wants_the_code_too(client, site_tree, editor):
    device = enrol(editor)

    refused = toolbar_login(client, editor)
    accepted = toolbar_login(client, editor, code(device))

    assert "cms_toolbar_login_error=1" in refused.headers["Location"]
    assert accepted.status_code == 302
    assert accepted.headers["Location"] == "/patients/"
    assert can_use_admin(client)


def test_without_require_2fa_a_superuser_logs_in_with_a_password(client, editor):
    assert admin_login(client, editor).status_code == 302
    assert can_use_admin(client)


def test_anyone_with_a_device_must_use_it_even_when_not_required(client, editor):
    device = enrol(editor)

    assert admin_login(client, editor).status_code == 200
    assert admin_login(client, editor, code(device)).status_code == 302


@require_2fa
def test_enrol_command_prints_a_uri_whose_codes_log_in(client, editor):
    out = StringIO()

    call_command("enrol_totp_device", "editor", "--qr", stdout=out)

    assert "otpauth://totp/" in out.getvalue()
    device = TOTPDevice.objects.get(user=editor)
    assert admin_login(client, editor, code(device)).status_code == 302


def test_enrol_command_refuses_to_replace_a_device_silently(editor):
    enrol(editor)

    with pytest.raises(CommandError, match="--replace"):
        call_command("enrol_totp_device", "editor", stdout=StringIO())
    with pytest.raises(CommandError, match="No user"):
        call_command("enrol_totp_device", "nobody", stdout=StringIO())
    call_command("enrol_totp_device", "editor", "--replace", stdout=StringIO())
    assert TOTPDevice.objects.filter(user=editor).count() == 1
