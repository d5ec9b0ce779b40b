"""
Who is told what at each step of the workflow, read from Django's locmem outbox.

Mail leaves once the decision is saved (on commit), so each step runs inside
django_capture_on_commit_callbacks(execute=True), as a real request's commit would.
"""

import pytest
from cms.models import PageContent
from django.test import override_settings
from djangocms_versioning.models import Version

from editorial import conf
from tests import editing, factories

pytestmark = pytest.mark.django_db

SITE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site_url():
    with override_settings(PORTAL_SITE_URL=SITE):
        yield


@pytest.fixture
def team(reviewer, publisher):
    """A second reviewer and a second publisher, and a reviewer with no email address."""
    factories.staff_in_role(conf.ROLE_REVIEWER, "rob-reviewer")
    factories.staff_in_role(conf.ROLE_PUBLISHER, "pia-publisher")
    silent = factories.staff_in_role(conf.ROLE_REVIEWER, "no-mail-reviewer")
    silent.email = ""
    silent.save()


@pytest.fixture
def draft(site_tree, as_author):
    return editing.start_draft(as_author, PageContent.objects.get(page=site_tree.procedure))


def sent(outbox) -> dict[str, str]:
    """Recipient -> subject, for the mail of one step."""
    assert all(len(mail.to) == 1 for mail in outbox), "one email per person"
    return {mail.to[0]: mail.subject for mail in outbox}


def step(capture, outbox, action):
    outbox.clear()
    with capture(execute=True):
        response = action()
    assert response.status_code == 302
    return sent(outbox)


def test_submission_tells_the_reviewers_with_links_to_the_draft(
    team, draft, as_author, mailoutbox, django_capture_on_commit_callbacks
):
    told = step(
        django_capture_on_commit_callbacks,
        mailoutbox,
        lambda: editing.request_review(as_author, draft),
    )

    subject = "Medical review requested: Balloon Kyphoplasty (en-us)"
    assert told == {
        "rita-reviewer@example.org": subject,
        "rob-reviewer@example.org": subject,
    }
    body = mailoutbox[0].body
    version = Version.objects.get_for_content(draft)
    assert "alice-author asks for a medical review" in body
    assert "Version #2 (Draft)" in body
    assert f"{SITE}/admin/cms/placeholder/object/" in body  # the draft itself
    assert f"{SITE}/admin/editorial/review/version/{version.pk}/decide/" in body


def test_approval_tells_the_author_and_the_publishers(
    team, draft, as_author, as_reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    editing.request_review(as_author, draft)

    told = step(
        django_capture_on_commit_callbacks,
        mailoutbox,
        lambda: editing.decide(as_reviewer, draft, approve=True, comment="Accurate."),
    )

    assert told == {
        "alice-author@example.org": "Approved: Balloon Kyphoplasty (en-us)",
        "paul-publisher@example.org": "Ready to publish: Balloon Kyphoplasty (en-us)",
        "pia-publisher@example.org": "Ready to publish: Balloon Kyphoplasty (en-us)",
    }
    to_author = next(m for m in mailoutbox if m.to == ["alice-author@example.org"])
    assert "rita-reviewer approved" in to_author.body and "Comment: Accurate." in to_author.body
    to_publisher = next(m for m in mailoutbox if m.to == ["paul-publisher@example.org"])
    assert f"{SITE}/admin/editorial/review/my-work/" in to_publisher.body


def test_rejection_tells_only_the_author_with_the_reason(
    team, draft, as_author, as_reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    editing.request_review(as_author, draft)

    told = step(
        django_capture_on_commit_callbacks,
        mailoutbox,
        lambda: editing.decide(as_reviewer, draft, approve=False, comment="Cite the trial."),
    )

    assert told == {"alice-author@example.org": "Rejected: Balloon Kyphoplasty (en-us)"}
    assert "Reason: Cite the trial." in mailoutbox[0].body
    assert f"{SITE}/admin/cms/placeholder/object/" in mailoutbox[0].body


def test_a_refused_action_sends_nothing(
    team, draft, as_author, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editing.decide(as_author, draft, approve=True)  # authors may not approve

    assert mailoutbox == []
