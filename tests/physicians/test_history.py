"""
Every change to a listing is kept: who made it, how (the form, a bulk action,
an import) and what the listing said before, and an earlier state can be restored.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from physicians.models import Physician
from tests.editing import admin_form_data
from tests.physicians.factories import PhysicianFactory
from tests.physicians.nppes import NPPES, nppes_row, write_nppes
from tests.physicians.test_admin import CHANGELIST, IMPORT, staff, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_user():
    return staff("view_physician", "add_physician", "change_physician")


@pytest.fixture
def manager(client, manager_user):
    client.force_login(manager_user)
    return client


def test_an_edit_in_the_form_is_recorded_and_can_be_restored(manager, manager_user):
    physician = PhysicianFactory(phone="612-555-0100")
    url = reverse("admin:physicians_physician_change", args=[physician.pk])
    data = {**admin_form_data(manager.get(url).context["adminform"].form), "phone": "612-555-0199"}
    assert manager.post(url, data).status_code == 302

    latest = physician.history.first()
    assert (latest.phone, latest.history_user) == ("612-555-0199", manager_user)

    before = physician.history.earliest()
    restore_url = reverse(
        "admin:physicians_physician_simple_history", args=[physician.pk, before.pk]
    )
    restore = admin_form_data(manager.get(restore_url).context["adminform"].form)
    assert manager.post(restore_url, restore).status_code == 302
    assert Physician.objects.get(pk=physician.pk).phone == "612-555-0100"


def test_listing_and_unlisting_in_bulk_are_recorded(manager, manager_user):
    shown, hidden = PhysicianFactory(is_listed=True), PhysicianFactory(is_listed=False)
    ids = [shown.pk, hidden.pk]

    manager.post(CHANGELIST, {"action": "unlist_physicians", "_selected_action": ids})

    entry = shown.history.first()
    assert (entry.is_listed, entry.history_user) == (False, manager_user)
    assert entry.history_change_reason == "Removed from the finder"
    assert not hidden.history.filter(history_change_reason__isnull=False).exists(), (
        "a physician the action did not change gets no entry"
    )


def test_imports_are_recorded_with_who_ran_them(
    manager, manager_user, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the upload's job runs on commit
        manager.post(IMPORT, {"file": upload(tmp_path, [nppes_row()])})
    physician = Physician.objects.get()
    path = write_nppes(tmp_path / "again.csv", [nppes_row(**{NPPES["phone"]: "6125550123"})])

    call_command("import_physicians", str(path), stdout=StringIO())

    changed, created = physician.history.all()[:2]
    assert (created.history_type, created.history_user) == ("+", manager_user)
    assert created.history_change_reason == changed.history_change_reason == "CSV import"
    assert changed.history_type == "~" and changed.history_user is None
    assert changed.phone != created.phone


def test_the_history_page_lists_the_changes(manager):
    physician = PhysicianFactory()
    manager.post(CHANGELIST, {"action": "unlist_physicians", "_selected_action": [physician.pk]})

    page = manager.get(reverse("admin:physicians_physician_history", args=[physician.pk]))

    assert page.status_code == 200
    assert "Removed from the finder" in page.content.decode()
