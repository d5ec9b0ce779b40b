"""Pages for healthcare professionals ask visitors to confirm who they are, once a session."""

import pytest

from tests import factories
from tests.html import texts, tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def hcp_section(site_tree, editor):
    section = factories.published_page(
        "Physicians",
        user=editor,
        reverse_id="physicians",
        content=factories.text("<p>Evidence</p>"),
    )
    child = factories.published_page(
        "Clinical data", user=editor, parent=section, content=factories.text("<p>Trials</p>")
    )
    factories.published_page("Patients home", user=editor, reverse_id="patients")
    return section, child


@pytest.mark.parametrize("which", [0, 1])
def test_physicians_section_pages_carry_the_notice(client, hcp_section, which):
    response = client.get(hcp_section[which].get_absolute_url())
    gate = tree(response).xpath('//dialog[@id="hcp-gate"]')

    assert len(gate) == 1
    assert gate[0].get("aria-labelledby") == "hcp-gate-title"
    assert texts(response, '//dialog[@id="hcp-gate"]//button') == ["I am a healthcare professional"]
    assert tree(response).xpath('//dialog[@id="hcp-gate"]//a/@href') == ["/patients-home/"]


def test_the_content_stays_in_the_page_for_search_engines(client, hcp_section):
    response = client.get(hcp_section[1].get_absolute_url())

    assert "Trials" in texts(response, "//main//p")


def test_the_script_that_remembers_the_choice_is_loaded(client, hcp_section):
    response = client.get(hcp_section[0].get_absolute_url())

    assert "/static/portal/js/hcp-gate.js" in tree(response).xpath("//script/@src")


def test_patient_pages_have_no_notice(client, hcp_section, site_tree):
    for page in (site_tree.home, site_tree.procedure):
        assert not tree(client.get(page.get_absolute_url())).xpath('//dialog[@id="hcp-gate"]')


def test_hcp_pages_stay_in_the_sitemap(client, hcp_section):
    response = client.get("/sitemap.xml")

    assert b"/physicians/clinical-data/" in response.content
