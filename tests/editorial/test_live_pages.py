"""
A live page's address, menu place and title change only through review or by a publisher.

Moves and the home page are not drafted by versioning, so on live pages they belong to
publishers. A title or slug lives in the draft and goes live with the approved version;
the reviewer is told when a draft changes the page's address.
"""

import json

import pytest
from cms.api import create_page
from cms.models import PageContent, PageUrl
from django.urls import reverse
from djangocms_versioning.models import Version

from tests import editing, factories
from tests.html import texts

pytestmark = pytest.mark.django_db


def live_path(page) -> str:
    return PageUrl.objects.get(page=page, language=factories.LANGUAGE).path


def move(client, page, *, under):
    """The page tree's drag and drop: the page becomes the first child of `under`."""
    url = reverse("admin:cms_page_move_page", args=[page.pk])
    response = client.post(url, {"target": under.pk, "position": 0, "site": page.site_id})
    assert response.status_code == 200  # django CMS wraps the outcome in JSON for the tree
    return json.loads(response.content)


def test_author_cannot_move_a_live_page(client, site_tree, as_author):
    page = site_tree.child
    before = live_path(page)

    answer = move(as_author, page, under=site_tree.section)

    assert answer["status"] == 400  # the status the tree shows as a message
    assert "Only publishers can move a page that is live" in answer["content"]
    assert live_path(page) == before
    assert client.get(f"/{before}/").status_code == 200


def test_author_cannot_move_a_live_section_and_the_pages_below_it(site_tree, as_author):
    answer = move(as_author, site_tree.procedure, under=site_tree.home)

    assert answer["status"] == 400
    assert live_path(site_tree.child) == "patients/balloon-kyphoplasty/after-the-procedure"


def test_publisher_moves_a_live_page(client, site_tree, as_publisher):
    page = site_tree.child

    answer = move(as_publisher, page, under=site_tree.section)

    assert answer["status"] == 200, answer
    assert live_path(page) == "patients/after-the-procedure"
    assert client.get("/patients/after-the-procedure/").status_code == 200


def test_author_still_arranges_pages_that_never_went_live(site_tree, author, as_author):
    new = create_page("Not yet live", "cms/content.html", factories.LANGUAGE, created_by=author)

    answer = move(as_author, new, under=site_tree.section)

    assert answer["status"] == 200, answer
    new.refresh_from_db()
    assert new.parent_id == site_tree.section.pk


def test_author_cannot_make_another_page_the_home_page(site_tree, as_author):
    response = as_author.post(reverse("admin:cms_page_set_home", args=[site_tree.section.pk]))

    assert response.status_code == 403
    assert "Only publishers can choose the home page" in response.content.decode()
    site_tree.home.refresh_from_db()
    assert site_tree.home.is_home


def test_author_cannot_retitle_a_live_page_without_a_draft(client, site_tree, as_author):
    page = site_tree.child
    url = reverse("admin:cms_page_edit_title_fields", args=[page.pk, factories.LANGUAGE])

    response = as_author.post(url + "?edit_fields=title,menu_title", {"title": "Renamed"})

    assert response.status_code == 403
    assert "This title is live" in response.content.decode()
    assert PageContent.objects.get(page=page).title == "After the Procedure"
    assert "Renamed" not in client.get(page.get_absolute_url()).content.decode()


def test_author_retitles_a_draft(site_tree, as_author):
    page = site_tree.child
    draft = editing.start_draft(as_author, PageContent.objects.get(page=page))
    url = reverse("admin:cms_page_edit_title_fields", args=[page.pk, factories.LANGUAGE])

    response = as_author.post(url + "?edit_fields=title", {"title": "Recovery"})

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.title == "Recovery"


def rename_slug(client, draft, slug: str):
    url = reverse("admin:cms_pagecontent_change", args=[draft.pk])
    data = editing.admin_form_data(client.get(url).context["adminform"].form)
    response = client.post(url, {**data, "slug": slug})
    assert response.status_code == 302, response.content[:600]


def test_a_renamed_slug_waits_for_review_and_the_reviewer_sees_it(
    client, site_tree, as_author, as_reviewer, as_publisher
):
    page = site_tree.child
    draft = editing.start_draft(as_author, PageContent.objects.get(page=page))
    rename_slug(as_author, draft, "recovery")
    editing.request_review(as_author, draft)

    assert live_path(page) == "patients/balloon-kyphoplasty/after-the-procedure"
    version = Version.objects.get_for_content(draft)
    decide = as_reviewer.get(reverse("admin:editorial_review_decide", args=[version.pk]))
    assert texts(decide, "//p[@class='warning']") == [
        "This draft changes the page's address from "
        "/patients/balloon-kyphoplasty/after-the-procedure/ to "
        "/patients/balloon-kyphoplasty/recovery/: links to the old address will stop working "
        "when it is published."
    ]

    editing.decide(as_reviewer, draft, approve=True)
    editing.publish(as_publisher, draft)

    assert live_path(page) == "patients/balloon-kyphoplasty/recovery"
    assert client.get("/patients/balloon-kyphoplasty/recovery/").status_code == 200


def test_a_slug_renamed_after_approval_needs_a_new_review(
    site_tree, as_author, as_reviewer, as_publisher
):
    page = site_tree.child
    draft = editing.start_draft(as_author, PageContent.objects.get(page=page))
    editing.request_review(as_author, draft)
    editing.decide(as_reviewer, draft, approve=True)
    rename_slug(as_author, draft, "sneaked-in")

    editing.publish(as_publisher, draft)

    assert live_path(page) == "patients/balloon-kyphoplasty/after-the-procedure"


def test_author_gets_the_styled_refusal_for_advanced_settings(site_tree, as_author):
    response = as_author.get(reverse("admin:cms_page_advanced", args=[site_tree.child.pk]))

    assert response.status_code == 403
    assert texts(response, "//h1") == ["This page is not available to you"]
    assert b"/static/portal/css/site.css" in response.content
