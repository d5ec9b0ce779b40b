"""
What an editor types never runs in a visitor's browser.

Rich text is sanitised by djangocms-text (nh3) when the plugin is saved, so
the same payloads are sent through both ways content arrives: the plugin edit
form in the admin, over HTTP as a logged-in editor, and the demo loader's
``add_plugins`` (cms.api.add_plugin, as imports and fixtures use it).
"""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.urls import reverse

from pages import demo
from tests import factories
from tests.security.payloads import (
    INERT_PAYLOADS,
    XSS_PAYLOADS,
    active_content,
    assert_no_active_content,
)

pytestmark = pytest.mark.django_db

LANGUAGE = factories.LANGUAGE


def marked(index: int, payload: str) -> str:
    """Each payload sits between visible markers so the test can tell it was rendered."""
    return f"<p>before-{index}</p>{payload}<p>after-{index}</p>"


def test_the_check_itself_catches_every_payload():
    """Unsanitised, each payload is active content, so a clean page below means something."""
    missed = {p for p in XSS_PAYLOADS if not active_content(f"<html><body>{p}</body></html>")}
    assert missed == INERT_PAYLOADS


def test_payloads_typed_into_the_admin_plugin_form_never_reach_the_public_page(
    client, site_tree, editor
):
    page = create_page("Payloads", "cms/content.html", LANGUAGE, created_by=editor)
    content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    placeholder = content.get_placeholders().get(slot="content")
    plugins = [
        add_plugin(placeholder, "TextPlugin", LANGUAGE, body="<p>draft</p>") for _ in XSS_PAYLOADS
    ]
    client.force_login(editor)

    for index, (plugin, payload) in enumerate(zip(plugins, XSS_PAYLOADS, strict=True)):
        url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])
        response = client.post(f"{url}?cms_path=/", {"body": marked(index, payload)})
        # djangocms-text refuses outright (403) a body naming plugins it does not own.
        assert response.status_code in {200, 403}, payload
        plugin.refresh_from_db()
        if response.status_code == 200:
            assert f"before-{index}" in plugin.body, f"the edit was not saved: {payload}"
        assert_no_active_content(f"<html><body>{plugin.body}</body></html>")

    demo.publish(content, user=editor)
    client.logout()
    response = client.get(page.get_absolute_url(LANGUAGE))

    assert response.status_code == 200
    assert "before-0" in response.content.decode()
    assert_no_active_content(response)


def test_payloads_loaded_like_demo_content_never_reach_the_public_page(client, site_tree, editor):
    specs = [
        {"plugin": "TextPlugin", "body": marked(index, payload)}
        for index, payload in enumerate(XSS_PAYLOADS)
    ]
    page = factories.published_page("Imported payloads", user=editor, content=specs)

    response = client.get(page.get_absolute_url(LANGUAGE))

    assert response.status_code == 200
    assert "before-0" in response.content.decode()
    assert_no_active_content(response)
