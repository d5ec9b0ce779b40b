"""
Inline editing of a site notice on its own page saves one copy of its text.

Issue 15's data-safety bug: the notice's page rendered it twice in edit mode (in the body and
in the footer), both copies with one plugin id, so each inline save merged them and the
paragraph doubled (1, 2, 4 copies). Here an editor does what found it: opens the notice,
starts a draft, clicks into the text, types and clicks away (djangocms-text saves on
leaving the editor), three times; after each save the page holds the words once. It fails
with the footer copy put back (2 copies after the first save).
"""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_editor import log_in, toolbar_link

pytestmark = pytest.mark.browser

NOTICE = "Donations registry notice"
SHOTS = Path(tempfile.gettempdir()) / "inline-notice"


def open_a_draft_of_the_notice(page) -> None:
    page.goto("/admin/djangocms_alias/alias/")
    page.get_by_role("row").filter(has_text=NOTICE).locator("a.cms-action-view").click()
    page.wait_for_load_state("networkidle")
    version = page.locator(".cms-toolbar").get_by_text(re.compile(r"^Version #\d+")).first
    if "(Published)" in version.inner_text():
        toolbar_link(page, "New Draft").click()
        page.wait_for_load_state("networkidle")
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()


PHRASE = "Donations are listed on our website"


def type_into_the_notice(page, words: str) -> None:
    """Click into the text, replace it, and click away: the inline editor saves on leaving."""
    text = page.locator("main").get_by_text(re.compile(r"(Starting May 1, 2008|Donations are)"))
    text.first.click()
    editor = page.locator("main [contenteditable=true]")
    expect(editor).to_have_count(1)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(words)
    with page.expect_response(
        lambda r: "edit-plugin" in r.url and r.request.method == "POST"
    ) as saved:
        page.get_by_role("heading", name=NOTICE).click()
    assert saved.value.status < 400, saved.value.status


def test_an_inline_edit_of_a_notice_saves_one_copy(browser, site):
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    SHOTS.mkdir(exist_ok=True)
    try:
        log_in(page, site)
        open_a_draft_of_the_notice(page)

        for round_ in (1, 2, 3):  # each save used to double the paragraph
            type_into_the_notice(page, f"{PHRASE} (edit {round_}).")
            page.reload()
            page.wait_for_load_state("networkidle")
            html = page.content()
            assert html.count(PHRASE) == 1, f"after save {round_}: {html.count(PHRASE)} copies"
            assert f"(edit {round_})" in html
        page.screenshot(path=SHOTS / "inline-saved.png")
    finally:
        context.close()
