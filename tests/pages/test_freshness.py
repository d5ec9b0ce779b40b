"""
Edits by staff reach visitors at the next request although pages are cached:
a reference correction published, and a page edited and published.
"""

import pytest
from cms.models import PageContent
from django.urls import reverse

from pages.models import ReferenceContent
from tests import editing
from tests.editing import admin_form_data
from tests.html import texts, tree

pytestmark = pytest.mark.django_db


def test_reference_correction_shows_on_citing_pages_once_published(
    client, editor, procedure_with_risks
):
    page = procedure_with_risks[0]
    assert "2009" in texts(client.get(page.get_absolute_url()), '//li[@id="ref-17"]')[0]
    client.force_login(editor)
    draft = editing.start_draft(client, ReferenceContent.objects.get(reference__number=17))
    change_url = reverse("admin:pages_reference_change", args=[draft.reference_id])
    data = admin_form_data(client.get(change_url).context["adminform"].form)
    data.update(content__title="The FREE trial, corrected title", content__pmid="19246088")
    assert client.post(change_url, data).status_code == 302

    editing.approve_and_publish(client, ReferenceContent.admin_manager.get(pk=draft.pk))
    client.logout()

    entry = texts(client.get(page.get_absolute_url()), '//li[@id="ref-17"]')[0]
    assert "The FREE trial, corrected title" in entry


def test_withdrawn_reference_disappears_from_citing_pages(client, editor, procedure_with_risks):
    page = procedure_with_risks[1]
    assert texts(client.get(page.get_absolute_url()), '//sup[@class="citation"]') == ["[17,19,29]"]
    client.force_login(editor)
    content = ReferenceContent.objects.get(reference__number=29)

    withdrawn = client.post(editing.version_action_url(content, "unpublish"))
    client.logout()

    assert withdrawn.status_code == 302
    response = client.get(page.get_absolute_url())
    assert texts(response, '//sup[@class="citation"]') == ["[17,19]"]
    assert not tree(response).xpath('//li[@id="ref-29"]')


def test_page_edited_and_published_shows_at_the_next_request(client, editor, site_tree):
    page = site_tree.procedure
    assert "Procedure text" in texts(client.get(page.get_absolute_url()), "//main//p")
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=page))
    text = editing.plugins_of(draft, "content")[0]
    editing.edit_plugin(client, text, body="<p>Updated after medical review.</p>")

    client.logout()
    assert "Procedure text" in texts(client.get(page.get_absolute_url()), "//main//p")

    client.force_login(editor)
    assert editing.approve_and_publish(client, draft).status_code == 302
    client.logout()
    assert "Updated after medical review." in texts(
        client.get(page.get_absolute_url()), "//main//p"
    )
