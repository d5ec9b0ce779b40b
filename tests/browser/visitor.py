"""What a visitor sees, as Playwright locators and checks shared by the journeys."""

import re

from playwright.sync_api import Page, expect

FONT_SIZES = {"normal": "Normal text", "large": "Large text", "largest": "Largest text"}


def main_nav(page: Page):
    return page.get_by_role("navigation", name="Main")


def section_nav(page: Page):
    return page.get_by_role("navigation", name="In this section")


def menu_button(page: Page):
    return page.get_by_role("button", name="Menu", exact=True)


def section_menu_button(page: Page):
    return section_nav(page).get_by_role("button", name="In this section")


def open_main_menu(page: Page) -> None:
    """On a phone the main menu, search and country sit behind the Menu button: press it.

    At desktop width the button is not shown and this does nothing.
    """
    _open(menu_button(page))


def open_section_menu(page: Page) -> None:
    """Below 56rem the section menu is folded under "In this section": open it."""
    _open(section_menu_button(page))


def _open(button) -> None:
    if button.is_visible() and button.get_attribute("aria-expanded") == "false":
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def path_is(path: str) -> re.Pattern:
    """For expect(page).to_have_url: the live server's host and port vary."""
    return re.compile(r"^https?://[^/]+" + re.escape(path) + "$")


def sideways_scroll(page: Page) -> int:
    """How far the page scrolls horizontally, in CSS pixels (0 when it fits)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def assert_fits_the_screen(page: Page) -> None:
    overflow = sideways_scroll(page)
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def assert_menu_reachable(page: Page) -> None:
    """Every main menu link is visible and lies within the screen's width."""
    links = main_nav(page).get_by_role("link")
    assert links.count() > 0
    width = page.viewport_size["width"]
    for link in links.all():
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, link.inner_text()


def choose_font_size(page: Page, size: str) -> None:
    button = page.get_by_role("button", name=FONT_SIZES[size], exact=True)
    button.click()
    expect(page.locator("html")).to_have_attribute("data-font-size", size)
    expect(button).to_have_attribute("aria-pressed", "true")


def focus_ring(page: Page) -> dict:
    """The focused element and the computed styles that draw its focus indicator."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.innerText || el.getAttribute('aria-label') || el.id || '').trim(),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                boxShadow: style.boxShadow,
            };
        }"""
    )


def has_visible_focus_ring(ring: dict) -> bool:
    outline = ring["outlineStyle"] != "none" and ring["outlineWidth"] > 0
    return outline or ring["boxShadow"] != "none"


def tab_to(page: Page, target, *, limit: int = 60) -> list[dict]:
    """Press Tab until `target` has focus; returns the stops on the way that showed no ring."""
    unringed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if not has_visible_focus_ring(ring):
            unringed.append(ring)
        if target.evaluate("el => el === document.activeElement"):
            return unringed
    raise AssertionError(f"{limit} presses of Tab never reached {target}")
