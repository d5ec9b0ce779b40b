"""
References are edited directly, so each change is kept: who, when and the
values before, on the reference's History page, from which an editor can
restore an earlier state that citing pages then show at once.
"""

import pytest
from django.urls import reverse

from editorial import conf
from pages.models import Reference
from tests import factories
from tests.editing import admin_form_data
from tests.html import texts, tree

pytestmark = pytest.mark.django_db

CORRECTED = "The FREE trial, corrected title"


def change_title(client, reference, title):
    url = reverse("admin:pages_reference_change", args=[reference.pk])
    data = admin_form_data(client.get(url).context["adminform"].form)
    data["title"] = title
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:500]


def test_each_change_records_the_editor_and_the_values_before(client, editor, references):
    reference = Reference.objects.get(number=17)
    original = reference.title
    client.force_login(editor)

    change_title(client, reference, CORRECTED)

    latest, before = reference.history.all()[:2]
    assert (latest.title, latest.history_user, latest.history_type) == (CORRECTED, editor, "~")
    assert before.title == original
    page = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))
    assert page.status_code == 200
    assert CORRECTED in page.content.decode() and "editor" in page.content.decode()


def test_restoring_an_earlier_state_shows_on_citing_pages(client, editor, procedure_with_risks):
    page = procedure_with_risks[0]
    reference = Reference.objects.get(number=17)
    original = reference.title
    client.force_login(editor)
    change_title(client, reference, CORRECTED)
    before = reference.history.earliest()

    url = reverse("admin:pages_reference_simple_history", args=[reference.pk, before.pk])
    data = admin_form_data(client.get(url).context["adminform"].form)
    assert data["title"] == original  # the form holds the values of that time
    assert client.post(url, data).status_code == 302
    client.logout()

    entry = texts(client.get(page.get_absolute_url()), '//li[@id="ref-17"]')[0]
    assert original in entry and CORRECTED not in entry
    assert reference.history.count() == 3  # the restore is itself a recorded change


def test_a_reviewer_reads_the_history_but_cannot_restore(client, editor, references):
    reference = Reference.objects.get(number=17)
    client.force_login(editor)
    change_title(client, reference, CORRECTED)
    client.force_login(factories.staff_in_role(conf.ROLE_REVIEWER, "rita-reviewer"))
    before = reference.history.earliest()

    history = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))
    url = reverse("admin:pages_reference_simple_history", args=[reference.pk, before.pk])
    earlier = client.get(url)  # read-only: the values of that time
    restore = client.post(url, admin_form_data(earlier.context["adminform"].form))

    assert history.status_code == earlier.status_code == 200
    assert restore.status_code == 403
    assert Reference.objects.get(pk=reference.pk).title == CORRECTED


def test_history_needs_the_right_to_view_references(client, references):
    client.force_login(factories.UserFactory(is_staff=True, username="no-rights"))
    reference = Reference.objects.get(number=17)

    response = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))

    assert response.status_code == 403


def test_an_uncited_reference_saves_without_a_live_pages_warning(client, editor, site_tree):
    reference = factories.ReferenceFactory(number=40)
    client.force_login(editor)
    url = reverse("admin:pages_reference_change", args=[reference.pk])
    data = {**admin_form_data(client.get(url).context["adminform"].form), "title": CORRECTED}

    saved = client.post(url, data, follow=True)

    assert texts(saved, '//ul[@class="messagelist"]/li[@class="success"]')
    assert not texts(saved, '//ul[@class="messagelist"]/li[@class="warning"]')


def test_the_restore_page_is_signposted_like_the_rest_of_the_admin(client, editor, references):
    reference = Reference.objects.get(number=17)
    client.force_login(editor)
    change_title(client, reference, CORRECTED)

    url = reverse(
        "admin:pages_reference_simple_history",
        args=[reference.pk, reference.history.earliest().pk],
    )
    page = client.get(url)
    crumbs = texts(page, '//div[@class="breadcrumbs"]/a')
    history = tree(page).xpath('//div[@class="breadcrumbs"]/a[last()]/@href')

    assert crumbs == ["Home", "Patient pages", "References", str(reference), "History"]
    assert history == [reverse("admin:pages_reference_history", args=[reference.pk])]
