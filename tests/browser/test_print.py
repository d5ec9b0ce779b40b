"""Printed pages keep the content, safety information and references, and drop navigation."""

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
