"""
The index follows publishing: published text is findable at the next request,
withdrawn or replaced text is not, drafts never are, and the rebuild command
restores everything from what is published.
"""

from io import StringIO

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.core.management import call_command
from djangocms_alias.models import AliasContent
from djangocms_versioning.models import Version

from search.models import SearchEntry
from tests import editing, factories
from tests.search.conftest import page, result_titles, search, version_of

pytestmark = pytest.mark.django_db


def test_published_edit_is_found_at_the_next_request(client, editor, site_tree):
    procedure = site_tree.procedure
    assert "Balloon Kyphoplasty" in result_titles(search(client, "Procedure text"))
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=procedure))
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(client, text, body="<p>Recovery takes about a fortnight.</p>")
    client.logout()

    assert result_titles(search(client, "fortnight")) == []  # a draft is never found

    client.force_login(editor)
    editing.approve_and_publish(client, draft)
    client.logout()

    assert result_titles(search(client, "fortnight")) == ["Balloon Kyphoplasty"]
    assert "Balloon Kyphoplasty" not in result_titles(search(client, "Procedure text"))


def test_unpublished_page_is_no_longer_found(client, editor, site_tree):
    page("Vertebroplasty", "<p>Cement without a balloon.</p>", user=editor)
    assert result_titles(search(client, "vertebroplasty")) == ["Vertebroplasty"]

    version_of(PageContent.objects.get(title="Vertebroplasty").page).unpublish(editor)

    assert result_titles(search(client, "vertebroplasty")) == []
    assert not SearchEntry.objects.filter(title="Vertebroplasty").exists()


def test_editors_drafts_are_not_found_even_with_the_toolbar(client, editor, site_tree):
    published = PageContent.objects.get(page=site_tree.child)
    draft = Version.objects.get_for_content(published).copy(editor).content
    text = editing.plugins_of(draft, "content")[0]
    text.body = "<p>Secret draft wording about osteonecrosis.</p>"
    text.save()
    unpublished = create_page(
        "Osteonecrosis draft page", "cms/content.html", "en-us", created_by=editor
    )

    client.force_login(editor)
    for extra in ({}, {"edit": ""}, {"toolbar_on": ""}, {"preview": ""}):
        response = search(client, "osteonecrosis", **extra)
        assert response.status_code == 200
        assert result_titles(response) == [], extra
    assert unpublished.pk  # created, never published, never indexed
    assert not SearchEntry.objects.filter(page=unpublished).exists()


def test_republished_risk_list_updates_the_pages_showing_it(client, editor, site_tree):
    alias = factories.risk_list_alias(user=editor)
    factories.published_page(
        "Kyphoplasty risks",
        user=editor,
        template="cms/procedure.html",
        content=factories.text("<p>Before you decide.</p>"),
        safety=[{"plugin": "Alias", "alias": alias.static_code}],
    )
    assert result_titles(search(client, "myocardial infarction")) == ["Kyphoplasty risks"]

    content = AliasContent.admin_manager.get(alias=alias, language="en-us")
    draft = Version.objects.get_for_content(content).copy(editor).content
    risk = next(p for p in editing.plugins_of(draft) if p.plugin_type == "RiskItemPlugin")
    risk.term = "anaphylaxis"
    risk.save()
    Version.objects.get_for_content(draft).publish(editor)

    assert result_titles(search(client, "anaphylaxis")) == ["Kyphoplasty risks"]
    assert result_titles(search(client, "myocardial infarction")) == []


def test_deleted_page_leaves_the_index(client, editor, site_tree):
    leaving = page("Careers", "<p>Join our team of engineers.</p>", user=editor)
    assert result_titles(search(client, "engineers")) == ["Careers"]

    leaving.delete()

    assert result_titles(search(client, "engineers")) == []
    assert not SearchEntry.objects.filter(title="Careers").exists()


def test_the_shared_safety_list_is_found_on_the_procedure_page_only(client, site_tree):
    """Home and After the Procedure carry the same risk list (fair balance); a search for a
    risk lists the procedure page, not every page repeating the list with the same snippet."""
    assert result_titles(search(client, "death")) == ["Balloon Kyphoplasty"]
    assert "After the Procedure" in result_titles(search(client, "recovery"))


def test_site_map_text_is_not_indexed(client, editor, site_tree):
    """The site map lists every title: it would match every search."""
    assert "Site Map" not in result_titles(search(client, "Balloon Kyphoplasty"))


def test_rebuild_command_restores_the_index(client, editor, site_tree):
    page("Vertebroplasty", "<p>Cement without a balloon.</p>", user=editor)
    SearchEntry.objects.all().delete()
    stale = factories.published_page("Stale", user=editor)
    version_of(stale).unpublish(editor)
    SearchEntry.objects.create(page=stale, language="en-us", title="Stale", body="stale")
    assert result_titles(search(client, "vertebroplasty")) == []

    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=err)

    published = PageContent.objects.count()
    assert f"indexed {published}/{published} pages" in out.getvalue()
    assert (
        f"{published} pages indexed, 1 stale entries removed, 0 rendering errors" in out.getvalue()
    )
    assert err.getvalue() == ""
    assert result_titles(search(client, "vertebroplasty")) == ["Vertebroplasty"]
    assert SearchEntry.objects.count() == published


def test_rebuild_missing_only_adds_what_is_missing(editor, site_tree):
    SearchEntry.objects.filter(page=site_tree.child).delete()
    out = StringIO()

    call_command("rebuild_search_index", "--missing", stdout=out)

    assert "Search index: 1 pages indexed" in out.getvalue()
    assert SearchEntry.objects.filter(page=site_tree.child).exists()


def test_rebuild_reports_a_page_that_fails_to_render_in_one_line(editor, site_tree, monkeypatch):
    from search import indexing

    def broken(content):
        if content.page_id == site_tree.child.pk:
            raise RuntimeError("template exploded\non two lines")
        return "fine"

    monkeypatch.setattr(indexing, "render_text", broken)
    out, err = StringIO(), StringIO()

    call_command("rebuild_search_index", stdout=out, stderr=err)

    assert err.getvalue() == (
        f"  error: page {site_tree.child.pk} (en-us), title only: template exploded on two lines\n"
    )
    assert "1 rendering errors" in out.getvalue()
    assert SearchEntry.objects.get(page=site_tree.child).title == "After the Procedure"
