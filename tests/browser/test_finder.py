"""
Patients search the physician finder by ZIP code or city, page through the
results and get a friendly error for input the finder cannot place.

The searches rely on the demo physicians `load_demo_content` adds: a few in
and around each of fifteen big cities (physicians/demo.py), so New York within
100 miles has more than one page of results.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import chromium
from tests.browser.visitor import assert_fits_the_screen, main_nav, open_main_menu

pytestmark = pytest.mark.browser

FINDER = "/physician-finder/"
LOCATION = "ZIP code or city and state"


def search(page, location: str, *, radius: str | None = None) -> None:
    page.get_by_label(LOCATION).fill(location)
    if radius:
        page.get_by_label("Distance").select_option(label=f"Within {radius} miles")
    page.get_by_role("button", name="Find physicians").click()


def results(page):
    return page.get_by_role("region", name=re.compile(r"physicians? within"))


def result_items(page):
    return results(page).get_by_role("list").first.locator(":scope > li")


def distances(page) -> list[float]:
    texts = results(page).locator(".physician__distance").all_inner_texts()
    return [float(text.split()[0]) for text in texts]


def test_search_by_zip_code(page):
    page.goto("/")
    open_main_menu(page)
    main_nav(page).get_by_role("link", name="Physician Finder").click()

    search(page, "55432", radius="25")

    expect(page).to_have_title(re.compile(r"^Physician Finder"))
    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"\d+ physicians? within 25 miles of Minneapolis, MN 55432")
    )
    expect(result_items(page).first).to_be_visible()
    found = distances(page)
    assert found == sorted(found), "results are not nearest first"
    assert all(miles <= 25 for miles in found)
    expect(page.get_by_label(LOCATION)).to_have_value("55432")
    assert_fits_the_screen(page)


def test_search_by_city_and_state(page):
    page.goto(FINDER)

    search(page, "Minneapolis, MN")

    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"physicians? within \d+ miles of Minneapolis, MN")
    )
    expect(result_items(page).first).to_be_visible()
    assert distances(page) == sorted(distances(page))
    assert_fits_the_screen(page)


def test_paging_through_results(page):
    page.goto(FINDER)
    search(page, "10001", radius="100")
    pages = page.get_by_role("navigation", name="Result pages")
    expect(results(page)).to_contain_text(re.compile(r"Showing 1 to 20 of \d+"))
    first_page = result_items(page).all_inner_texts()
    first_distances = distances(page)

    pages.get_by_role("link", name="Next page").click()

    expect(results(page)).to_contain_text(re.compile(r"Showing 21 to \d+ of \d+"))
    expect(pages.locator("[aria-current=page]")).to_have_text(re.compile(r"2"))
    assert not set(result_items(page).all_inner_texts()) & set(first_page)
    assert min(distances(page)) >= max(first_distances), "page 2 is not further than page 1"
    assert_fits_the_screen(page)

    pages.get_by_role("link", name="Previous page").click()
    expect(results(page)).to_contain_text(re.compile(r"Showing 1 to 20 of \d+"))
    assert result_items(page).all_inner_texts() == first_page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("zzzz", "We could not find that place."),
        ("", "Enter a ZIP code or a city and state."),
    ],
)
def test_input_the_finder_cannot_place_gets_a_friendly_error(page, typed, message):
    page.goto(FINDER)

    search(page, typed)

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem with your search")
    field = page.get_by_label(LOCATION)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value(typed)
    expect(page.locator("#location-error")).to_contain_text(message)
    expect(results(page)).to_have_count(0)

    summary.get_by_role("link", name=re.compile(re.escape(message))).click()
    expect(field).to_be_focused()
    assert_fits_the_screen(page)


def test_a_misspelt_city_offers_suggestions_that_search(page):
    page.goto(FINDER)
    search(page, "Minneapols, MN")

    page.get_by_role("alert").get_by_role("link", name="Minneapolis, MN", exact=True).click()

    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"within \d+ miles of Minneapolis, MN")
    )


NEW_YORK = {"latitude": 40.75065, "longitude": -73.99718}


@pytest.fixture
def located_context(browser, site):
    """A visitor in Manhattan whose browser may share its location with the site."""
    context = browser.new_context(
        base_url=site.url,
        viewport=chromium.VIEWPORTS["desktop"],
        geolocation=NEW_YORK,
        permissions=["geolocation"],
    )
    yield context
    context.close()


@pytest.fixture
def refusing_context(browser, site):
    """A visitor who said no when the site asked for their location."""
    context = browser.new_context(
        base_url=site.url, viewport=chromium.VIEWPORTS["desktop"], geolocation=NEW_YORK
    )
    context.clear_permissions()
    yield context
    context.close()


def test_use_my_location_searches_from_the_visitors_point(located_context):
    page = located_context.new_page()
    page.goto(FINDER)

    page.get_by_role("button", name="Use my location").click()

    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"\d+ physicians? within 25 miles of your location")
    )
    # Rounded to about 100 m before it leaves the browser, and only to this site.
    assert "lat=40.751" in page.url and "lng=-73.997" in page.url
    expect(result_items(page).first).to_be_visible()
    assert distances(page) == sorted(distances(page))
    expect(page.get_by_label(LOCATION)).to_have_value("")

    page.get_by_label("Distance").select_option(label="Within 100 miles")
    page.get_by_role("button", name="Find physicians").click()
    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"within 100 miles of your location")
    )

    search(page, "55432")
    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"within 100 miles of Minneapolis, MN 55432")
    )


def test_a_refused_location_asks_for_a_place_and_the_form_still_works(refusing_context):
    page = refusing_context.new_page()
    page.goto(FINDER)

    page.get_by_role("button", name="Use my location").click()

    expect(page.get_by_role("status")).to_have_text(
        "We could not get your location. Enter a ZIP code or a city and state instead."
    )
    expect(page.get_by_label(LOCATION)).to_be_focused()
    expect(results(page)).to_have_count(0)
    search(page, "55432")
    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        re.compile(r"within 25 miles of Minneapolis, MN 55432")
    )


def test_without_javascript_there_is_no_location_button_and_the_form_works(browser, site):
    context = browser.new_context(
        base_url=site.url, viewport=chromium.VIEWPORTS["desktop"], java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(FINDER)

        expect(page.get_by_role("button", name="Use my location")).to_have_count(0)
        page.get_by_label("Only physicians accepting new patients").check()
        search(page, "New York, NY", radius="100")

        expect(results(page).get_by_role("heading", level=2)).to_have_text(
            re.compile(r"within 100 miles of New York, NY")
        )
        expect(results(page).locator(".finder-results__filter")).to_have_text(
            ["Accepting new patients"]
        )
        accepting = results(page).locator(".physician__accepting").all_inner_texts()
        assert accepting and set(accepting) == {"Accepting new patients"}
    finally:
        context.close()


def test_map_pins_are_links_a_keyboard_reaches(page):
    page.goto(FINDER)
    search(page, "10001", radius="25")
    pins = results(page).get_by_role("figure").get_by_role("link")
    expect(pins.first).to_be_visible()
    first_name = results(page).locator(".physician__name").first.inner_text().split(",")[0]

    pins.first.focus()
    expect(pins.first).to_be_focused()
    expect(pins.first).to_have_accessible_name(f"1. {first_name}")
    page.keyboard.press("Enter")

    assert page.url.endswith("#result-1")
    expect(page.locator("#result-1")).to_be_in_viewport()
