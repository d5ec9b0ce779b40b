"""
An editor changes a risk on the shared "Serious adverse events" list and takes
it through the editorial workflow; visitors then see it on the procedure page.

It is driven the way editors work: the admin's login form (which django-axes
watches), the alias list, the django CMS toolbar, a double-click on the risk to
open the plugin editor, the toolbar's Review menu, the review queue and its
approval page, and the toolbar's Publish button. The superuser holds every
role, so one login walks all steps; tests/editorial proves each role's limits
from the HTTP side.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

RISK_LIST = "Serious adverse events (balloon kyphoplasty)"
PROCEDURE = "/patients/balloon-kyphoplasty/"


def log_in(page, site) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(site.editor_username)
    page.get_by_label("Password").fill(site.editor_password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def toolbar_link(page, name: str):
    """A django CMS toolbar link; on narrow screens the toolbar folds into "More..."."""
    toolbar = page.locator(".cms-toolbar")
    expect(toolbar.get_by_text(re.compile(r"^Version #\d+"))).to_be_attached()
    more = toolbar.get_by_role("link", name="More...", exact=True).first
    if more.is_visible():
        more.click()
    return toolbar.get_by_role("link", name=name, exact=True)


def submit_for_review(page) -> None:
    """The toolbar's Review menu › Submit for medical review, and the page it redirects to.

    Going on before that page has loaded races the redirect: Chromium aborts one of the two
    navigations (net::ERR_ABORTED, seen once in CI on a phone viewport).
    """
    toolbar_link(page, "Review").click()
    submit = page.locator(".cms-toolbar").get_by_role("link", name="Submit for medical review")
    with (
        page.expect_navigation(wait_until="load"),
        page.expect_response(lambda r: r.url.endswith("/request/")) as submitted,
    ):
        submit.click()
    assert submitted.value.status < 400, submitted.value.status


def open_latest_version(page) -> None:
    page.goto("/admin/djangocms_alias/alias/")
    page.get_by_role("row").filter(has_text=RISK_LIST).locator("a.cms-action-view").click()
    page.wait_for_load_state("networkidle")


def open_a_draft(page) -> None:
    """The list's draft, starting one from the published version unless one is open."""
    open_latest_version(page)
    version = page.locator(".cms-toolbar").get_by_text(re.compile(r"^Version #\d+")).first
    if "(Published)" in version.inner_text():
        toolbar_link(page, "New Draft").click()
        page.wait_for_load_state("networkidle")
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()


def test_edited_risk_reaches_visitors_after_review_and_publishing(page, browser, site, viewport):
    gloss = f"a blood clot in the lungs (checked on {viewport})"
    log_in(page, site)
    open_a_draft(page)

    risk = page.locator("li.risk-list__item").filter(has_text="pulmonary embolism")
    risk.dblclick()
    editor = page.frame_locator(".cms-modal-frame iframe")
    editor.get_by_label("Plain-language explanation").fill(gloss)
    page.locator(".cms-modal-buttons").get_by_role("link", name="Save").click()
    expect(risk).to_contain_text(gloss)
    # django CMS refreshes the toolbar after a save, at its own pace: start from a settled page.
    page.reload()
    expect(risk).to_contain_text(gloss)

    submit_for_review(page)

    # The reviewer's side: the review queue, then the approval page.
    page.goto("/admin/editorial/review/")
    request = page.get_by_role("row").filter(has_text=RISK_LIST).filter(has_text="Awaiting review")
    request.get_by_role("link", name="Approve or reject").click()
    expect(page.get_by_text("Latest review: Awaiting review")).to_be_visible()
    page.get_by_label("Comment (required to reject)").fill("Matches the instructions for use.")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_have_text("Approved.")

    open_latest_version(page)
    toolbar_link(page, "Publish").click()
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Published\)"))).to_be_attached()

    visitor = browser.new_context(base_url=site.url, viewport=page.viewport_size)
    public = visitor.new_page()
    public.goto(PROCEDURE)
    safety = public.get_by_role("region", name="Important Safety Information")
    expect(safety.get_by_role("listitem").filter(has_text="pulmonary embolism")).to_have_text(
        f"pulmonary embolism ({gloss})"
    )
    visitor.close()


@pytest.fixture
def discarded_draft(page, site):
    """A draft of the risk list, discarded after the test (Version menu › Discard Changes),
    so the next test (tests/browser/test_workflow.py) starts from the published list."""
    log_in(page, site)
    open_a_draft(page)
    yield
    open_a_draft(page)
    toolbar_link(page, re.compile(r"^Version #\d+ \(Draft\)$")).click()
    page.locator(".cms-toolbar").get_by_role("link", name="Discard Changes").click()
    page.get_by_role("button", name="Yes, I'm sure").click()
    expect(page).to_have_url(re.compile(r"contentversion/"))  # the list's version list
    expect(page.get_by_role("row").filter(has_text="Draft")).to_have_count(0)


def test_publishing_an_unapproved_draft_is_refused_with_a_reason(page, discarded_draft):
    toolbar_link(page, "Publish").click()

    expect(page.locator(".cms-messages")).to_contain_text(
        "This draft has not been approved by a medical reviewer"
    )
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()
