"""
Rich text keeps only the inline style the site's editor writes (text alignment
on paragraphs and headings, core.rich_text): no CSS laid over a public page, and
no expression() or url(javascript:) in a style. Checked through the admin's plugin
form and the demo loader's add_plugins, the two ways rich text is saved.
"""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.urls import reverse

from pages import demo
from tests import factories
from tests.html import tree

pytestmark = pytest.mark.django_db

LANGUAGE = factories.LANGUAGE
BODY = (
    '<p style="text-align: center">centred</p>'
    '<h2 style="TEXT-ALIGN:Right">right</h2>'
    '<p style="position: fixed; inset: 0; z-index: 9999; background: #fff">overlay</p>'
    '<p style="color: red; text-align: justify">mixed</p>'
    '<p style="width: expression(alert(1))">ie</p>'
    "<p style=\"background-image: url(javascript:alert('xss'))\">url</p>"
    '<p style="text-align: url(javascript:alert(1))">disguised</p>'
)
# What survives of each element's style, by its text.
KEPT = {
    "centred": "text-align:center",
    "right": "text-align:right",
    "overlay": None,
    "mixed": "text-align:justify",
    "ie": None,
    "url": None,
    "disguised": None,
}


def styles(html) -> dict:
    root = tree(html)
    return {
        element.text: element.get("style")
        for element in root.xpath("//p | //h2")
        if element.text in KEPT
    }


def test_the_admin_plugin_form_keeps_only_text_alignment(client, site_tree, editor):
    page = create_page("Styles", "cms/content.html", LANGUAGE, created_by=editor)
    content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", LANGUAGE, body="<p>draft</p>")
    client.force_login(editor)

    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])
    response = client.post(f"{url}?cms_path=/", {"body": BODY})
    plugin.refresh_from_db()
    demo.publish(content, user=editor)
    client.logout()
    public = client.get(page.get_absolute_url(LANGUAGE))

    assert response.status_code == 200
    assert styles(f"<div>{plugin.body}</div>") == KEPT
    assert styles(public) == KEPT


def test_the_demo_loader_keeps_only_text_alignment(client, site_tree, editor):
    page = factories.published_page("Styles", user=editor, content=factories.text(BODY))

    response = client.get(page.get_absolute_url(LANGUAGE))

    assert response.status_code == 200
    assert styles(response) == KEPT
