"""Citation markers in text and the References list at the foot of the page."""

import pytest
from cms.models import PageContent

from pages.forms import CitationForm
from pages.models import Citation, Reference
from tests import editing, factories
from tests.html import texts, tree

pytestmark = pytest.mark.django_db


def test_markers_link_to_anchored_references(client, procedure_with_risks):
    response = client.get(procedure_with_risks[0].get_absolute_url())
    root = tree(response)

    assert texts(response, '//sup[@class="citation"]') == ["[17,19,29]"]
    links = root.xpath('//sup[@class="citation"]/a/@href')
    assert links == ["#ref-17", "#ref-19", "#ref-29"]
    for href in links:
        assert root.xpath(f'//li[@id="{href[1:]}"]'), href


def test_references_list_holds_exactly_the_cited_references(client, site_tree, editor, references):
    factories.ReferenceFactory(number=40)  # in the library, cited nowhere
    page = factories.published_page(
        "Evidence",
        user=editor,
        content=factories.text("<p>Pain fell{cite:29,17}.</p><p>Again{cite:17}.</p>"),
    )

    response = client.get(page.get_absolute_url())

    assert tree(response).xpath('//ol[@class="references__list"]/li/@value') == ["17", "29"]
    assert texts(response, '//section[@class="references"]//h2') == ["References"]


def test_reference_entry_shows_source_links_and_disclosures(client, procedure_with_risks):
    response = client.get(procedure_with_risks[0].get_absolute_url())
    root = tree(response)

    entry_19 = root.xpath('//li[@id="ref-19"]')[0]
    assert "The Lancet. 2009;373(9668):1016-1024." in entry_19.text_content()
    assert [s.text for s in entry_19.xpath('.//sup[@class="references__flag"]')] == ["*", "†"]
    entry_29 = root.xpath('//li[@id="ref-29"]')[0]
    assert entry_29.xpath(".//a/@href") == ["https://doi.org/10.1007/s00586-012-2314-z"]
    legend = texts(response, '//dl[@class="references__legend"]/dd')
    assert legend == [
        "One or more authors were paid consultants of the manufacturer.",
        "The study was funded in part or in whole by the manufacturer.",
    ]


def test_page_without_citations_has_no_references_section(client, site_tree):
    response = client.get(site_tree.child.get_absolute_url())

    assert not tree(response).xpath('//section[@class="references"]')


def test_missing_reference_never_renders_a_broken_link(client, procedure_with_risks):
    Reference.objects.filter(number=19).delete()

    response = client.get(procedure_with_risks[0].get_absolute_url())

    assert texts(response, '//sup[@class="citation"]') == ["[17,29]"]
    assert not tree(response).xpath('//a[@href="#ref-19"]')
    assert "missing reference" not in response.content.decode()


def test_editor_sees_missing_reference_as_an_error(client, editor, procedure_with_risks):
    Reference.objects.filter(number=29).delete()
    client.force_login(editor)
    content = PageContent.objects.get(page=procedure_with_risks[0])
    draft = editing.start_draft(client, content)

    response = client.get(editing.edit_url(draft))

    assert response.status_code == 200
    assert texts(response, '//*[@class="editor-error"]') == ["[missing reference 29]"]


@pytest.mark.parametrize(
    "numbers, error",
    [
        ("17, 99", "There is no reference 99 in the reference library."),
        ("98,99", "There are no references 98, 99 in the reference library."),
        ("17;19", "Enter reference numbers separated by commas, e.g. 17, 19, 29."),
        ("", "Choose at least one reference."),
        ("seventeen", "Enter reference numbers separated by commas, e.g. 17, 19, 29."),
    ],
)
def test_citation_form_rejects_unknown_or_malformed_numbers(references, numbers, error):
    form = CitationForm(data={"numbers": numbers})

    assert not form.is_valid()
    assert form.errors["numbers"] == [error]


def test_citation_form_normalises_numbers(references):
    form = CitationForm(data={"numbers": " 29, 17 ,17"})

    assert form.is_valid()
    assert form.cleaned_data["numbers"] == "29,17"


def test_editing_a_citation_with_an_unknown_number_is_a_form_error(
    client, editor, procedure_with_risks
):
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=procedure_with_risks[0]))
    citation = next(p for p in editing.plugins_of(draft) if isinstance(p, Citation))

    response = editing.edit_plugin(client, citation, numbers="17, 404")

    assert response.status_code == 200
    assert "There is no reference 404 in the reference library." in response.content.decode()
    citation.refresh_from_db()
    assert citation.numbers == "17,19,29"


def test_citation_renders_in_isolation_inside_text(references):
    from django.test import SimpleTestCase

    from tests.rendering import render

    output = render(factories.text("<p>Relief{cite:17,19}.</p>"))

    SimpleTestCase().assertInHTML(
        '<sup class="citation">[<a href="#ref-17" aria-label="Reference 17">17</a>,'
        '<a href="#ref-19" aria-label="Reference 19">19</a>]</sup>',
        output,
    )
