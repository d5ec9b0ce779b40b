"""The header's country selector keeps the reader on the same page in the other region."""

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import assert_fits_the_screen, heading, open_main_menu, path_is

pytestmark = pytest.mark.browser


def region_notice(page):
    return page.get_by_role("region", name="Important notices")


def test_switching_to_canada_lands_on_the_same_page_with_the_canadian_notice(page):
    page.goto("/patients/balloon-kyphoplasty/")
    expect(region_notice(page)).to_contain_text("intended for UNITED STATES customers only")

    open_main_menu(page)
    page.get_by_label("Country").select_option(label="Canada")
    page.get_by_role("button", name="Go", exact=True).click()

    expect(page).to_have_url(path_is("/en-ca/patients/balloon-kyphoplasty/"))
    expect(heading(page)).to_have_text("Balloon Kyphoplasty")
    expect(region_notice(page)).to_contain_text("intended for CANADIAN customers only")
    expect(region_notice(page)).not_to_contain_text("UNITED STATES")
    expect(page.get_by_label("Country")).to_have_value("en-ca")
    expect(page.locator("html")).to_have_attribute("lang", "en-ca")
    assert_fits_the_screen(page)


def test_switching_back_to_the_united_states(page):
    page.goto("/en-ca/patients/balloon-kyphoplasty/after-the-procedure/")

    open_main_menu(page)
    page.get_by_label("Country").select_option(label="United States")
    page.get_by_role("button", name="Go", exact=True).click()

    expect(page).to_have_url(path_is("/patients/balloon-kyphoplasty/after-the-procedure/"))
    expect(region_notice(page)).to_contain_text("intended for UNITED STATES customers only")


def test_a_page_only_published_in_the_united_states_leads_to_the_canadian_home(page):
    page.goto("/physician-finder/")

    open_main_menu(page)
    page.get_by_label("Country").select_option(label="Canada")
    page.get_by_role("button", name="Go", exact=True).click()

    expect(page).to_have_url(path_is("/en-ca/"))
    expect(region_notice(page)).to_contain_text("intended for CANADIAN customers only")
