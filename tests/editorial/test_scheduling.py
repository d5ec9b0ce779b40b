"""
Scheduling never skips review: only a publisher schedules, only an approved draft, and
every publish rule (fair balance, descriptions, media) applies to a scheduled publish.
Authors and reviewers are never offered it; everyone sees what is pending or expiring.
"""

import time
from datetime import timedelta

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_preview_url
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from djangocms_alias.models import AliasContent
from djangocms_timed_publishing.models import TimedPublishingInterval
from djangocms_versioning.models import Version

from editorial.models import AuditEntry
from editorial.scheduling import dialog_url
from pages import demo
from tests import editing, factories
from tests.html import texts

pytestmark = pytest.mark.django_db

MY_WORK = "/admin/editorial/review/my-work/"


def version_of(content) -> Version:
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk)


def dates(start=None, end=None) -> dict:
    """The dialog's split date and time fields, in the site's time zone as editors type them."""
    data = {}
    for name, moment in (("visibility_start", start), ("visibility_end", end)):
        if moment:
            local = timezone.localtime(moment)
            data[f"{name}_0"] = local.strftime("%Y-%m-%d")
            data[f"{name}_1"] = local.strftime("%H:%M:%S")
    return data


def schedule(client, content, **moments):
    return client.post(dialog_url(version_of(content), back=MY_WORK), dates(**moments))


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def new_page(site_tree, author):
    """A new page's draft by the author, with its text and description, never published."""
    page = create_page(
        "Open Day",
        "cms/content.html",
        "en-us",
        created_by=author,
        in_navigation=True,
        meta_description="Meet the team.",
    )
    content = PageContent.admin_manager.get(page=page)
    placeholder = content.get_placeholders().get(slot="content")
    demo.add_plugins(placeholder, ["<p>Come and meet us.</p>"], language="en-us")
    return content


@pytest.fixture
def approved(new_page, as_author, as_reviewer):
    assert editing.request_review(as_author, new_page).status_code == 302
    assert editing.decide(as_reviewer, new_page).status_code == 302
    return new_page


def test_publisher_schedules_an_approved_draft_which_appears_at_its_time(
    client, approved, as_publisher
):
    # Room for a loaded machine to answer the POST before the moment.
    go_live = timezone.now() + timedelta(seconds=6)

    response = schedule(as_publisher, approved, start=go_live.replace(microsecond=0))

    assert response.status_code == 302 and response.url == MY_WORK
    assert version_of(approved).state == "published"
    [message] = messages_of(response)
    assert message.startswith("Published “Open Day (en-us)”: it goes live ")
    assert message.endswith(" CST.")
    assert client.get("/open-day/").status_code == 404
    time.sleep(max(0, (go_live - timezone.now()).total_seconds()) + 0.1)
    assert texts(client.get("/open-day/"), "//main//p") == ["Come and meet us."]


def test_only_an_approved_draft_can_be_scheduled(client, new_page, as_publisher):
    start = timezone.now() + timedelta(hours=1)

    shown = as_publisher.get(dialog_url(version_of(new_page), back=MY_WORK))
    posted = schedule(as_publisher, new_page, start=start)

    assert "not been approved by a medical reviewer" in texts(shown, '//p[@role="alert"]')[0]
    assert not texts(shown, "//form[@method='post']//input[@type='submit']")
    assert posted.status_code == 200
    assert version_of(new_page).state == "draft"
    assert not TimedPublishingInterval.objects.exists()


def test_authors_and_reviewers_cannot_schedule(approved, as_author, as_reviewer):
    start = timezone.now() + timedelta(hours=1)

    for client in (as_author, as_reviewer):
        assert schedule(client, approved, start=start).status_code == 403
        menu = client.get(editing.edit_url(approved)).content.decode()
        assert "Schedule publication" not in menu
        assert "Schedule…" not in client.get(MY_WORK).content.decode()
    assert version_of(approved).state == "draft"
    assert not TimedPublishingInterval.objects.exists()


def test_the_dialog_needs_the_csrf_token(approved, publisher):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(publisher)
    start = timezone.now() + timedelta(hours=1)

    response = browser.post(dialog_url(version_of(approved)), dates(start=start))

    assert response.status_code == 403
    assert version_of(approved).state == "draft"


def test_publishers_get_the_dialog_in_the_toolbar_of_an_approved_draft(approved, as_publisher):
    toolbar = as_publisher.get(editing.edit_url(approved)).content.decode()

    assert "Schedule publication…" in toolbar
    assert dialog_url(version_of(approved)) in toolbar


