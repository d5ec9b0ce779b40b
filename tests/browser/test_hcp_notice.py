"""The Physicians section asks, in a modal, whether the visitor is a healthcare professional."""

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import heading, main_nav, open_main_menu, path_is

pytestmark = pytest.mark.browser

TITLE = "This section is for healthcare professionals"


def notice(page):
    return page.get_by_role("dialog", name=TITLE)


def is_modal(page) -> bool:
    return page.evaluate("() => document.getElementById('hcp-gate').matches(':modal')")


def test_confirming_closes_the_notice_for_the_rest_of_the_session(page):
    page.goto("/")
    open_main_menu(page)
    main_nav(page).get_by_role("link", name="Physicians", exact=True).click()

    expect(notice(page)).to_be_visible()
    assert is_modal(page)
    confirm = notice(page).get_by_role("button", name="I am a healthcare professional")
    expect(confirm).to_be_focused()
    confirm.click()
    expect(notice(page)).to_be_hidden()
    expect(heading(page)).to_have_text("Information for Healthcare Professionals")

    open_main_menu(page)
    main_nav(page).get_by_role("link", name="Home", exact=True).click()
    open_main_menu(page)
    main_nav(page).get_by_role("link", name="Physicians", exact=True).click()
    expect(page).to_have_url(path_is("/physicians/"))
    page.wait_for_load_state()
    expect(notice(page)).to_be_hidden()
    assert not is_modal(page)


def test_dismissing_with_escape_is_not_a_confirmation(page):
    """Chromium lets Escape close a modal dialog even when the page objects (its close
    watchers stop pages trapping visitors), so Escape must not count as a yes."""
    page.goto("/physicians/")
    expect(notice(page)).to_be_visible()

    for _ in range(2):
        page.keyboard.press("Escape")
    expect(notice(page)).to_be_hidden()
    page.reload()

    expect(notice(page)).to_be_visible()
    assert is_modal(page)


def test_patients_are_sent_to_the_patient_information(page):
    page.goto("/physicians/")

    notice(page).get_by_role("link", name="Go to information for patients").click()

    expect(page).to_have_url(path_is("/patients/"))
    expect(heading(page)).to_have_text("Information for Patients")


def test_a_new_session_asks_again(browser, site):
    for _ in range(2):
        context = browser.new_context(base_url=site.url)
        page = context.new_page()
        page.goto("/physicians/")
        expect(notice(page)).to_be_visible()
        notice(page).get_by_role("button", name="I am a healthcare professional").click()
        context.close()
