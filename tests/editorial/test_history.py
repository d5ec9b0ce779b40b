"""Every editorial action is in the audit history, and earlier versions can be restored."""

import pytest
from cms.models import PageContent
from django.urls import reverse
from djangocms_versioning.models import Version

from editorial.models import AuditEntry
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db


def test_history_is_visible_in_the_admin_and_read_only(admin_client, site_tree):
    content = PageContent.objects.get(page=site_tree.child)
    draft = editing.start_draft(admin_client, content)
    editing.approve_and_publish(admin_client, draft)

    response = admin_client.get(reverse("admin:editorial_auditentry_changelist"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Approved" in body and "Published" in body and "After the Procedure" in body
    entry = AuditEntry.objects.filter(action="published").first()
    change = admin_client.post(
        reverse("admin:editorial_auditentry_change", args=[entry.pk]), {"note": "tampered"}
    )
    assert change.status_code in (403, 200)
    entry.refresh_from_db()
    assert entry.note != "tampered"
    assert (
        admin_client.post(
            reverse("admin:editorial_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_unpublish_is_recorded_with_who_did_it(admin_client, admin_user, site_tree):
    content = PageContent.objects.get(page=site_tree.child)

    admin_client.post(editing.version_action_url(content, "unpublish"))

    entry = AuditEntry.objects.get(action="unpublished")
    assert entry.user == admin_user
    assert "After the Procedure" in entry.content_label


def test_revert_to_an_earlier_version_through_review(client, admin_client, site_tree):
    page = site_tree.child
    first = PageContent.objects.get(page=page)
    draft = editing.start_draft(admin_client, first)
    editing.edit_plugin(
        admin_client, editing.plugins_of(draft, "content")[0], body="<p>A wording we regret.</p>"
    )
    editing.approve_and_publish(admin_client, draft)
    assert texts(client.get(page.get_absolute_url()), "//main/p") == ["A wording we regret."]

    response = admin_client.post(editing.version_action_url(first, "revert"))
    assert response.status_code == 302
    restored = Version.objects.filter(state="draft").get().content
    editing.approve_and_publish(admin_client, restored)

    assert texts(client.get(page.get_absolute_url()), "//main/p") == ["Recovery text"]
    assert AuditEntry.objects.filter(action="reverted").exists()
