"""Each role can do its job and nothing more, checked from the HTTP side."""

import pytest
from cms.models import PageContent
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial import conf
from editorial.models import Review
from tests import editing

pytestmark = pytest.mark.django_db


def live_content(page):
    return PageContent.objects.get(page=page)


def state_of(content) -> str:
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk).state


@pytest.fixture
def approved_draft(site_tree, as_author, as_reviewer):
    draft = editing.start_draft(as_author, live_content(site_tree.child))
    editing.request_review(as_author, draft)
    editing.decide(as_reviewer, draft, approve=True)
    return draft


def test_the_four_roles_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(conf.ROLES)


def test_author_can_draft_but_publishing_is_refused(client, site_tree, approved_draft, as_author):
    response = editing.publish(as_author, approved_draft)

    assert state_of(approved_draft) == "draft"
    assert response.status_code == 302
    assert "Recovery text" in client.get(site_tree.child.get_absolute_url()).content.decode()


def test_author_cannot_approve(site_tree, as_author, author):
    draft = editing.start_draft(as_author, live_content(site_tree.child))

    response = editing.decide(as_author, draft, approve=True)

    assert response.status_code == 302
    assert not Review.objects.filter(state=Review.State.APPROVED).exists()


def test_reviewer_cannot_create_drafts(site_tree, as_reviewer):
    response = as_reviewer.post(
        editing.version_action_url(live_content(site_tree.child), "edit_redirect")
    )

    assert response.status_code in (302, 403)
    assert not Version.objects.filter(state="draft").exists()


def test_nobody_reviews_their_own_draft(site_tree, reviewer):
    from editorial import reviews

    content = live_content(site_tree.child)
    version = Version.objects.get_for_content(content).copy(reviewer)

    with pytest.raises(reviews.ReviewError, match="a draft you wrote"):
        reviews.decide(version=version, user=reviewer, approve=True)


def test_reviewer_cannot_publish(site_tree, approved_draft, as_reviewer):
    editing.publish(as_reviewer, approved_draft)

    assert state_of(approved_draft) == "draft"


def test_publisher_cannot_approve(site_tree, as_author, as_publisher):
    draft = editing.start_draft(as_author, live_content(site_tree.child))

    editing.decide(as_publisher, draft, approve=True)

    assert not Review.objects.filter(state=Review.State.APPROVED).exists()


def test_publisher_publishes_and_unpublishes_approved_content(
    client, site_tree, approved_draft, as_publisher
):
    editing.publish(as_publisher, approved_draft)
    assert state_of(approved_draft) == "published"

    as_publisher.post(editing.version_action_url(approved_draft, "unpublish"))

    assert state_of(approved_draft) == "unpublished"
    assert client.get(site_tree.child.get_absolute_url()).status_code == 404


def test_author_cannot_unpublish(site_tree, as_author):
    content = live_content(site_tree.child)

    as_author.post(editing.version_action_url(content, "unpublish"))

    assert state_of(content) == "published"


def test_physician_data_manager_cannot_edit_pages(site_tree, as_data_manager):
    content = live_content(site_tree.child)

    response = as_data_manager.post(editing.version_action_url(content, "edit_redirect"))

    assert response.status_code in (302, 403)
    assert not Version.objects.filter(state="draft").exists()
    assert as_data_manager.get(reverse("admin:cms_pagecontent_changelist")).status_code == 403


def test_make_editor_creates_a_user_in_a_role(capsys):
    call_command("create_editor", "rosa", "--role", conf.ROLE_REVIEWER)

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="rosa")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [conf.ROLE_REVIEWER]
    assert "One-time password:" in capsys.readouterr().out


def test_versionings_publish_transition_applies_the_portal_rules(site_tree, as_author, publisher):
    """Code that asks the FSM (``has_transition_perm``), not the admin, gets the same answer:
    even a publisher may not publish a draft no medical reviewer has approved."""
    from django_fsm import has_transition_perm

    draft = editing.start_draft(as_author, live_content(site_tree.child))
    version = Version.objects.get_for_content(draft)

    assert not has_transition_perm(version._set_publish, publisher)


def test_authors_manage_search_synonyms_and_other_roles_only_see_them(
    as_author, as_reviewer, as_publisher
):
    add = reverse("admin:search_synonym_add")

    response = as_author.post(add, {"terms": "slipped disc, herniated disc"})

    assert response.status_code == 302
    from search.models import Synonym

    assert Synonym.objects.filter(terms__icontains="slipped disc").exists()
    for other in (as_reviewer, as_publisher):
        assert other.post(add, {"terms": "stroke, cerebrovascular accident"}).status_code == 403
