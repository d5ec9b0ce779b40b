"""Submitting a draft for review returns only to a page of this site, whatever `next` says."""

import pytest
from cms.models import PageContent
from django.test import Client
from djangocms_versioning.models import Version

from editorial import conf
from tests import editing, factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_with_draft(site_tree):
    author = Client()
    author.force_login(factories.staff_in_role(conf.ROLE_AUTHOR, "alice-author"))
    draft = editing.start_draft(author, PageContent.objects.get(page=site_tree.child))
    url = editing.reverse(
        "admin:editorial_review_request", args=[Version.objects.get_for_content(draft).pk]
    )
    return author, url


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "javascript:alert(1)",
        "http:\\\\evil.example",
        "admin:index",
        "logout",
    ],
)
def test_a_foreign_or_script_next_goes_to_my_work(author_with_draft, target):
    author, url = author_with_draft

    response = author.post(url, {"next": target})

    assert response.status_code == 302
    # The author's own queue (editorial.my_work), where the submitted draft now shows.
    assert response["Location"] == editing.reverse("admin:editorial_review_my_work")


def test_a_next_on_this_site_is_followed(author_with_draft, site_tree):
    author, url = author_with_draft
    back = site_tree.child.get_absolute_url()

    response = author.post(url, {"next": back})

    assert response.status_code == 302
    assert response["Location"] == back
