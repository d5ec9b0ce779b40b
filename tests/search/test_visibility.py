"""
What is never found: other regions' pages, the healthcare-professional
section, pages with view restrictions or needing a login. (Drafts and
unpublished pages: test_indexing.py.) These rules are read at search time, so
a change to them needs no publish.
"""

import pytest
from cms.models import ACCESS_CHILDREN, ACCESS_PAGE_AND_DESCENDANTS, Page, PagePermission
from django.contrib.auth.models import Group

from tests import factories
from tests.search.conftest import page, result_links, result_titles, search

pytestmark = pytest.mark.django_db


def test_each_region_finds_its_own_pages_with_its_own_links(client, editor, site_tree):
    both = page("Osteoporosis", "<p>Thin, brittle bones.</p>", user=editor)
    factories.published_translation(both, "en-ca", user=editor, title="Osteoporosis (Canada)")
    page("Medicare coverage", "<p>Medicare and brittle bones.</p>", user=editor)

    us = search(client, "brittle")
    canada = search(client, "brittle", region="/en-ca")

    assert result_titles(us) == ["Medicare coverage", "Osteoporosis"]
    assert result_titles(canada) == ["Osteoporosis (Canada)"]
    assert result_links(canada) == [both.get_absolute_url("en-ca")]
    assert result_links(canada)[0].startswith("/en-ca/")
    assert result_links(us)[1] == both.get_absolute_url("en-us") == "/osteoporosis/"


@pytest.fixture
def professional_section(editor, site_tree):
    section = page(
        "Physicians", "<p>Clinical evidence for surgeons.</p>", user=editor, reverse_id="physicians"
    )
    page(
        "Clinical data", "<p>Trial evidence: kyphoplasty outcomes.</p>", user=editor, parent=section
    )
    return section


def test_healthcare_professional_section_is_never_found(client, professional_section):
    assert result_titles(search(client, "evidence")) == []
    assert result_titles(search(client, "Physicians")) == []


def test_page_moved_into_the_professional_section_disappears(client, editor, professional_section):
    moving = page("Surgical technique", "<p>Trocar placement.</p>", user=editor)
    assert result_titles(search(client, "trocar")) == ["Surgical technique"]

    moving.move_page(professional_section, position="last-child")

    assert result_titles(search(client, "trocar")) == []


def restrict(page: Page, grant_on: int) -> None:
    group = Group.objects.create(name=f"Readers of {page.pk}")
    PagePermission.objects.create(page=page, group=group, can_view=True, grant_on=grant_on)


def test_view_restricted_pages_are_never_found(client, editor, site_tree):
    members = page("Members", "<p>Support group meeting notes.</p>", user=editor)
    page("Minutes", "<p>Support group minutes.</p>", user=editor, parent=members)
    assert result_titles(search(client, "support group")) == ["Members", "Minutes"]

    restrict(members, ACCESS_PAGE_AND_DESCENDANTS)

    assert result_titles(search(client, "support group")) == []
    client.force_login(editor)  # the same for staff: results never depend on who asks
    assert result_titles(search(client, "support group")) == []


def test_a_restriction_on_children_hides_only_the_children(client, editor, site_tree):
    members = page("Members", "<p>Support group meeting notes.</p>", user=editor)
    page("Minutes", "<p>Support group minutes.</p>", user=editor, parent=members)

    restrict(members, ACCESS_CHILDREN)

    assert result_titles(search(client, "support group")) == ["Members"]


def test_login_required_pages_are_never_found(client, editor, site_tree):
    private = page("Staff handbook", "<p>Rota and holidays.</p>", user=editor)
    Page.objects.filter(pk=private.pk).update(login_required=True)

    assert result_titles(search(client, "rota")) == []
