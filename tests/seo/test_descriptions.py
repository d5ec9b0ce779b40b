"""A page without a description for search engines is refused at publishing (seo.descriptions)."""

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.messages import get_messages
from djangocms_versioning.models import Version

from tests import editing, factories

pytestmark = pytest.mark.django_db


def draft_page(editor, description):
    page = create_page(
        "Living with Osteoporosis",
        "cms/content.html",
        factories.LANGUAGE,
        created_by=editor,
        meta_description=description,
    )
    content = PageContent.admin_manager.get(page=page)
    factories.demo.add_plugins(
        content.get_placeholders().get(slot="content"),
        factories.text("<p>Calcium and vitamin D.</p>"),
        language=factories.LANGUAGE,
    )
    return content


def publish(client, content):
    editing.decide(client, content, approve=True)
    response = editing.publish(client, content)
    state = Version.objects.get(pk=Version.objects.get_for_content(content).pk).state
    return state, [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("description", [None, "", "   \n "], ids=["none", "empty", "blank"])
def test_publishing_without_a_description_is_refused(
    admin_client, admin_user, site_tree, description
):
    content = draft_page(admin_user, description)

    state, messages = publish(admin_client, content)

    assert state == "draft"
    assert messages[-1] == (
        '"Living with Osteoporosis" needs a description for search engines before it can be '
        "published: write one or two plain sentences (up to about 160 characters) under "
        "Page settings › Description meta tag."
    )
    assert admin_client.get("/living-with-osteoporosis/").status_code == 404


def test_a_page_with_a_description_is_published_and_shows_it(
    client, admin_client, admin_user, site_tree
):
    content = draft_page(admin_user, "How diet and exercise keep bones strong.")

    state, _ = publish(admin_client, content)

    assert state == "published"
    page = client.get("/living-with-osteoporosis/").text
    assert '<meta name="description" content="How diet and exercise keep bones strong.">' in page
