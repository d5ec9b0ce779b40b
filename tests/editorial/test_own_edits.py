"""
A medical reviewer never approves words they put into a draft themselves.

Rosa is both a content author and a medical reviewer. Alice starts each draft, so
versioning names Alice as its author; Rosa's own edits are what must stop her approval.
"""

import pytest
from cms.models import PageContent
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from djangocms_alias.models import AliasContent
from djangocms_versioning.models import Version

from editorial import conf
from editorial.models import DraftEdit, Review
from tests import editing, factories
from tests.html import texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_rosa(db):
    rosa = factories.staff_in_role(conf.ROLE_AUTHOR, "rosa-both")
    rosa.groups.add(Group.objects.get(name=conf.ROLE_REVIEWER))
    client = Client()
    client.force_login(rosa)
    return client


@pytest.fixture
def draft(site_tree, as_author):
    """Alice's draft of the procedure page, sent for review."""
    content = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.procedure))
    editing.request_review(as_author, content)
    return content


def approvals() -> int:
    return Review.objects.filter(state=Review.State.APPROVED).count()


def refusal(response) -> str:
    assert response.status_code == 400, response.status_code
    return " ".join(texts(response, "//p[@role='alert']"))


def test_reviewer_who_changed_a_plugin_cannot_approve(draft, as_rosa, as_reviewer):
    text = editing.plugins_of(draft, "content")[0]
    assert editing.edit_plugin(as_rosa, text, body="<p>Rosa's wording.</p>").status_code == 200

    response = editing.decide(as_rosa, draft, approve=True)

    assert "You cannot approve this draft: you changed its content on" in refusal(response)
    assert "Ask another medical reviewer" in refusal(response)
    assert approvals() == 0
    assert editing.decide(as_reviewer, draft, approve=True).status_code == 302
    assert approvals() == 1


def test_reviewer_who_changed_the_title_cannot_approve(site_tree, draft, as_rosa):
    url = reverse("admin:cms_page_edit_title_fields", args=[site_tree.procedure.pk, "en-us"])
    assert as_rosa.post(url + "?edit_fields=title", {"title": "Rosa's title"}).status_code == 200

    response = editing.decide(as_rosa, draft, approve=True)

    assert "you changed its title or settings on" in refusal(response)
    assert approvals() == 0


def test_reviewer_who_added_or_removed_a_plugin_cannot_approve(draft, as_rosa):
    editing.add_plugin(as_rosa, draft, "content", "TextPlugin", body="<p>An extra claim.</p>")
    editing.delete_plugin(as_rosa, editing.plugins_of(draft, "content")[-1])

    response = editing.decide(as_rosa, draft, approve=True)

    assert "you changed its content" in refusal(response)


def test_reviewer_who_changed_a_risk_list_cannot_approve_it(editor, as_author, as_rosa):
    alias = factories.risk_list_alias(user=editor)
    alias_draft = editing.start_draft(as_author, AliasContent.objects.get(alias=alias))
    risk = next(p for p in editing.plugins_of(alias_draft) if p.plugin_type == "RiskItemPlugin")
    editing.edit_plugin(as_rosa, risk, term="stroke", gloss="")

    response = editing.decide(as_rosa, alias_draft, approve=True)

    assert "you changed its content" in refusal(response)


def test_edits_already_approved_by_another_reviewer_do_not_count(
    draft, as_author, as_rosa, as_reviewer
):
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(as_rosa, text, body="<p>Rosa's wording.</p>")
    editing.decide(as_reviewer, draft, approve=True)
    editing.edit_plugin(as_author, text, body="<p>Rosa's wording, and Alice's.</p>")

    response = editing.decide(as_rosa, draft, approve=True)

    assert response.status_code == 302  # Rita approved Rosa's words; Rosa reviews Alice's
    assert approvals() == 2


def test_the_reviewer_who_edited_may_still_send_the_draft_back(draft, as_rosa):
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(as_rosa, text, body="<p>Rosa's wording.</p>")

    response = editing.decide(as_rosa, draft, approve=False, comment="Needs a citation")

    assert response.status_code == 302
    assert Review.objects.filter(state=Review.State.REJECTED).count() == 1


def test_the_approval_page_names_who_edited_the_draft(draft, as_author, as_rosa, as_reviewer):
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(as_author, text, body="<p>Alice's wording.</p>")
    editing.edit_plugin(as_rosa, text, body="<p>Rosa's wording.</p>")
    version = Version.objects.get_for_content(draft)

    response = as_reviewer.get(reverse("admin:editorial_review_decide", args=[version.pk]))

    assert "Edited since the last approval by: alice-author, rosa-both" in texts(response, "//p")
    assert set(DraftEdit.objects.values_list("kind", flat=True)) == {"content"}
