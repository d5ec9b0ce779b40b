"""A visitor finds the procedure and its pages through the menus, on a laptop and a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.visitor import (
    assert_fits_the_screen,
    assert_menu_reachable,
    heading,
    main_nav,
    open_main_menu,
    open_section_menu,
    path_is,
    section_nav,
)

pytestmark = pytest.mark.browser

PROCEDURE = "/patients/balloon-kyphoplasty/"
CHILDREN = {
    "Procedure Animation": "procedure-animation/",
    "Procedure Step-by-Step": "procedure-step-by-step/",
    "After the Procedure": "after-the-procedure/",
}


def test_from_home_through_the_menus_to_the_procedure_and_its_pages(page):
    page.goto("/")
    open_main_menu(page)
    assert_menu_reachable(page)

    main_nav(page).get_by_role("link", name="Patients", exact=True).click()
    expect(page).to_have_url(path_is("/patients/"))
    expect(heading(page)).to_have_text("Information for Patients")
    open_main_menu(page)
    expect(main_nav(page).locator("[aria-current=page]")).to_have_text("Patients")

    open_section_menu(page)
    section_nav(page).get_by_role("link", name="Balloon Kyphoplasty", exact=True).click()
    expect(page).to_have_url(path_is(PROCEDURE))
    expect(heading(page)).to_have_text("Balloon Kyphoplasty")
    expect(page.get_by_role("heading", name="Important Safety Information")).to_be_visible()
    assert_fits_the_screen(page)

    for title, slug in CHILDREN.items():
        open_section_menu(page)
        section_nav(page).get_by_role("link", name=title, exact=True).click()
        expect(page).to_have_url(path_is(PROCEDURE + slug))
        expect(heading(page)).to_have_text(title)
        open_section_menu(page)
        expect(section_nav(page).locator("[aria-current=page]")).to_have_text(title)
        breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
        expect(breadcrumbs.get_by_role("link")).to_have_text(
            ["Home", "Patients", "Balloon Kyphoplasty"]
        )
        assert_fits_the_screen(page)
        open_main_menu(page)
        assert_menu_reachable(page)


def test_breadcrumbs_lead_back_up_to_the_procedure(page):
    page.goto(PROCEDURE + "after-the-procedure/")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Balloon Kyphoplasty"
    ).click()

    expect(page).to_have_url(path_is(PROCEDURE))
    expect(heading(page)).to_have_text("Balloon Kyphoplasty")
