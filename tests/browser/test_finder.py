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
