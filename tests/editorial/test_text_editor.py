"""The rich-text editor offers editors only what the site's stylesheet supports."""

import json

import pytest
from cms.models import PageContent

from tests import editing
from tests.html import tree

pytestmark = pytest.mark.django_db


def toolbar_buttons(response, plugin) -> set[str]:
    """The buttons of the editor the plugin form opens (its settings, as the page carries)."""
    [script] = tree(response).xpath(f'//script[@id="cms-cfg-{plugin.pk}"]')
    config = json.loads(script.text)["options"]
    names = set()
    for group in config["toolbar"]:
        names.update(group if isinstance(group, list) else [group])
    return names


def test_editors_get_subheadings_and_citations_but_no_unsupported_styles(site_tree, as_author):
    draft = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.child))
    text = editing.plugins_of(draft, "content")[0]
    url = editing.reverse("admin:cms_placeholder_edit_plugin", args=[text.pk]) + editing.CMS_PATH

    response = as_author.get(url)

    assert response.status_code == 200
    buttons = toolbar_buttons(response, text)
    assert {"Heading2", "Heading3", "Bold", "Link", "BulletedList", "CMSPlugins"} <= buttons
    unsupported = {"Format", "Heading1", "Heading4", "TextColor", "Highlight", "BGColor"}
    unsupported |= {"Styles", "BlockStyles", "InlineStyles", "Table", "Source", "Underline"}
    assert not buttons & unsupported