def test_fair_balance_applies_to_a_scheduled_publish(
    site_tree, author, as_author, as_reviewer, as_publisher
):
    """A new page below the procedure page presents the therapy: no risk list, no schedule."""
    page = create_page(
        "Recovery Tips",
        "cms/content.html",
        "en-us",
        parent=site_tree.procedure,
        created_by=author,
        meta_description="Recovery tips.",
    )
    content = PageContent.admin_manager.get(page=page)
    demo.add_plugins(
        content.get_placeholders().get(slot="content"), ["<p>Rest.</p>"], language="en-us"
    )
    editing.request_review(as_author, content)
    assert editing.decide(as_reviewer, content).status_code == 302

    response = schedule(as_publisher, content, start=timezone.now() + timedelta(hours=1))

    assert (
        "cannot be published without its Important Safety Information" in response.content.decode()
    )
    assert version_of(content).state == "draft"
    assert not TimedPublishingInterval.objects.exists()


def test_a_live_page_cannot_be_replaced_later_only_now(
    client, site_tree, as_author, as_reviewer, as_publisher
):
    """Versioning keeps one published version: a pending replacement would 404 the page."""
    draft = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.section))
    editing.request_review(as_author, draft)
    editing.decide(as_reviewer, draft)

    response = schedule(as_publisher, draft, start=timezone.now() + timedelta(hours=1))

    assert "is live now" in response.content.decode()
    assert version_of(draft).state == "draft"
    assert client.get(site_tree.section.get_absolute_url()).status_code == 200


def test_the_shared_risk_list_cannot_expire(site_tree, editor, as_publisher):
    """Pages presenting the therapy place it as their safety information."""
    alias = factories.risk_list_alias(user=editor)
    procedure = PageContent.objects.get(page=site_tree.procedure)
    staff = Client()
    staff.force_login(editor)
    page_draft = editing.start_draft(staff, procedure)
    safety = page_draft.get_placeholders().get(slot="safety")
    demo.add_plugins(safety, [{"plugin": "Alias", "alias": alias}], language="en-us")
    editing.approve_and_publish(staff, page_draft)
    risk_draft = editing.start_draft(staff, AliasContent.objects.get(alias=alias))
    editing.decide(staff, risk_draft)

    response = schedule(as_publisher, risk_draft, end=timezone.now() + timedelta(days=30))

    assert "cannot expire" in response.content.decode()
    assert "“Balloon Kyphoplasty”" in response.content.decode()
    assert version_of(risk_draft).state == "draft"


def test_dates_of_a_live_version_cannot_be_changed(site_tree, as_publisher):
    """timed-publishing's own view wrote the dates before checking: a live page could be
    hidden by posting a go-live to its published version."""
    live = PageContent.objects.get(page=site_tree.section)

    response = schedule(as_publisher, live, start=timezone.now() + timedelta(days=1))

    assert "Only a draft can be published" in response.content.decode()
    assert not TimedPublishingInterval.objects.exists()


def test_my_work_and_toolbar_show_pending_and_expiring_versions(
    site_tree, approved, as_author, as_reviewer, as_publisher, editor
):
    go_live = timezone.now() + timedelta(days=2)
    assert schedule(as_publisher, approved, start=go_live).status_code == 302
    other = factories.published_page("Open Evening", user=editor)
    staff = Client()
    staff.force_login(editor)
    draft = editing.start_draft(staff, PageContent.objects.get(page=other))
    editing.decide(staff, draft)
    assert schedule(staff, draft, end=go_live + timedelta(days=1)).status_code == 302

    local = timezone.localtime(go_live)
    for client in (as_author, as_reviewer, as_publisher):
        rows = texts(client.get(MY_WORK), '//section[@id="scheduled"]//tbody/tr')
        assert len(rows) == 2
        assert "Open Day" in rows[0] and "Goes live" in rows[0]
        assert f"{local.year}" in rows[0] and local.strftime("%Z") == "CST" and "CST" in rows[0]
        assert "Open Evening" in rows[1] and "Expires" in rows[1]
    toolbar = as_publisher.get(get_object_preview_url(draft)).content.decode()
    assert f"Version #{version_of(draft).number} expires" in toolbar and "CST" in toolbar
    entry = AuditEntry.objects.filter(action="published").order_by("-pk").first()
    assert "expires" in entry.note


def test_the_home_page_cannot_expire(site_tree, editor, as_publisher):
    staff = Client()
    staff.force_login(editor)
    draft = editing.start_draft(staff, PageContent.objects.get(page=site_tree.home))
    editing.decide(staff, draft)

    response = schedule(as_publisher, draft, end=timezone.now() + timedelta(days=1))

    assert "The home page cannot expire" in response.content.decode()
    assert version_of(draft).state == "draft"


def test_in_the_toolbars_modal_the_dialog_closes_onto_the_content(approved, as_publisher):
    url = dialog_url(version_of(approved))  # no `back`: django CMS's modal opened it

    response = as_publisher.post(url, dates(start=timezone.now() + timedelta(days=1)))

    assert response.status_code == 200
    assert 'class="cms-view-new-object" target="_top"' in response.content.decode()
    assert version_of(approved).state == "published"
