"""
The Content-Security-Policy in a real browser: public pages trigger no
violation, and the django CMS toolbar still runs for a logged-in editor.

Drives Debian's Chromium through Playwright; skipped where either is missing.
"""

import shutil

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from tests import factories

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory


@pytest.fixture
def site(live_server):
    ContentType.objects.clear_cache()  # ids from before another test's flush are stale
    with transaction.atomic():  # django CMS locks the page tree inside a transaction
        editor = factories.UserFactory(username="editor", is_staff=True, is_superuser=True)
        site = factories.build_site(user=editor)
        draft = create_page("Draft", "cms/content.html", "en-us", created_by=editor)
    content = PageContent.admin_manager.get(page=draft, language="en-us")
    return {
        "public": live_server.url + site.procedure.get_absolute_url(),
        "edit": live_server.url + get_object_edit_url(content),
        "login": live_server.url + "/admin/login/",
    }


@pytest.fixture
def browser_page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.violations = []
        page.on(
            "console",
            lambda message: (
                page.violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        yield page
        browser.close()


def test_public_page_runs_without_a_single_violation(site, browser_page):
    browser_page.goto(site["public"] + "?toolbar_on")
    browser_page.wait_for_load_state("load")

    assert browser_page.locator("h1").inner_text() == "Balloon Kyphoplasty"
    assert browser_page.violations == []


def test_toolbar_runs_for_a_logged_in_editor(site, browser_page):
    browser_page.goto(site["login"])
    browser_page.fill("#id_username", "editor")
    browser_page.fill("#id_password", PASSWORD)
    browser_page.click("input[type=submit]")
    browser_page.wait_for_url("**/admin/")

    browser_page.goto(site["edit"])
    browser_page.wait_for_load_state("load")

    toolbar = browser_page.locator(".cms-toolbar")
    toolbar.wait_for(state="visible", timeout=10_000)
    assert browser_page.evaluate("typeof window.CMS") == "object"
    assert browser_page.violations == []
