"""
Each saved state of a reference's versions is kept: who saved it, when and the values, on
the reference's History page. Restoring goes through versioning (a revert makes a draft),
so the History page itself changes nothing.
"""

import pytest
from django.urls import reverse

from editorial import conf
from pages.models import Reference, ReferenceContent
from tests import factories
from tests.editing import admin_form_data, start_draft
from tests.html import texts

pytestmark = pytest.mark.django_db

CORRECTED = "The FREE trial, corrected title"


def correct_title(client, title=CORRECTED) -> ReferenceContent:
    draft = start_draft(client, ReferenceContent.objects.get(reference__number=17))
    url = reverse("admin:pages_reference_change", args=[draft.reference_id])
    data = admin_form_data(client.get(url).context["adminform"].form)
    data["content__title"] = title
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:500]
    return draft


def history_rows(client, reference) -> list[str]:
    response = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))
    assert response.status_code == 200
    return [" ".join(texts(response, f"{row}//*")) for row in _rows(response)]


def _rows(response) -> list[str]:
    count = len(texts(response, '//table[@id="change-history"]/tbody/tr/th'))
    return [f'//table[@id="change-history"]/tbody/tr[{n}]' for n in range(1, count + 1)]


def test_each_save_records_the_editor_and_the_values(client, editor, references):
    reference = Reference.objects.get(number=17)
    original = ReferenceContent.objects.get(reference=reference).title
    client.force_login(editor)

    draft = correct_title(client)

    latest = ReferenceContent.history.filter(id=draft.pk).first()
    assert (latest.title, latest.history_user, latest.history_type) == (CORRECTED, editor, "~")
    rows = history_rows(client, reference)
    assert CORRECTED in rows[0] and "editor" in rows[0]
    assert any(original in row for row in rows[1:])  # version 1, as it was published


def test_a_reviewer_reads_the_history(client, editor, references):
    client.force_login(editor)
    correct_title(client)
    client.force_login(factories.staff_in_role(conf.ROLE_REVIEWER, "rita-reviewer"))

    rows = history_rows(client, Reference.objects.get(number=17))

    assert CORRECTED in rows[0]


def test_history_needs_the_right_to_view_references(client, references):
    client.force_login(factories.UserFactory(is_staff=True, username="no-rights"))
    reference = Reference.objects.get(number=17)

    response = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))

    assert response.status_code == 403


def test_the_history_page_is_signposted_like_the_rest_of_the_admin(client, editor, references):
    reference = Reference.objects.get(number=17)
    client.force_login(editor)

    page = client.get(reverse("admin:pages_reference_history", args=[reference.pk]))
    crumbs = texts(page, '//div[@class="breadcrumbs"]/a')

    assert crumbs == ["Home", "Patient pages", "References", str(reference)]
