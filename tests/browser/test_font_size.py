"""Visitors who need larger text choose it once; every page then keeps it (localStorage)."""

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import (
    assert_fits_the_screen,
    assert_menu_reachable,
    choose_font_size,
    heading,
    main_nav,
    open_main_menu,
)

pytestmark = pytest.mark.browser

ROOT_FONT_SIZE = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"


def test_large_text_is_kept_on_the_next_page_and_after_reload(page):
    page.goto("/")
    html = page.locator("html")
    normal = page.get_by_role("button", name="Normal text", exact=True)
    large = page.get_by_role("button", name="Large text", exact=True)
    expect(html).to_have_attribute("data-font-size", "normal")
    expect(normal).to_have_attribute("aria-pressed", "true")
    expect(large).to_have_attribute("aria-pressed", "false")
    normal_px = page.evaluate(ROOT_FONT_SIZE)

    choose_font_size(page, "large")

    expect(normal).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(ROOT_FONT_SIZE) > normal_px

    open_main_menu(page)
    main_nav(page).get_by_role("link", name="Patients", exact=True).click()
    expect(heading(page)).to_have_text("Information for Patients")
    expect(html).to_have_attribute("data-font-size", "large")
    expect(page.get_by_role("button", name="Large text", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )

    page.reload()
    expect(html).to_have_attribute("data-font-size", "large")
    expect(page.get_by_role("button", name="Large text", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert page.evaluate(ROOT_FONT_SIZE) > normal_px


@pytest.mark.parametrize("size", ["large", "largest"])
def test_larger_text_still_fits_and_keeps_the_menu_reachable(page, size):
    page.goto("/patients/balloon-kyphoplasty/")

    choose_font_size(page, size)
    open_main_menu(page)

    assert_fits_the_screen(page)
    assert_menu_reachable(page)


def test_back_to_normal_text(page):
    page.goto("/")
    choose_font_size(page, "largest")

    choose_font_size(page, "normal")
    page.reload()

    expect(page.locator("html")).to_have_attribute("data-font-size", "normal")
