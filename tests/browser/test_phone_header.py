"""
The phone-first header: on a 375px phone the page's heading is on the first screen.

Below 48rem the search box, country selector and main navigation fold behind a Menu
button (a disclosure: aria-expanded, Escape closes it), the font-size control stays in
view, and the section menu folds into "In this section" above the heading. Without
JavaScript nothing folds. The font-size control is shown from the first paint, so the
page does not shift as it loads.
"""

import pytest
from playwright.sync_api import expect

from tests.browser import axe
from tests.browser.visitor import (
    FONT_SIZES,
    assert_fits_the_screen,
    assert_menu_reachable,
    heading,
    main_nav,
    menu_button,
    open_main_menu,
    open_section_menu,
    section_menu_button,
    section_nav,
    sideways_scroll,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}  # an iPhone SE: the small phone the issue measured
PROCEDURE = "/patients/balloon-kyphoplasty/"
ANIMATION = PROCEDURE + "procedure-animation/"
FONT_SIZE_KEY = "portal-font-size"  # font-size.js


@pytest.fixture
def phone(browser, site):
    """A fresh 375x667 profile; `phone(size=...)` starts it with that text size stored."""
    contexts = []

    def make(*, size: str = "normal", javascript: bool = True):
        context = browser.new_context(
            base_url=site.url, viewport=PHONE, java_script_enabled=javascript
        )
        # As a returning visitor who chose this size: stored before any page script runs.
        context.add_init_script(f"localStorage.setItem('{FONT_SIZE_KEY}', '{size}')")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", list(FONT_SIZES))
def test_the_heading_is_on_the_first_screen_of_every_page(phone, public_paths, size):
    page = phone(size=size)

    below = {}
    for path in public_paths:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("data-font-size", size)
        box = heading(page).bounding_box()
        if box["y"] + box["height"] > PHONE["height"]:
            below[path] = round(box["y"] + box["height"])

    assert not below, f"h1 ends below the first screen (667px) at {size} text: {below}"


def test_the_menu_button_opens_and_closes_the_menu(phone):
    page = phone()
    page.goto(PROCEDURE)
    button = menu_button(page)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(main_nav(page)).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_hidden()
    expect(page.get_by_label("Country")).to_be_hidden()
    # The text size stays in view with the menu closed.
    expect(page.get_by_role("button", name="Largest text", exact=True)).to_be_visible()

    button.click()

    expect(button).to_have_attribute("aria-expanded", "true")
    assert_menu_reachable(page)
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_visible()
    expect(page.get_by_label("Country")).to_be_visible()
    assert_fits_the_screen(page)

    button.click()

    expect(button).to_have_attribute("aria-expanded", "false")
    expect(main_nav(page)).to_be_hidden()


def test_the_menu_works_from_the_keyboard_and_escape_closes_it(phone):
    page = phone()
    page.goto(PROCEDURE)
    button = menu_button(page)
    button.focus()

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(main_nav(page)).to_be_hidden()

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    link = main_nav(page).get_by_role("link", name="Physician Finder")
    link.focus()
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "false")


def test_escape_in_the_search_box_first_clears_what_was_typed(phone):
    page = phone()
    page.goto(PROCEDURE)
    open_main_menu(page)
    search = page.get_by_role("searchbox", name="Search this site")
    search.fill("back pain")

    search.press("Escape")

    expect(search).to_have_value("")
    expect(menu_button(page)).to_have_attribute("aria-expanded", "true")
    search.press("Escape")
    expect(menu_button(page)).to_have_attribute("aria-expanded", "false")
    expect(menu_button(page)).to_be_focused()


def test_without_javascript_everything_is_shown_and_no_button(phone):
    page = phone(javascript=False)
    page.goto(ANIMATION)

    expect(page.get_by_role("button", name="Menu")).to_have_count(0)
    expect(page.get_by_role("button", name="In this section")).to_have_count(0)
    assert_menu_reachable(page)
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_visible()
    expect(page.get_by_label("Country")).to_be_visible()
    expect(section_nav(page).get_by_role("link", name="After the Procedure")).to_be_visible()
    # The font-size buttons need the script; the browser's own zoom still works.
    expect(page.get_by_role("group", name="Font size:")).to_be_hidden()
    assert_fits_the_screen(page)


