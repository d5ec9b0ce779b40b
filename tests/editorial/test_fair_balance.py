"""
Wherever the therapy is presented, a page cannot go live without its Important Safety
Information: the procedure page, the home page, and every page below the procedure page
(editorial.fair_balance). Editors see each page's state in edit mode.
"""

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.messages import get_messages
from django.test import Client
from djangocms_versioning.models import Version

from tests import editing, factories

pytestmark = pytest.mark.django_db


def new_procedure_page(editor, *, safety=None):
    """A draft procedure page with text, and optionally something in its Safety placeholder."""
    page = create_page(
        "Vertebroplasty",
        "cms/procedure.html",
        "en-us",
        created_by=editor,
        meta_description="Vertebroplasty for spinal fractures.",
    )
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


def missing_safety(title: str) -> str:
    return (
        f'"{title}" presents the therapy, so it cannot be published without its Important '
        "Safety Information: add a risk list with at least one risk (for example the shared "
        '"Serious adverse events" alias) to the Safety placeholder.'
    )


RISKS = [
    {
        "plugin": "RiskListPlugin",
        "title": "Risks",
        "lead_in": "Risks:",
        "children": [{"plugin": "RiskItemPlugin", "term": "infection"}],
    }
]


def new_page(editor, title, *, parent=None, template="cms/content.html", safety=None):
    page = create_page(
        title, template, "en-us", parent=parent, created_by=editor, meta_description=title
    )
    content = PageContent.admin_manager.get(page=page)
    factories.demo.add_plugins(
        content.get_placeholders().get(slot="content"),
        factories.text("<p>How the balloon lifts the bone.</p>"),
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
    assert messages[-1] == missing_safety("Vertebroplasty")
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


def test_pages_outside_the_therapy_need_no_risk_list(admin_client, admin_user, site_tree):
    content = new_page(admin_user, "Careers", parent=site_tree.section)

    state, _ = try_to_publish(admin_client, content)

    assert state == "published"


def test_new_child_of_the_procedure_page_without_safety_is_refused(
    admin_client, admin_user, site_tree
):
    content = new_page(admin_user, "Risks and Benefits", parent=site_tree.procedure)

    state, messages = try_to_publish(admin_client, content)

    assert state == "draft"
    assert messages[-1] == missing_safety("Risks and Benefits")


def test_a_page_deeper_in_the_procedure_section_is_covered_too(admin_client, admin_user, site_tree):
    refused = new_page(admin_user, "Cement", parent=site_tree.child)
    balanced = new_page(admin_user, "Balloon", parent=site_tree.child, safety=RISKS)

    assert try_to_publish(admin_client, refused)[0] == "draft"
    assert try_to_publish(admin_client, balanced)[0] == "published"


def test_child_page_with_the_shared_alias_is_published(admin_client, admin_user, site_tree):
    alias = factories.risk_list_alias(user=admin_user)
    safety = [{"plugin": "Alias", "alias": alias.static_code}]
    content = new_page(admin_user, "Risks and Benefits", parent=site_tree.procedure, safety=safety)

    state, _ = try_to_publish(admin_client, content)

    assert state == "published"
    assert "Important Safety Information" in Client().get(content.page.get_absolute_url()).text


def test_home_page_template_presents_the_therapy(admin_client, admin_user, site_tree):
    content = new_page(admin_user, "Welcome back", template="cms/home.html")

    state, messages = try_to_publish(admin_client, content)

    assert state == "draft"
    assert messages[-1] == missing_safety("Welcome back")


def edit_mode(client, content):
    return client.get(editing.edit_url(content))


def test_editors_see_in_edit_mode_that_a_page_is_not_covered(admin_client, admin_user, site_tree):
    content = new_page(admin_user, "Risks and Benefits", parent=site_tree.procedure)

    html = edit_mode(admin_client, content).text

    assert "this page presents the therapy but has no Important Safety Information" in html
    assert "editor-note--missing" in html


def test_editors_see_in_edit_mode_that_a_page_is_covered(admin_client, admin_user, site_tree):
    content = new_page(admin_user, "Risks", parent=site_tree.procedure, safety=RISKS)

    html = edit_mode(admin_client, content).text

    assert "this page presents the therapy and carries its Important Safety Information" in html


def test_no_note_outside_the_therapy_or_for_visitors(client, admin_client, admin_user, site_tree):
    careers = new_page(admin_user, "Careers", parent=site_tree.section)
    assert "Fair balance" not in edit_mode(admin_client, careers).text

    assert "Fair balance" not in client.get(site_tree.procedure.get_absolute_url()).text
