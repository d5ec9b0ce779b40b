"""
Three editors take a change live through "My work", each in their own browser and
role, and a visitor then sees it; a rejection goes back to its author with the reason.

The superuser creates the three logins in the admin's user pages, as a site
administrator would. Then, in separate browser profiles:
- the content author drafts a change to the shared risk list on the page (double-click,
  plugin editor) and submits it from the toolbar's Review menu;
- the medical reviewer goes from My work to the comparison with the live version, back,
  and to the approval page;
- the publisher publishes from My work.
Each browser's every response is watched: no step may answer 403 (or any error), and no
one is shown a button their role cannot use. Desktop width only: the toolbar's fold on a
phone is covered by test_editor.py and test_media_editing.py.

Each step is photographed into <tmp>/workflow-journey/, for a person to look at.
"""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import chromium
from tests.browser.test_editor import submit_for_review, toolbar_link
from tests.browser.test_media_editing import Traffic

pytestmark = pytest.mark.browser

RISK_LIST = "Serious adverse events (balloon kyphoplasty)"
PROCEDURE = "/patients/balloon-kyphoplasty/"
PASSWORD = "workflow-browser-tests-only"
PEOPLE = {
    "author": ("alice", "Content author"),
    "reviewer": ("rita", "Medical reviewer"),
    "publisher": ("paul", "Publisher"),
}
SHOTS = Path(tempfile.gettempdir()) / "workflow-journey"


@pytest.fixture
def viewport() -> str:
    return "desktop"


@pytest.fixture(scope="module")
def people(browser, site) -> dict:
    """The three logins, made once through the admin's Add user and Change user pages."""
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


class Editor:
    """One person at their own browser: a page, its traffic, and numbered screenshots."""

    def __init__(self, browser, site, username: str, test: str):
        self.context = browser.new_context(
            base_url=site.url, viewport=chromium.VIEWPORTS["desktop"]
        )
        self.page = self.context.new_page()
        self.traffic = Traffic(self.page)
        self.username = username
        self.test = test
        log_in(self.page, username, PASSWORD)

    def snap(self, name: str, **options) -> None:
        SHOTS.mkdir(exist_ok=True)
        taken = len(list(SHOTS.glob(f"{self.test}-*.png"))) + 1
        self.page.screenshot(path=SHOTS / f"{self.test}-{taken:02}-{name}.png", **options)

    def my_work(self):
        """Through the "My work" link at the top right of every admin page."""
        self.page.goto("/admin/")
        self.page.locator("#user-tools").get_by_role("link", name="My work").click()
        expect(self.page.get_by_role("heading", name="My work")).to_be_visible()
        return self.page

    def close(self) -> None:
        self.traffic.settle()
        assert not self.traffic.errors, (self.username, self.traffic.errors)
        self.context.close()


def log_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def row_of(page, section: str):
    return page.locator(f"section#{section}").get_by_role("row").filter(has_text=RISK_LIST).first


def edit_a_risk(editor: Editor, term: str, gloss: str) -> None:
    """The author opens the risk list, starts (or reopens) its draft and changes a gloss."""
    page = editor.page
    page.goto("/admin/djangocms_alias/alias/")
    page.get_by_role("row").filter(has_text=RISK_LIST).locator("a.cms-action-view").click()
    editor.traffic.settle()
    toolbar_link(page, re.compile(r"^(New Draft|Edit)$")).click()
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()
    editor.traffic.settle()
    risk = page.locator("li.risk-list__item").filter(has_text=term)
    risk.dblclick()
    form = page.frame_locator(".cms-modal-frame iframe")
    form.get_by_label("Plain-language explanation").fill(gloss)
    editor.traffic.settle()
    page.locator(".cms-modal-buttons").get_by_role("link", name="Save").click()
    expect(risk).to_contain_text(gloss)
    editor.traffic.settle()
    page.reload()
    expect(risk).to_contain_text(gloss)


def submit(editor: Editor) -> None:
    page = editor.page
    toolbar = page.locator(".cms-toolbar")
    # Authors are not offered Publish (versioning draws it on every draft in edit mode).
    expect(toolbar.locator(".cms-versioning-js-publish-btn")).to_have_count(0)
    editor.traffic.settle()
    submit_for_review(page)
    expect(page.locator(".cms-messages")).to_contain_text("Sent for medical review.")
    editor.snap("submitted")


