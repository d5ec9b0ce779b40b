"""
A publisher schedules an approved page to go live a few seconds ahead; a visitor who
asks before is told it does not exist, and sees it at its time with nobody doing
anything (no cron job, no publish at that moment), although the site was cached.

The superuser writes the page and submits it; a medical reviewer approves it on My work;
the publisher opens *Schedule…* on My work, sets *Goes live* and publishes. Every
editor's response is watched (no 403, no error), and the author-side of the toolbar is
checked for a schedule option it could not use. The dialog and My work's Scheduled
section are photographed into /tmp/shots-scheduling/.

The page stays published afterwards, in the main navigation: the tests before this one
(alphabetical order) never see it, and test_workflow does not look at the navigation.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser import chromium
from tests.browser.test_media_editing import Traffic
from tests.browser.test_workflow import PASSWORD, Editor, log_in

pytestmark = pytest.mark.browser

TITLE = "Support Group Evening"
PATH = "/support-group-evening/"
LEAD = timedelta(seconds=25)  # enough for the dialog and My work to be looked at first
SHOTS = Path("/tmp/shots-scheduling")
PEOPLE = {"reviewer": ("sched-rita", "Medical reviewer"), "publisher": ("sched-paul", "Publisher")}


@pytest.fixture
def viewport() -> str:
    return "desktop"


@pytest.fixture(scope="module")
def people(browser, site) -> dict:
    """A reviewer and a publisher, made through the admin's user pages."""
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


def write_and_submit(browser, site) -> None:
    """The superuser adds the page in the admin and sends it for review from My work."""
    context = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS["desktop"])
    page = context.new_page()
    traffic = Traffic(page)
    log_in(page, site.editor_username, site.editor_password)
    page.goto("/admin/cms/pagecontent/add/?language=en-us")
    page.get_by_label("Title").first.fill(TITLE)
    page.get_by_label("Description meta tag").fill("An evening for patients and families.")
    page.get_by_role("button", name="Save", exact=True).first.click()
    traffic.settle()
    page.goto("/admin/editorial/review/my-work/")
    row = page.locator("section#authored").get_by_role("row").filter(has_text=TITLE)
    # The superuser holds every role, but nothing scheduling-related is offered on a draft
    # that is not approved yet.
    expect(row.get_by_role("link", name="Schedule…")).to_have_count(0)
    row.get_by_role("button", name="Submit for medical review").click()
    expect(page.locator(".messagelist")).to_contain_text("Sent for medical review.")
    traffic.settle()
    assert not traffic.errors, traffic.errors
    context.close()


def test_a_scheduled_page_appears_at_its_time(browser, site, people):
    write_and_submit(browser, site)

    reviewer = Editor(browser, site, people["reviewer"], "scheduling")
    page = reviewer.my_work()
    row = page.locator("section#to_review").get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("link", name="Approve or reject").click()
    page.get_by_role("button", name=re.compile("Approve")).click()
    expect(page.locator(".messagelist")).to_have_text("Approved.")
    # Reviewers are shown no way to schedule.
    expect(page.get_by_role("link", name="Schedule…")).to_have_count(0)
    reviewer.close()

    visitor = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS["desktop"])
    public = visitor.new_page()
    assert public.goto("/").ok  # the home page enters the page cache before the schedule

    publisher = Editor(browser, site, people["publisher"], "scheduling")
    page = publisher.my_work()
    row = page.locator("section#to_publish").get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("link", name="Schedule…").click()
    expect(page.get_by_role("heading", name="Schedule publication")).to_be_visible()
    go_live = timezone.localtime(timezone.now() + LEAD).replace(microsecond=0)
    page.locator("#id_visibility_start_0").fill(go_live.strftime("%Y-%m-%d"))
    page.locator("#id_visibility_start_1").fill(go_live.strftime("%H:%M:%S"))
    expect(page.get_by_text("America/Chicago")).to_be_visible()
    snap(page, "scheduling-dialog")
    publisher.traffic.settle()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text(
        f"Published “{TITLE} (en-us)”: it goes live"
    )
    scheduled = page.locator("section#scheduled").get_by_role("row").filter(has_text=TITLE)
    expect(scheduled).to_contain_text("Goes live")
    expect(scheduled).to_contain_text("CST")
    expect(page.locator("section#to_publish")).not_to_contain_text(TITLE)
    snap(page, "my-work-pending")
    # The toolbar on the pending page says when it goes live.
    scheduled.get_by_role("link", name="Preview").click()
    toolbar = page.locator(".cms-toolbar")
    toolbar.get_by_role("link", name="Review", exact=True).click()
    expect(
        toolbar.get_by_role("link", name=re.compile(r"Version #\d+ goes live .* CST"))
    ).to_be_visible()
    snap(page, "toolbar-pending")
    publisher.close()

    assert public.goto(PATH).status == 404
    expect(public.get_by_role("navigation", name="Main")).not_to_contain_text(TITLE)
    wait_ms = (go_live - timezone.now()).total_seconds() * 1000 + 300
    public.wait_for_timeout(max(0, wait_ms))

    assert public.goto(PATH).ok
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    public.goto("/")
    expect(public.get_by_role("navigation", name="Main")).to_contain_text(TITLE)
    visitor.close()
