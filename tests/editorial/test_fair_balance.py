"""A procedure page cannot go live without its Important Safety Information."""

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.messages import get_messages
from djangocms_versioning.models import Version

from tests import editing, factories

pytestmark = pytest.mark.django_db


def new_procedure_page(editor, *, safety=None):
    """A draft procedure page with text, and optionally something in its Safety placeholder."""
    page = create_page("Vertebroplasty", "cms/procedure.html", "en-us", created_by=editor)
    content = PageContent.admin_manager.get(page=page)
    factories.demo.add_plugins(
        content.get_placeholders().get(slot="content"),
        factories.text("<p>Relieves pain.</p>"),
        language="en-us",
    )
    if safety:
        factories.demo.add_plugins(
            content.get_placeholders().get(slot="safety"), safety, language="en-us"
        )
    return content


def try_to_publish(client, content):
    editing.decide(client, content, approve=True)
    response = editing.publish(client, content)
    state = Version.objects.get(pk=Version.objects.get_for_content(content).pk).state
    return state, [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    "safety",
    [
        None,
        factories.text("<p>There are risks.</p>"),
        [{"plugin": "RiskListPlugin", "title": "Empty", "lead_in": "Risks:"}],
    ],
    ids=["empty", "text-only", "list-without-risks"],
)
def test_publishing_without_a_risk_list_is_refused_with_a_reason(
    admin_client, admin_user, site_tree, safety
):
    content = new_procedure_page(admin_user, safety=safety)

    state, messages = try_to_publish(admin_client, content)

    assert state == "draft"
    assert messages[-1] == (
        '"Vertebroplasty" cannot be published without its Important Safety Information: '
        "add a risk list with at least one risk to the Safety placeholder."
    )
    assert admin_client.get("/vertebroplasty/").status_code == 404


def test_a_risk_list_placed_directly_is_enough(admin_client, admin_user, site_tree):
    safety = [
        {
            "plugin": "RiskListPlugin",
            "title": "Risks",
            "lead_in": "Risks:",
            "children": [{"plugin": "RiskItemPlugin", "term": "infection"}],
        }
    ]
    content = new_procedure_page(admin_user, safety=safety)

    state, _ = try_to_publish(admin_client, content)

    assert state == "published"


def test_a_shared_risk_list_alias_is_enough(admin_client, admin_user, site_tree):
    alias = factories.risk_list_alias(user=admin_user)
    content = new_procedure_page(
        admin_user, safety=[{"plugin": "Alias", "alias": alias.static_code}]
    )

    state, _ = try_to_publish(admin_client, content)

    assert state == "published"


def test_other_templates_need_no_risk_list(admin_client, admin_user, site_tree):
    page = create_page("Careers", "cms/content.html", "en-us", created_by=admin_user)

    state, _ = try_to_publish(admin_client, PageContent.admin_manager.get(page=page))

    assert state == "published"
