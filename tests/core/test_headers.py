"""
Security headers: strict for visitors, relaxed only where the CMS toolbar runs.

The Mozilla HTTP Observatory's A+ rules: a CSP without 'unsafe-inline' or
'unsafe-eval' in script-src, object-src 'none', frame-ancestors, HSTS over
HTTPS, nosniff, a Referrer-Policy, and cookies that are Secure and HttpOnly.
"""

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.test import override_settings

from tests.html import tree

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def assert_strict_policy(response):
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in header
    assert "'unsafe-inline'" not in " ".join(policy["script-src"] + policy["style-src"])


def test_public_page_carries_the_strict_policy_and_the_other_headers(client, site_tree):
    response = client.get(site_tree.procedure.get_absolute_url())

    assert response.status_code == 200
    assert_strict_policy(response)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    permissions = response.headers["Permissions-Policy"]
    assert "camera=()" in permissions and "microphone=()" in permissions


def test_public_page_needs_nothing_the_strict_policy_blocks(client, site_tree):
    root = tree(client.get(site_tree.procedure.get_absolute_url()))

    scripts = [s for s in root.iter("script") if s.get("type") != "application/ld+json"]
    assert all(script.get("src") for script in scripts), "inline <script>"  # JSON-LD is data
    assert not root.xpath("//style"), "inline <style>"
    assert not [a for el in root.iter() for a in el.attrib if a.startswith("on")]


@pytest.mark.parametrize("query", ["?toolbar_on", "?edit", "?structure"])
def test_anonymous_toolbar_urls_keep_the_strict_policy(client, site_tree, query):
    response = client.get(site_tree.procedure.get_absolute_url() + query)

    assert_strict_policy(response)


def test_anonymous_edit_endpoint_is_refused_with_the_strict_policy(client, site_tree):
    content = PageContent.admin_manager.get(page=site_tree.procedure, language="en-us")

    response = client.get(get_object_edit_url(content))

    assert response.status_code == 302
    assert "/admin/login/" in response.headers["Location"]
    assert_strict_policy(response)


def test_staff_in_edit_mode_get_a_policy_that_lets_the_toolbar_run(client, site_tree, editor):
    draft = create_page("Draft", "cms/content.html", "en-us", created_by=editor)
    content = PageContent.admin_manager.get(page=draft, language="en-us")
    client.force_login(editor)

    response = client.get(get_object_edit_url(content))

    assert response.status_code == 200
    root = tree(response)
    assert root.xpath('//*[contains(@class, "cms-toolbar")]'), "no toolbar markup"
    assert [s for s in root.iter("script") if not s.get("src")], "the toolbar runs inline code"
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_staff_on_a_public_page_get_the_toolbar_policy(client, site_tree, editor):
    client.force_login(editor)

    response = client.get(site_tree.procedure.get_absolute_url() + "?toolbar_on")

    assert response.status_code == 200
    assert "'unsafe-inline'" in csp(response)["script-src"]


def test_admin_works_for_staff(client, site_tree, editor):
    client.force_login(editor)

    for url in ("/admin/", "/admin/cms/pagecontent/", "/admin/otp_totp/totpdevice/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" in csp(response)["script-src"]


def test_admin_login_page_is_strict_for_anonymous_visitors(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert_strict_policy(response)
    assert all(script.get("src") for script in tree(response).iter("script"))


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_behind_a_tls_proxy_plain_http_redirects_and_https_gets_hsts(client, site_tree):
    url = site_tree.procedure.get_absolute_url()

    plain = client.get(url)
    secure = client.get(url, headers={"x-forwarded-proto": "https"})

    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")
    assert secure.status_code == 200
    hsts = secure.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
