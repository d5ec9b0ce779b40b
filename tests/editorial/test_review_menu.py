"""The toolbar's Review menu appears on drafts and never breaks the toolbar elsewhere."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_toolbar_asked_for_by_page_path_renders(site_tree, as_author):
    """django CMS's toolbar refresh can name a page by path; the toolbar then holds the
    Page, which has no versions (this answered 500)."""
    url = reverse("admin:cms_usersettings_get_toolbar")

    response = as_author.get(url, {"cms_path": site_tree.child.get_absolute_url()})

    assert response.status_code == 200


@pytest.fixture
def draft(site_tree, as_author):
    from cms.models import PageContent

    from tests import editing

    return editing.start_draft(as_author, PageContent.objects.get(page=site_tree.child))


def toolbar_of(client, content) -> str:
    from tests import editing

    response = client.get(editing.edit_url(content))
    assert response.status_code == 200
    return response.content.decode()


def test_only_publishers_are_offered_publish(draft, as_author, as_publisher):
    """Versioning draws Publish on every draft in edit mode; authors would only be refused."""
    assert "cms-versioning-js-publish-btn" not in toolbar_of(as_author, draft)
    assert "cms-versioning-js-publish-btn" in toolbar_of(as_publisher, draft)


def test_review_menu_offers_each_role_its_own_step(draft, as_author, as_publisher):
    for_author = toolbar_of(as_author, draft)
    assert "Submit for medical review" in for_author
    assert "Approve or reject" not in for_author
    assert reverse("admin:editorial_review_my_work") in for_author

    for_publisher = toolbar_of(as_publisher, draft)
    assert "Approve or reject" not in for_publisher


def test_a_submitted_draft_is_not_offered_for_submission_again(draft, as_author):
    from tests import editing

    editing.request_review(as_author, draft)

    toolbar = toolbar_of(as_author, draft)
    assert "Status: Awaiting review" in toolbar
    assert "Submit for medical review" not in toolbar


def test_the_review_menu_gets_an_address_to_go_to_and_keeps_the_confirmation(draft, as_author):
    """The toolbar posts by AJAX and goes to the answer's "url" (FOLLOW_REDIRECT): the
    confirmation must still be waiting for the page the browser then opens."""
    from djangocms_versioning.models import Version

    version = Version.objects.get_for_content(draft)
    url = reverse("admin:editorial_review_request", args=[version.pk])

    response = as_author.post(url, {"next": "/patients/", "reply": "json"})

    assert response.json() == {"url": "/patients/"}
    page = as_author.get(reverse("admin:editorial_review_my_work"))
    assert "Sent for medical review." in page.content.decode()


def test_back_from_the_menus_comparison_returns_to_the_draft(draft, as_author, as_reviewer):
    """Versioning's own Back goes to the version list, a 403 for reviewers."""
    from tests import editing
    from tests.html import tree

    editing.request_review(as_author, draft)
    from cms.toolbar.utils import get_object_preview_url

    draft_page = get_object_preview_url(draft)  # what a reviewer opens from My work
    toolbar = tree(as_reviewer.get(draft_page))
    [compare] = toolbar.xpath('//a[normalize-space()="Compare with live"]/@href')

    [back] = tree(as_reviewer.get(compare)).xpath('//a[text()="Back"]/@href')

    assert back == draft_page
    assert as_reviewer.get(back).status_code == 200


def test_a_reviewer_who_wrote_the_draft_is_not_offered_to_approve_it(site_tree):
    """Someone in both roles: reviews.decide would refuse their own draft."""
    from cms.models import PageContent
    from django.contrib.auth.models import Group
    from django.test import Client

    from editorial import conf
    from tests import editing, factories

    both = factories.staff_in_role(conf.ROLE_AUTHOR, "ada-both")
    both.groups.add(Group.objects.get(name=conf.ROLE_REVIEWER))
    client = Client()
    client.force_login(both)
    draft = editing.start_draft(client, PageContent.objects.get(page=site_tree.child))

    assert "Approve or reject" not in toolbar_of(client, draft)


def test_toolbar_and_review_pages_give_the_draft_the_same_number(draft, as_author, as_reviewer):
    from djangocms_versioning.models import Version

    from tests import editing

    editing.request_review(as_author, draft)
    version = Version.objects.get_for_content(draft)
    decide = as_reviewer.get(reverse("admin:editorial_review_decide", args=[version.pk]))
    queue = as_reviewer.get(reverse("admin:editorial_review_changelist"))

    assert version.pk != version.number  # the address's id is not the number people see
    label = f"Version #{version.number} (Draft)"
    assert label in toolbar_of(as_author, draft)
    assert label in decide.content.decode()
    assert label in queue.content.decode()
    assert label in as_reviewer.get(reverse("admin:editorial_review_my_work")).content.decode()
