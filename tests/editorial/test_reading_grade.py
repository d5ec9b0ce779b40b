"""
The reading grade of a draft: shown to reviewers, acknowledged when above the limit
(never a refusal), and recorded in the audit history at approval.
"""

import pytest
from cms.models import PageContent
from djangocms_versioning.models import Version

from editorial.models import AuditEntry, Review
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db

HARD = (
    "<p>Percutaneous vertebral augmentation constitutes a minimally invasive intervention "
    "facilitating restoration of vertebral body height, consequently ameliorating "
    "debilitating osteoporotic compression fracture symptomatology. Postoperative "
    "immobilization considerations necessitate individualized evaluation, particularly "
    "regarding concomitant pharmacological anticoagulation management.</p>"
)
PLAIN = (
    "<p>A small balloon lifts the broken bone in your back. Then the doctor fills the space "
    "with bone cement. Most people go home the same day. Many feel less pain soon after. "
    "Ask your doctor if this is right for you and what the risks are.</p>"
)


def draft_saying(site_tree, client, body):
    draft = editing.start_draft(client, PageContent.objects.get(page=site_tree.procedure))
    editing.edit_plugin(client, editing.plugins_of(draft, "content")[0], body=body)
    editing.request_review(client, draft)
    return draft


def decide_url(content) -> str:
    version = Version.objects.get_for_content(content)
    return editing.reverse("admin:editorial_review_decide", args=[version.pk])


def approved(content) -> bool:
    return Review.objects.filter(
        version=Version.objects.get_for_content(content), state=Review.State.APPROVED
    ).exists()


def test_a_hard_draft_is_approved_only_with_the_warning_acknowledged(
    site_tree, as_author, as_reviewer
):
    draft = draft_saying(site_tree, as_author, HARD)
    page = as_reviewer.get(decide_url(draft)).content.decode()
    assert "above the portal's limit of grade 9" in page

    refused = as_reviewer.post(decide_url(draft), {"approve": "Approve"})

    assert refused.status_code == 400
    assert "Simplify it, or approve it by acknowledging" in refused.content.decode()
    assert not approved(draft)

    accepted = as_reviewer.post(decide_url(draft), {"approve": "grade-acknowledged"})

    assert accepted.status_code == 302
    assert approved(draft)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.APPROVED)
    assert entry.reading_grade > 9


def test_a_plain_draft_is_approved_as_usual_and_its_grade_recorded(
    site_tree, as_author, as_reviewer
):
    draft = draft_saying(site_tree, as_author, PLAIN)
    assert "Acknowledge grade" not in as_reviewer.get(decide_url(draft)).content.decode()

    assert editing.decide(as_reviewer, draft, approve=True).status_code == 302

    assert AuditEntry.objects.get(action=AuditEntry.Action.APPROVED).reading_grade < 9


def test_the_limit_comes_from_the_setting(site_tree, as_author, as_reviewer, settings):
    settings.PORTAL_MAX_READING_GRADE = 40
    draft = draft_saying(site_tree, as_author, HARD)

    assert editing.decide(as_reviewer, draft, approve=True).status_code == 302
    assert approved(draft)


def test_my_work_and_the_compare_view_show_the_grade(site_tree, as_author, as_reviewer):
    draft = draft_saying(site_tree, as_author, HARD)

    [row] = texts(
        as_reviewer.get("/admin/editorial/review/my-work/"), '//*[@id="to_review"]//tr[td]'
    )
    assert "(above 9)" in row

    from editorial.admin import compare_url

    compare = as_reviewer.get(compare_url(Version.objects.get_for_content(draft)))
    [grades] = texts(compare, '//*[contains(@class, "portal-reading-grades")]')
    assert grades.startswith("Reading grade: #1 not measured · #2 ")
    assert grades.endswith("(above 9)")
