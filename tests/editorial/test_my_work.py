"""
The "My work" page: each role sees what waits on it, with links to the draft, the
comparison and its next step; a publisher publishes from there.
"""

import pytest
from cms.models import PageContent
from django.contrib.messages import get_messages
from django.test import Client
from djangocms_versioning.models import Version

from tests import editing
from tests.html import texts, tree

pytestmark = pytest.mark.django_db

MY_WORK = "/admin/editorial/review/my-work/"


def rows(client, section: str) -> list[str]:
    response = client.get(MY_WORK)
    assert response.status_code == 200
    return texts(response, f'//section[@id="{section}"]//tbody/tr')


def sections(client) -> list[str]:
    return [s.get("id") for s in tree(client.get(MY_WORK)).xpath("//section")]


def version_of(content) -> Version:
    """Read afresh: get_for_content keeps the version it found on the content object."""
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk)


def publish_url(content) -> str:
    return editing.reverse("admin:editorial_review_publish", args=[version_of(content).pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def draft(site_tree, as_author):
    """Alice's draft of the procedure page, not yet submitted."""
    draft = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.procedure))
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(as_author, text, body="<p>New wording.</p>")
    # Publishing also asks for a search description (seo); the page's settings form sets it.
    draft.meta_description = "How balloon kyphoplasty treats a painful spinal fracture."
    draft.save()
    return draft


def test_each_role_sees_only_its_own_queues(as_author, as_reviewer, as_publisher, as_data_manager):
    assert sections(as_author) == ["authored"]
    assert sections(as_reviewer) == ["to_review"]
    assert sections(as_publisher) == ["to_publish"]
    assert sections(as_data_manager) == []


def test_author_submits_from_my_work_and_sees_a_rejection_with_its_reason(
    draft, as_author, as_reviewer
):
    [row] = rows(as_author, "authored")
    assert "Not yet submitted" in row and "Version #2 (Draft)" in row

    response = as_author.post(
        editing.reverse("admin:editorial_review_request", args=[version_of(draft).pk]),
        {"next": MY_WORK},
    )

    assert response.url == MY_WORK
    assert messages_of(response) == ["Sent for medical review."]
    assert "Awaiting medical review" in rows(as_author, "authored")[0]

    editing.decide(as_reviewer, draft, approve=False, comment="Cite the fracture rate.")

    [row] = rows(as_author, "authored")
    assert "Rejected by rita-reviewer" in row and "Cite the fracture rate." in row
    assert "Submit for medical review" in row


def test_reviewer_queue_is_oldest_first_and_leaves_out_drafts_they_edited(
    site_tree, draft, as_author, reviewer, as_reviewer
):
    editing.request_review(as_author, draft)
    second = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.child))
    editing.request_review(as_author, second)
    own = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.section))
    editing.request_review(as_author, own)
    from editorial.models import DraftEdit

    DraftEdit.objects.create(version=version_of(own), user=reviewer, kind="content")

    listed = rows(as_reviewer, "to_review")

    assert [r.split(" Page content")[0] for r in listed] == [
        "Balloon Kyphoplasty (en-us)",
        "After the Procedure (en-us)",
    ]
    assert all("Approve or reject" in r and "Compare with live" in r for r in listed)


def test_publisher_publishes_an_approved_draft_from_my_work(
    client, site_tree, draft, as_author, as_reviewer, as_publisher
):
    editing.request_review(as_author, draft)
    editing.decide(as_reviewer, draft, approve=True)
    assert "Approved by rita-reviewer" in rows(as_publisher, "to_publish")[0]

    response = as_publisher.post(publish_url(draft))

    assert response.url == MY_WORK
    assert messages_of(response) == [
        "Published “Balloon Kyphoplasty (en-us)”: visitors see it now."
    ]
    assert version_of(draft).state == "published"
    assert "New wording." in client.get(site_tree.procedure.get_absolute_url()).content.decode()
    assert rows(as_publisher, "to_publish") == []


def test_publishing_from_my_work_keeps_the_review_rule(draft, as_publisher):
    response = as_publisher.post(publish_url(draft))

    assert version_of(draft).state == "draft"
    assert messages_of(response) == [
        "This draft has not been approved by a medical reviewer since its last change."
    ]


def test_only_publishers_publish_and_only_by_post_with_csrf(draft, author, as_author, publisher):
    assert as_author.post(publish_url(draft)).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(publisher)
    assert strict.post(publish_url(draft)).status_code == 403
    assert strict.get(publish_url(draft)).status_code == 405
    assert version_of(draft).state == "draft"


def test_compare_from_my_work_comes_back_to_my_work(draft, as_author, as_reviewer):
    editing.request_review(as_author, draft)
    page = tree(as_reviewer.get(MY_WORK))
    [compare] = page.xpath('//a[text()="Compare with live"]/@href')

    back = tree(as_reviewer.get(compare)).xpath('//a[text()="Back"]/@href')

    assert back == [MY_WORK]
    assert as_reviewer.get(back[0]).status_code == 200


def test_every_admin_page_links_to_my_work(as_reviewer):
    links = tree(as_reviewer.get("/admin/")).xpath(
        '//*[@id="user-tools"]//a[text()="My work"]/@href'
    )

    assert links == [MY_WORK]
