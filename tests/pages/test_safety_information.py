"""
Important Safety Information on procedure pages: one risk list, edited once in
its alias, is what every page carrying it shows at the very next request.
Caches stay on (the CMS page cache), as in production.
"""

import pytest
from djangocms_alias.models import AliasContent

from pages.models import RiskItem
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db


def risks_on(client, page) -> list[str]:
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    return texts(response, '//section[@class="safety"]//li')


@pytest.fixture
def warm_pages(client, procedure_with_risks):
    """Both pages have been seen once, so they sit in the page cache."""
    for page in procedure_with_risks:
        assert risks_on(client, page) == [
            "myocardial infarction (heart attack)",
            "cerebrovascular accident (stroke)",
            "death",
        ]
    return procedure_with_risks


@pytest.fixture
def draft_list(client, editor, risk_alias):
    """The editor opens the risk list for editing: a new draft version of its alias."""
    client.force_login(editor)
    published = AliasContent.objects.get(alias=risk_alias)
    return editing.start_draft(client, published)


def publish_and_log_out(client, draft):
    response = editing.approve_and_publish(client, draft)
    assert response.status_code == 302
    client.logout()


def items_of(draft) -> list[RiskItem]:
    return [p for p in editing.plugins_of(draft) if isinstance(p, RiskItem)]


def test_page_cache_is_on_for_visitors(client, warm_pages):
    response = client.get(warm_pages[0].get_absolute_url())

    assert "private" not in response["Cache-Control"]
    assert int(response["Cache-Control"].split("max-age=")[1].split(",")[0]) > 0


def test_edited_risk_text_shows_on_every_page_after_publishing(
    client, editor, warm_pages, draft_list
):
    first = items_of(draft_list)[0]

    response = editing.edit_plugin(
        client, first, term="heart attack (myocardial infarction)", gloss=""
    )
    assert response.status_code == 200
    # Until it is published, visitors still see the reviewed version.
    client.logout()
    assert risks_on(client, warm_pages[1])[0] == "myocardial infarction (heart attack)"

    client.force_login(editor)
    publish_and_log_out(client, draft_list)

    for page in warm_pages:
        assert risks_on(client, page)[0] == "heart attack (myocardial infarction)"


def test_added_risk_shows_on_every_page(client, warm_pages, draft_list):
    risk_list = editing.plugins_of(draft_list)[0]

    response = editing.add_plugin(
        client,
        draft_list,
        draft_list.placeholder,
        "RiskItemPlugin",
        parent=risk_list,
        term="pulmonary embolism",
        gloss="cement leakage that migrates to the lungs",
    )
    assert response.status_code == 200
    publish_and_log_out(client, draft_list)

    for page in warm_pages:
        assert risks_on(client, page)[-1] == (
            "pulmonary embolism (cement leakage that migrates to the lungs)"
        )


def test_removed_risk_disappears_from_every_page(client, warm_pages, draft_list):
    stroke = items_of(draft_list)[1]

    editing.delete_plugin(client, stroke)
    publish_and_log_out(client, draft_list)

    for page in warm_pages:
        assert risks_on(client, page) == ["myocardial infarction (heart attack)", "death"]


def test_reordered_risks_show_in_the_new_order(client, warm_pages, draft_list):
    death = items_of(draft_list)[2]

    assert editing.move_plugin(client, death, position=2).status_code == 200
    publish_and_log_out(client, draft_list)

    for page in warm_pages:
        assert risks_on(client, page)[0] == "death"


def test_editor_sees_an_error_for_a_list_without_risks(client, editor, draft_list):
    for item in items_of(draft_list):
        editing.delete_plugin(client, item)

    response = client.get(editing.edit_url(draft_list))

    assert response.status_code == 200
    assert "has no risks yet" in response.content.decode()