def test_a_change_goes_live_through_my_work(browser, site, people):
    gloss = "the heart suddenly stops (reviewed through My work)"

    author = Editor(browser, site, people["author"], "live")
    edit_a_risk(author, "cardiac arrest", gloss)
    submit(author)
    author.my_work()
    expect(row_of(author.page, "authored")).to_contain_text("Awaiting medical review")
    author.snap("author-my-work")
    author.close()

    reviewer = Editor(browser, site, people["reviewer"], "live")
    page = reviewer.my_work()
    row = row_of(page, "to_review")
    expect(row).to_contain_text("by alice")
    reviewer.snap("reviewer-my-work", full_page=True)
    row.get_by_role("link", name="Open the draft").click()
    toolbar = page.locator(".cms-toolbar")
    # Its number depends on how many versions earlier tests published (tests/browser/).
    expect(toolbar.get_by_text(re.compile(r"^Version #\d+ \(Draft\)$"))).to_be_attached()
    # Nothing a reviewer cannot use: no Publish, no Edit, no Submit; Approve is offered.
    toolbar.get_by_role("link", name="Review", exact=True).click()
    expect(toolbar.get_by_role("link", name="Approve or reject…")).to_be_visible()
    for not_theirs in ("Publish", "Edit", "New Draft", "Submit for medical review"):
        expect(toolbar.locator("a").filter(has_text=re.compile(f"^{not_theirs}$"))).to_have_count(0)
    reviewer.snap("reviewer-draft")
    reviewer.my_work()
    row.get_by_role("link", name="Compare with live").click()
    expect(page.locator(".portal-reading-grades")).to_contain_text(
        re.compile(r"Reading grade:\s+#\d+")
    )
    expect(page.locator(".cms-versioning-title").first).to_contain_text("Comparing")
    reviewer.traffic.settle()
    reviewer.snap("compare")
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    row_of(page, "to_review").get_by_role("link", name="Approve or reject").click()
    expect(page.get_by_text(re.compile(r"Version #\d+ \(Draft\)"))).to_be_visible()
    page.get_by_label("Comment (required to reject)").fill("Plain words, matches the IFU.")
    reviewer.snap("approval")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_have_text("Approved.")
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    reviewer.close()

    publisher = Editor(browser, site, people["publisher"], "live")
    page = publisher.my_work()
    row = row_of(page, "to_publish")
    expect(row).to_contain_text("Approved by rita")
    publisher.snap("publisher-my-work", full_page=True)
    publisher.traffic.settle()
    row.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text(
        f"Published “{RISK_LIST} (en-us)”: visitors see it now."
    )
    expect(page.locator("section#to_publish")).not_to_contain_text(RISK_LIST)
    publisher.snap("published")
    publisher.close()

    visitor = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS["desktop"])
    public = visitor.new_page()
    public.goto(PROCEDURE)
    safety = public.get_by_role("region", name="Important Safety Information")
    expect(safety.get_by_role("listitem").filter(has_text="cardiac arrest")).to_have_text(
        f"cardiac arrest ({gloss})"
    )
    visitor.close()


def test_a_rejection_goes_back_to_the_author_with_its_reason(browser, site, people):
    reason = "Say “heart attack” first: patients know that word."

    author = Editor(browser, site, people["author"], "rejected")
    edit_a_risk(author, "myocardial infarction", "damage to the heart muscle")
    submit(author)
    author.close()

    reviewer = Editor(browser, site, people["reviewer"], "rejected")
    page = reviewer.my_work()
    row_of(page, "to_review").get_by_role("link", name="Approve or reject").click()
    page.get_by_label("Comment (required to reject)").fill(reason)
    page.get_by_role("button", name="Reject").click()
    expect(page.locator(".messagelist")).to_have_text("Rejected: the author is told why.")
    expect(page.locator("section#to_review")).not_to_contain_text(RISK_LIST)
    reviewer.close()

    author = Editor(browser, site, people["author"], "rejected")
    page = author.my_work()
    row = row_of(page, "authored")
    expect(row).to_contain_text("Rejected by rita")
    expect(row.locator(".rejection-reason")).to_have_text(reason)
    expect(row.get_by_role("button", name="Submit for medical review")).to_be_visible()
    author.snap("author-sees-rejection", full_page=True)
    author.close()
