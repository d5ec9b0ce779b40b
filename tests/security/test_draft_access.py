"""
Drafts are read only by the roles that write, review and publish them.

A staff login without page rights (the physician data manager) asks for every view
that renders a draft page or a draft risk list: django CMS's preview, edit and
structure endpoints, versioning's compare view, the alias search and usage views, and
the placeholder endpoints that return plugin markup. Each answers with the site's own
403 page, which says what to do instead, and shows nothing of the draft.
"""

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url, get_object_structure_url
from django.test import Client
from django.urls import reverse
from djangocms_alias.models import AliasContent

from editorial import conf
from tests import editing, factories
from tests.html import texts

pytestmark = pytest.mark.django_db

PAGE_SECRET = "Draft wording not yet reviewed"
ALIAS_SECRET = "draft-only complication"


def logged_in(role: str, username: str) -> Client:
    client = Client()
    client.force_login(factories.staff_in_role(role, username))
    return client


@pytest.fixture
def drafts(site_tree, editor):
    """An author's unreviewed drafts of the procedure page and of the risk list."""
    author = logged_in(conf.ROLE_AUTHOR, "alice-author")
    page_draft = editing.start_draft(author, PageContent.objects.get(page=site_tree.procedure))
    text = editing.plugins_of(page_draft, "content")[0]
    assert editing.edit_plugin(author, text, body=f"<p>{PAGE_SECRET}</p>").status_code == 200
    alias = factories.risk_list_alias(user=editor)
    alias_draft = editing.start_draft(author, AliasContent.objects.get(alias=alias))
    risk = next(p for p in editing.plugins_of(alias_draft) if p.plugin_type == "RiskItemPlugin")
    assert editing.edit_plugin(author, risk, term=ALIAS_SECRET, gloss="").status_code == 200
    return {"page": page_draft, "alias": alias_draft, "text": text, "alias_obj": alias}


def draft_urls(drafts) -> dict[str, str]:
    urls = {}
    for kind in ("page", "alias"):
        content = drafts[kind]
        urls[f"{kind} preview"] = get_object_preview_url(content)
        urls[f"{kind} edit"] = get_object_edit_url(content)
        urls[f"{kind} structure"] = get_object_structure_url(content)
        urls[f"{kind} compare"] = editing.version_action_url(content, "compare")
    text = drafts["text"]
    urls["plugin editor"] = reverse("admin:cms_placeholder_edit_plugin", args=[text.pk])
    urls["alias usage"] = reverse(
        "admin:djangocms_alias_alias_usage", args=[drafts["alias_obj"].pk]
    )
    urls["alias search"] = reverse("admin:djangocms_alias_select2") + "?term=Serious"
    return urls


def test_the_data_manager_reads_no_draft_anywhere(drafts):
    data_manager = logged_in(conf.ROLE_PHYSICIAN_DATA, "dana-data")

    for name, url in draft_urls(drafts).items():
        response = data_manager.get(url, follow=True)

        body = response.content.decode()
        assert response.status_code == 403, (name, url, response.status_code)
        assert PAGE_SECRET not in body and ALIAS_SECRET not in body, name
        if name != "plugin editor":  # django CMS's own refusal, a plain message in its modal
            assert texts(response, "//h1") == ["This page is not available to you"], name
            assert "/static/portal/css/site.css" in body, name
            assert "shown only to content authors, medical reviewers and publishers" in body
            assert "Return to the admin" in body


@pytest.mark.parametrize(
    ("role", "username"),
    [
        (conf.ROLE_AUTHOR, "ann-author"),
        (conf.ROLE_REVIEWER, "rita-reviewer"),
        (conf.ROLE_PUBLISHER, "paul-publisher"),
    ],
)
def test_authors_reviewers_and_publishers_still_read_drafts(drafts, role, username):
    editor = logged_in(role, username)

    page = editor.get(get_object_preview_url(drafts["page"]))
    alias = editor.get(get_object_preview_url(drafts["alias"]))
    compare = editor.get(editing.version_action_url(drafts["page"], "compare"))

    assert page.status_code == 200 and PAGE_SECRET in page.content.decode()
    assert alias.status_code == 200 and ALIAS_SECRET in alias.content.decode()
    assert compare.status_code == 200


def test_the_author_still_edits_on_the_page(drafts):
    author = logged_in(conf.ROLE_AUTHOR, "ann-author")

    response = author.get(get_object_edit_url(drafts["page"]))

    assert response.status_code == 200
    assert PAGE_SECRET in response.content.decode()


def test_the_data_manager_keeps_the_physician_directory(drafts):
    data_manager = logged_in(conf.ROLE_PHYSICIAN_DATA, "dana-data")

    assert data_manager.get(reverse("admin:physicians_physician_changelist")).status_code == 200
