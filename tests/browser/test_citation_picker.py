"""
References in the browser: a correction goes through review before patients see it, and
authors cite with the picker inside django CMS's plugin modal.

- The content author opens reference 17 in the library, starts a draft with versioning's
  New Draft button, corrects its title in the admin form and submits it from My work; the
  medical reviewer approves it, the publisher publishes it. A visitor sees the old title
  until then and the corrected one afterwards.
- The author opens a citation of the procedure page's draft in the CMS modal, types an
  author's name into the picker, chooses the reference with the keyboard and saves; the
  page then cites it.

Screenshots of the picker and of the reference in My work go to /tmp/shots-references/.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import chromium
from tests.browser.test_editor import toolbar_link
from tests.browser.test_workflow import PASSWORD, Editor, log_in

pytestmark = pytest.mark.browser

PROCEDURE = "/patients/balloon-kyphoplasty/"
CORRECTED = "Efficacy and safety of balloon kyphoplasty (FREE): a corrected title"
REFERENCE_17 = "[17] Wardlaw D 2009"
PEOPLE = {
    "author": ("ann", "Content author"),
    "reviewer": ("ray", "Medical reviewer"),
    "publisher": ("pia", "Publisher"),
}
SHOTS = Path("/tmp/shots-references")


@pytest.fixture
def viewport() -> str:
    return "desktop"


@pytest.fixture(scope="module")
def people(browser, site) -> dict:
    """Three logins, made through the admin's Add user and Change user pages."""
    context = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    log_in(page, site.editor_username, site.editor_password)
    for username, role in PEOPLE.values():
        page.goto("/admin/auth/user/add/")
        page.get_by_label("Username").fill(username)
        page.locator("#id_password1").fill(PASSWORD)
        page.locator("#id_password2").fill(PASSWORD)
        page.get_by_role("button", name="Save", exact=True).click()
        page.locator("#id_email").fill(f"{username}@example.org")
        page.locator("#id_is_staff").check()
        page.locator("#id_groups_from").select_option(label=role)
        page.locator("#id_groups_add").click()
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    context.close()
    return {key: username for key, (username, _role) in PEOPLE.items()}


def snap(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def visitor_entry(browser, site) -> str:
    context = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(PROCEDURE)
    text = page.locator("li#ref-17").inner_text()
    context.close()
    return text


def row_of(page, section: str):
    return page.locator(f"section#{section}").get_by_role("row").filter(has_text=REFERENCE_17)


def test_a_reference_correction_goes_live_only_once_published(browser, site, people):
    author = Editor(browser, site, people["author"], "reference")
    page = author.page
    page.goto("/admin/pages/reference/")
    page.get_by_role("link", name="17", exact=True).click()
    # Published: read-only, with versioning's New Draft button.
    expect(page.get_by_label("Title")).to_have_count(0)
    page.get_by_role("link", name="New Draft").click()
    page.get_by_label("Title").fill(CORRECTED)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page = author.my_work()
    row_of(page, "authored").get_by_role("button", name="Submit for medical review").click()
    expect(page.locator(".messagelist")).to_contain_text("Sent for medical review.")
    author.close()
    assert CORRECTED not in visitor_entry(browser, site)

    reviewer = Editor(browser, site, people["reviewer"], "reference")
    page = reviewer.my_work()
    row = row_of(page, "to_review")
    expect(row).to_contain_text("by ann")
    snap(page, "my-work-reviewer-reference")
    row.get_by_role("link", name="Compare with live").click()
    expect(page.locator(".cms-versioning-title").first).to_contain_text("Comparing")
    reviewer.traffic.settle()
    snap(page, "compare-reference")
    page.get_by_role("link", name="Back").click()
    row_of(page, "to_review").get_by_role("link", name="Approve or reject").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_have_text("Approved.")
    reviewer.close()
    assert CORRECTED not in visitor_entry(browser, site)

    publisher = Editor(browser, site, people["publisher"], "reference")
    page = publisher.my_work()
    row = row_of(page, "to_publish")
    snap(page, "my-work-publisher-reference")
    row.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("visitors see it now.")
    publisher.close()

    assert CORRECTED in visitor_entry(browser, site)


def test_an_author_cites_with_the_picker_in_the_plugin_modal(browser, site, people):
    author = Editor(browser, site, people["author"], "picker")
    page = author.page
    page.goto(PROCEDURE)
    author.traffic.settle()
    toolbar_link(page, re.compile(r"^(New Draft|Edit)$")).click()
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()
    author.traffic.settle()
    # The citation "[17,19]" in django CMS's own plugin modal, opened on the plugin's edit
    # URL as the text editor opens it when its citation is double-clicked.
    citation = page.locator('cms-plugin[type="CitationPlugin"]').nth(1)
    expect(citation).to_have_text("[17,19]")
    edit_url = f"/admin/cms/placeholder/edit-plugin/{citation.get_attribute('id')}/"
    page.evaluate("(url) => new CMS.Modal().open({url, title: 'Citation'})", edit_url)
    form = page.frame_locator(".cms-modal-frame iframe")
    search = form.locator(".select2-search__field")
    search.focus()
    page.keyboard.type("Papanastassiou", delay=30)
    option = form.get_by_role("option", name=re.compile(r"^\[29\] Papanastassiou ID 2012"))
    expect(option).to_be_visible()
    snap(page, "citation-picker")
    page.keyboard.press("Enter")
    expect(form.locator(".select2-selection__choice")).to_have_count(3)
    snap(page, "citation-picker-chosen")
    page.locator(".cms-modal-buttons").get_by_role("link", name="Save").click()
    expect(page.locator(".cms-modal")).to_be_hidden()
    author.traffic.settle()
    page.reload()
    expect(page.locator('cms-plugin[type="CitationPlugin"]').nth(1)).to_have_text("[17,19,29]")
    author.close()
