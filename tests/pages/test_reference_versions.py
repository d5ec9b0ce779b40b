"""
References are versioned content: a correction is a draft that a medical reviewer approves
and a publisher publishes, and patients see it only then, on every page that cites it.
"""

import pytest
from cms.toolbar.utils import get_object_preview_url
from django.urls import reverse
from djangocms_versioning.constants import DRAFT, PUBLISHED, UNPUBLISHED
from djangocms_versioning.models import Version

from delivery import invalidation
from editorial import conf, links
from pages.models import Reference, ReferenceContent
from tests import factories
from tests.editing import admin_form_data, decide, request_review, start_draft
from tests.html import texts

pytestmark = pytest.mark.django_db

CORRECTED = "The FREE trial, corrected title"


@pytest.fixture
def author(db):
    return factories.staff_in_role(conf.ROLE_AUTHOR, "alice-author")


@pytest.fixture
def reviewer(db):
    return factories.staff_in_role(conf.ROLE_REVIEWER, "rita-reviewer")


@pytest.fixture
def publisher(db):
    return factories.staff_in_role(conf.ROLE_PUBLISHER, "paul-publisher")


def published_17() -> ReferenceContent:
    return ReferenceContent.objects.get(reference__number=17)


def correct_title(client, title=CORRECTED) -> ReferenceContent:
    """As an author does it: Edit (a new draft), then change the title in the form and save."""
    draft = start_draft(client, published_17())
    url = reverse("admin:pages_reference_change", args=[draft.reference_id])
    data = admin_form_data(client.get(url).context["adminform"].form)
    data["content__title"] = title
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:800]
    return ReferenceContent.admin_manager.get(pk=draft.pk)


def entry_17(client, page) -> str:
    return texts(client.get(page.get_absolute_url()), '//li[@id="ref-17"]')[0]


def publish(client, content):
    version = Version.objects.get_for_content(content)
    return client.post(reverse("admin:editorial_review_publish", args=[version.pk]), follow=True)


def test_a_correction_stays_invisible_to_patients_until_published(
    client, author, reviewer, publisher, procedure_with_risks
):
    page = procedure_with_risks[0]
    original = published_17().title
    client.force_login(author)
    draft = correct_title(client)

    # The author sees the draft on its own page; patients still read the published entry.
    preview = client.get(get_object_preview_url(draft))
    assert CORRECTED in texts(preview, '//li[@id="ref-17"]')[0]
    client.logout()
    assert original in entry_17(client, page) and CORRECTED not in entry_17(client, page)

    client.force_login(author)
    assert request_review(client, draft).status_code == 302
    client.force_login(reviewer)
    assert decide(client, draft, approve=True).status_code == 302
    client.logout()
    assert CORRECTED not in entry_17(client, page)  # approved is not yet published

    client.force_login(publisher)
    published = publish(client, draft)
    assert "visitors see it now" in " ".join(texts(published, '//ul[@class="messagelist"]/li'))
    client.logout()

    assert CORRECTED in entry_17(client, procedure_with_risks[0])
    assert CORRECTED in entry_17(client, procedure_with_risks[1])
    states = Version.objects.filter_by_content_grouping_values(draft).values_list(
        "state", flat=True
    )
    assert sorted(states) == [PUBLISHED, UNPUBLISHED]  # version 1 was replaced


def test_editors_see_the_draft_on_the_citing_page_in_edit_mode(
    client, author, procedure_with_risks
):
    client.force_login(author)
    correct_title(client)
    page_content = procedure_with_risks[0].pagecontent_set(manager="admin_manager").get()
    page_draft = start_draft(client, page_content)

    editing = client.get(get_object_preview_url(page_draft))

    assert CORRECTED in texts(editing, '//li[@id="ref-17"]')[0]


def test_publishing_a_correction_takes_review_and_the_publisher_role(
    client, author, reviewer, publisher, references
):
    client.force_login(author)
    draft = correct_title(client)

    # The author may not publish, approved or not.
    assert publish_status(client, draft) == 403
    # The publisher may not publish an unapproved draft.
    client.force_login(publisher)
    refused = publish(client, draft)
    assert texts(refused, '//ul[@class="messagelist"]/li[@class="error"]') == [
        "This draft has not been approved by a medical reviewer since its last change."
    ]
    # The reviewer may approve but not edit or publish.
    client.force_login(reviewer)
    change = client.get(reverse("admin:pages_reference_change", args=[draft.reference_id]))
    assert "content__title" not in change.context["adminform"].form.fields
    assert publish_status(client, draft) == 403
    assert Version.objects.get_for_content(draft).state == DRAFT


def queue_text(response, key: str) -> str:
    return " ".join(texts(response, f'//section[@id="{key}"]//td'))


def publish_status(client, content) -> int:
    version = Version.objects.get_for_content(content)
    return client.post(reverse("admin:editorial_review_publish", args=[version.pk])).status_code


def test_a_published_reference_cannot_be_changed_in_place_or_deleted(client, author, references):
    client.force_login(author)
    reference = Reference.objects.get(number=17)
    url = reverse("admin:pages_reference_change", args=[reference.pk])

    form = client.get(url).context["adminform"].form

    assert "content__title" not in form.fields  # read-only until Edit makes a draft
    assert "number" not in form.fields  # citations store the number: it never changes
    delete = client.post(reverse("admin:pages_reference_delete", args=[reference.pk]))
    assert delete.status_code == 403
    bulk = client.post(
        reverse("admin:pages_reference_changelist"),
        {"action": "delete_selected", "_selected_action": [reference.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302) and Reference.objects.filter(pk=reference.pk).exists()
    assert published_17().title == ReferenceContent.admin_manager.get(reference=reference).title


def test_a_draft_reference_is_in_each_roles_my_work_and_comparable(
    client, author, reviewer, publisher, references
):
    client.force_login(author)
    draft = correct_title(client)
    version = Version.objects.get_for_content(draft)
    label = str(draft)

    assert label in queue_text(client.get(links.my_work_url()), "authored")
    request_review(client, draft)

    client.force_login(reviewer)
    queue = client.get(links.my_work_url())
    assert label in queue_text(queue, "to_review")
    compare = client.get(links.compare_url(version))
    assert compare.status_code == 200
    assert client.get(links.draft_url(version, reviewer)).status_code == 200
    decide(client, draft, approve=True)

    client.force_login(publisher)
    assert label in queue_text(client.get(links.my_work_url()), "to_publish")


def test_publishing_a_correction_refreshes_cached_citing_pages(
    client, author, reviewer, publisher, procedure_with_risks, settings
):
    page = procedure_with_risks[0]
    generation = invalidation.read_versions()
    client.force_login(author)
    draft = correct_title(client)
    request_review(client, draft)
    assert invalidation.read_versions() == generation  # a draft changes nothing patients see

    client.force_login(reviewer)
    decide(client, draft, approve=True)
    client.force_login(publisher)
    publish(client, draft)

    assert invalidation.read_versions() != generation
    client.logout()
    assert CORRECTED in entry_17(client, page)