def test_on_a_phone_the_section_menu_comes_above_the_page_text(phone):
    page = phone()
    page.goto(ANIMATION)
    expect(page.get_by_role("navigation", name="In this section")).to_have_count(1)
    toggle = section_menu_button(page)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(section_nav(page).get_by_role("link")).to_have_count(0)  # folded
    assert toggle.bounding_box()["y"] < heading(page).bounding_box()["y"]

    open_section_menu(page)

    links = section_nav(page).get_by_role("link")
    expect(links).to_have_text(
        [
            "Balloon Kyphoplasty",
            "Procedure Animation",
            "Procedure Step-by-Step",
            "After the Procedure",
        ]
    )
    last = links.last.bounding_box()
    assert last["y"] + last["height"] <= heading(page).bounding_box()["y"]
    page.keyboard.press("Escape")  # focus is on the toggle after the click
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # The skip link still leads past the header and section menu to the page itself.
    page.goto(ANIMATION)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


@pytest.mark.parametrize("viewport", ["desktop"])
def test_on_a_wide_screen_the_section_menu_is_the_side_column(page):
    page.goto(ANIMATION)

    expect(menu_button(page)).to_be_hidden()
    expect(section_menu_button(page)).to_be_hidden()
    links = section_nav(page).get_by_role("link")
    expect(links.first).to_be_visible()
    main = page.get_by_role("main").bounding_box()
    side = section_nav(page).bounding_box()
    assert side["x"] >= main["x"] + main["width"]
    assert side["y"] < main["y"] + 200  # beside the heading, not after the text
    # The search box is in the top bar, above the main navigation.
    search = page.get_by_role("searchbox", name="Search this site").bounding_box()
    assert search["y"] + search["height"] <= main_nav(page).bounding_box()["y"]


def test_nothing_scrolls_sideways_with_both_menus_open_at_the_largest_text(phone, public_paths):
    page = phone(size="largest")

    overflowing = {}
    for path in public_paths:
        page.goto(path)
        confirm = page.get_by_role("button", name="I am a healthcare professional")
        if confirm.is_visible():  # the Physicians section asks first
            confirm.click()
        open_main_menu(page)
        open_section_menu(page)
        if (overflow := sideways_scroll(page)) > 0:
            overflowing[path] = overflow

    assert not overflowing, f"Scrolls sideways at 375px, largest text, menus open: {overflowing}"


def test_the_open_menus_have_no_wcag_violations(phone):
    page = phone()
    found = {}
    for path in (PROCEDURE, "/en-ca/patients/"):
        page.goto(path)
        open_main_menu(page)
        open_section_menu(page)
        found[f"{path} (menus open)"] = axe.violations(page)

    assert not any(found.values()), axe.report(found)


@pytest.mark.parametrize("size", list(FONT_SIZES))
def test_no_footer_rule_starts_a_line(phone, size):
    """The rules between footer links sit between links on one line, never at a line's start."""
    page = phone(size=size)
    page.goto(PROCEDURE)

    stray = page.evaluate(
        """() => {
            const nav = document.querySelector('.footer-nav');
            const clip = nav.getBoundingClientRect().left;
            let top = null;
            return [...nav.querySelectorAll('li')].filter(item => {
                const box = item.getBoundingClientRect();
                const startsLine = top === null || box.top > top + 1;
                top = box.top;
                const ruleShows = box.left >= clip;  // the rule is the item's left border
                return startsLine === ruleShows;
            }).map(item => item.innerText);
        }"""
    )

    assert not stray, f"footer links with a misplaced rule at {size} text: {stray}"


@pytest.mark.parametrize("size", ["normal", "largest"])
def test_the_procedure_page_does_not_shift_as_it_loads(phone, size):
    """Cumulative layout shift, as Chrome measures it, stays under 0.01 (it was 0.055)."""
    page = phone(size=size)
    page.add_init_script(
        """window.__shifts = [];
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                const moved = entry.sources.map(source => source.node
                    ? source.node.nodeName + '.' + (source.node.className || '')
                    : '?');
                window.__shifts.push({value: entry.value, at: entry.startTime, moved});
            }
        }).observe({type: 'layout-shift', buffered: true});"""
    )

    page.goto(PROCEDURE)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # let the observer hear about the last frames

    shifts = page.evaluate("() => window.__shifts")
    assert sum(shift["value"] for shift in shifts) < 0.01, f"layout shifts while loading: {shifts}"
