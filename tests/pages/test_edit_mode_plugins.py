"""In edit mode every plugin is on the page once: two copies with one id merge when an editor
saves inline (issue 15: a notice's text was doubled on each save)."""

import re
from collections import Counter

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from djangocms_alias.models import AliasContent

from media.models import Picture
from tests import editing
from tests.media.images import illustration

pytestmark = pytest.mark.django_db

# django CMS wraps each plugin it renders for editing in markers carrying its id.
PLUGIN_START = re.compile(r'<template class="cms-plugin cms-plugin-start cms-plugin-(\d+)"')


def plugin_copies(client, content) -> Counter:
    response = client.get(get_object_edit_url(content))
    assert response.status_code == 200
    return Counter(PLUGIN_START.findall(response.content.decode()))


def assert_each_plugin_once(copies: Counter):
    assert copies, "the edit view shows no editable plugin"
    assert {pk: n for pk, n in copies.items() if n > 1} == {}


@pytest.mark.parametrize(
    "static_code", ["medical-disclaimer", "donations-registry", "copyright", "region-notice"]
)
def test_a_notice_is_editable_once_on_its_own_page(admin_client, site_tree, static_code):
    notice = AliasContent.objects.get(alias__static_code=static_code, language="en-us")
    draft = editing.start_draft(admin_client, notice)

    assert_each_plugin_once(plugin_copies(admin_client, draft))


def test_saving_a_notice_edited_on_its_own_page_keeps_one_copy(admin_client, site_tree):
    notice = AliasContent.objects.get(alias__static_code="donations-registry", language="en-us")
    draft = editing.start_draft(admin_client, notice)
    (text,) = editing.plugins_of(draft)

    for _round in range(3):  # each save used to double the paragraph
        assert plugin_copies(admin_client, draft)[str(text.pk)] == 1
        editing.edit_plugin(admin_client, text, body="<p>Donations are listed online.</p>")

    text.refresh_from_db()
    assert text.body.count("Donations are listed online.") == 1


def test_pages_with_media_and_aliases_show_each_plugin_once(admin_client, site_tree):
    live = PageContent.objects.get(page=site_tree.procedure, language="en-us")
    draft = editing.start_draft(admin_client, live)
    editing.add_plugin(
        admin_client,
        draft,
        "content",
        "PicturePlugin",
        image=illustration().pk,
        alt_text="A",
        width="full",
    )
    assert Picture.objects.filter(placeholder__in=draft.get_placeholders()).exists()

    assert_each_plugin_once(plugin_copies(admin_client, draft))


def test_no_page_or_alias_of_the_site_shows_a_plugin_twice(admin_client, site_tree, editor):
    """The sweep: every page and every alias of a site with notices and a risk list."""
    from tests import factories

    factories.risk_list_alias(user=editor)
    live = [*PageContent.objects.all(), *AliasContent.objects.all()]
    assert len(live) > 8

    for content in live:
        copies = plugin_copies(admin_client, editing.start_draft(admin_client, content))
        assert {pk: n for pk, n in copies.items() if n > 1} == {}, str(content)
