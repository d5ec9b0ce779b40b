"""
The whole editorial walk through the admin's HTTP side: an author drafts, a
medical reviewer approves (or rejects), a publisher publishes, and visitors
see exactly what was approved.
"""

import pytest
from cms.models import PageContent
from django.contrib.messages import get_messages
from djangocms_versioning.models import Version

from editorial.models import AuditEntry, Review
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db


def public_text(client, page) -> list[str]:
    return texts(client.get(page.get_absolute_url()), "//main/p")


def state_of(content) -> str:
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk).state


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def drafted(site_tree, as_author):
    """Alice has rewritten the procedure page's text and asked for a review."""
    live = PageContent.objects.get(page=site_tree.procedure)
    draft = editing.start_draft(as_author, live)
    text = editing.plugins_of(draft, "content")[0]
    response = editing.edit_plugin(as_author, text, body="<p>Reviewed wording.</p>")
    assert response.status_code == 200
    assert editing.request_review(as_author, draft).status_code == 302
    return draft


def test_author_drafts_reviewer_approves_publisher_publishes(
    client, site_tree, drafted, as_reviewer, as_publisher, reviewer, publisher
):
    page = site_tree.procedure
    assert "Procedure text" in public_text(client, page)

    compare = as_reviewer.get(
        editing.reverse(
            "admin:editorial_review_decide", args=[Version.objects.get_for_content(drafted).pk]
        )
    )
    assert compare.status_code == 200
    assert editing.decide(as_reviewer, drafted, approve=True).status_code == 302
    assert public_text(client, page) == ["Procedure text"]  # approved is not yet live

    response = editing.publish(as_publisher, drafted)

    assert state_of(drafted) == "published", messages_of(response)
    assert public_text(client, page) == ["Reviewed wording."]
    review = Review.objects.get(version__object_id=drafted.pk, state=Review.State.APPROVED)
    assert review.decided_by == reviewer
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "user__username"))
    assert actions[-3:] == [
        ("requested", "alice-author"),
        ("approved", "rita-reviewer"),
        ("published", "paul-publisher"),
    ]


def test_rejected_draft_never_goes_live(client, site_tree, drafted, as_reviewer, as_publisher):
    response = editing.decide(as_reviewer, drafted, approve=False, comment="Claims need a citation")
    assert response.status_code == 302

    response = editing.publish(as_publisher, drafted)

    assert state_of(drafted) == "draft"
    assert any("not been approved" in m for m in messages_of(response))
    assert public_text(client, site_tree.procedure) == ["Procedure text"]
    entry = AuditEntry.objects.get(action="rejected")
    assert entry.note == "Claims need a citation"


def test_rejection_needs_a_reason(drafted, as_reviewer):
    response = editing.decide(as_reviewer, drafted, approve=False, comment="  ")

    assert response.status_code == 400
    assert "Say why the draft is rejected" in response.content.decode()
    assert not Review.objects.filter(state=Review.State.REJECTED).exists()


def test_edits_after_approval_need_a_new_review(
    client, site_tree, drafted, as_author, as_reviewer, as_publisher
):
    editing.decide(as_reviewer, drafted, approve=True)
    text = editing.plugins_of(drafted, "content")[0]
    editing.edit_plugin(as_author, text, body="<p>Sneaked in after approval.</p>")

    response = editing.publish(as_publisher, drafted)

    assert state_of(drafted) == "draft"
    assert any("since its last change" in m for m in messages_of(response))
    assert public_text(client, site_tree.procedure) == ["Procedure text"]


def test_reviewer_compares_the_draft_with_the_live_version(drafted, as_reviewer):
    from editorial.admin import compare_url

    response = as_reviewer.get(compare_url(Version.objects.get_for_content(drafted)))

    assert response.status_code == 200


def test_review_queue_lists_drafts_awaiting_review(drafted, as_reviewer):
    response = as_reviewer.get(editing.reverse("admin:editorial_review_changelist"))

    assert response.status_code == 200
    assert "Awaiting review" in response.content.decode()
    assert "Compare with live" in response.content.decode()
