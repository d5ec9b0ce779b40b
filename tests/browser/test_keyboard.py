"""Keyboard-only visitors: skip link first, menus, the finder, always with a visible focus ring."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import (
    focus_ring,
    has_visible_focus_ring,
    main_nav,
    menu_button,
    tab_to,
)

pytestmark = pytest.mark.browser


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(page):
    page.goto("/patients/balloon-kyphoplasty/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert has_visible_focus_ring(focus_ring(page)), focus_ring(page)

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_tabbing_reaches_every_main_menu_link_with_a_visible_focus_ring(page):
    page.goto("/")

    reached, rings = [], {}
    for _ in range(40):
        page.keyboard.press("Tab")
        if is_focused(menu_button(page)):  # a phone: the menu opens from the Menu button
            open_with_enter(menu_button(page))
            continue
        in_menu = page.evaluate(
            "() => !!document.activeElement.closest('nav.main-nav') "
            "&& document.activeElement.tagName === 'A'"
        )
        if in_menu:
            ring = focus_ring(page)
            reached.append(ring["text"])
            rings[ring["text"]] = has_visible_focus_ring(ring)
        elif reached:
            break

    menu = [text.strip() for text in main_nav(page).get_by_role("link").all_inner_texts()]
    assert reached == menu
    assert all(rings.values()), rings


def test_every_control_in_the_header_shows_focus(page):
    """Skip link, logo, (Menu on a phone,) search, country, Go, text sizes, first menu link."""
    page.goto("/")
    first_menu_link = main_nav(page).get_by_role("link").first
    missing = []
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if not has_visible_focus_ring(ring):
            missing.append(ring)
        if is_focused(menu_button(page)):
            open_with_enter(menu_button(page))
        if is_focused(first_menu_link):
            break

    assert is_focused(first_menu_link)
    assert not missing


def test_keyboard_only_search_in_the_finder(page):
    page.goto("/")
    finder_link = main_nav(page).get_by_role("link", name="Physician Finder")
    unringed = []
    if menu_button(page).is_visible():
        unringed += tab_to(page, menu_button(page))
        open_with_enter(menu_button(page))
    unringed += tab_to(page, finder_link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Physician Finder")

    location = page.get_by_label("ZIP code or city and state")
    unringed += tab_to(page, location)
    page.keyboard.type("55432")
    unringed += tab_to(page, page.get_by_label("Distance"))
    unringed += tab_to(page, page.get_by_role("button", name="Find physicians"))
    page.keyboard.press("Enter")

    results = page.get_by_role("region", name=re.compile(r"physicians? within"))
    expect(results).to_be_visible()
    unringed += tab_to(page, results.get_by_role("link", name=re.compile("^Directions")).first)
    assert not unringed, f"focused without a visible ring: {unringed}"


def test_keyboard_user_fixes_an_error_from_the_summary(page):
    page.goto("/physician-finder/?location=zzzz")

    summary_link = page.get_by_role("alert").get_by_role("link").first
    unringed = tab_to(page, summary_link)
    page.keyboard.press("Enter")

    location = page.get_by_label("ZIP code or city and state")
    expect(location).to_be_focused()
    assert has_visible_focus_ring(focus_ring(page)), focus_ring(page)
    location.fill("")
    page.keyboard.type("Minneapolis, MN")
    page.keyboard.press("Enter")
    expect(page.get_by_role("region", name=re.compile(r"physicians? within"))).to_be_visible()
    assert not unringed, unringed


def is_focused(locator) -> bool:
    return locator.count() > 0 and locator.evaluate("el => el === document.activeElement")


def open_with_enter(button) -> None:
    if button.get_attribute("aria-expanded") == "false":
        button.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
