"""Printed pages keep the content, safety information and references, and drop navigation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import main_nav, section_nav

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop"])
def test_the_procedure_prints_with_safety_information_and_references(page):
    page.goto("/patients/balloon-kyphoplasty/")
    page.emulate_media(media="print")

    for navigation in (
        main_nav(page),
        section_nav(page),
        page.get_by_role("navigation", name="Breadcrumb"),
        page.get_by_role("navigation", name="Footer"),
        page.get_by_label("Country"),
        page.get_by_role("group", name="Font size:"),
    ):
        expect(navigation).to_be_hidden()
    expect(page.get_by_role("heading", name="Balloon Kyphoplasty", level=1)).to_be_visible()
    safety = page.get_by_role("region", name="Important Safety Information")
    expect(safety).to_be_visible()
    expect(safety.get_by_role("listitem").filter(has_text="death")).to_be_visible()
    references = page.get_by_role("region", name="References")
    expect(references).to_be_visible()
    expect(references.get_by_role("listitem")).to_have_count(3)
    expect(page.get_by_role("region", name="Important notices")).to_be_visible()

    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("viewport", ["desktop"])
def test_finder_results_print_as_a_plain_list(page):
    page.goto("/physician-finder/?location=10001&radius=100")
    page.emulate_media(media="print")

    expect(main_nav(page)).to_be_hidden()
    expect(page.get_by_role("search", name="Find a physician")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Result pages")).to_be_hidden()
    results = page.get_by_role("region", name=re.compile(r"physicians within 100 miles"))
    expect(results.get_by_role("heading", level=2)).to_be_visible()
    physicians = results.locator(".physician")
    expect(physicians).to_have_count(20)
    expect(physicians.first.get_by_role("heading", level=3)).to_be_visible()
    expect(physicians.first).to_contain_text("Phone:")
    directions = results.get_by_role("link", name=re.compile("^Directions"), include_hidden=True)
    expect(directions).to_have_count(20)
    for link in directions.all():
        expect(link).to_be_hidden()
    assert physicians.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"

    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")
