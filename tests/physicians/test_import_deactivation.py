"""
NPPES deactivations and reactivations: a deactivated physician leaves the finder
with the reason in their history; a reactivation does not list them again.
"""

from datetime import date

import pytest

from physicians.importing import import_physicians
from physicians.models import Physician
from tests import factories
from tests.physicians.factories import PhysicianFactory, npi_for
from tests.physicians.nppes import nppes_row, write_nppes

pytestmark = pytest.mark.django_db


def run(path, **kwargs):
    with path.open("rb") as handle:
        return import_physicians(file=handle, **kwargs)


def deactivated_row(npi: str, on: str) -> dict:
    """As the real file has them: blank apart from the NPI and the deactivation date."""
    row = dict.fromkeys(nppes_row(), "")
    row.update({"NPI": npi, "NPI Deactivation Date": on})
    return row


def reasons(physician) -> list[str]:
    return [entry.history_change_reason for entry in physician.history.order_by("history_id")]


def test_a_deactivated_npi_unlists_the_physician_and_says_why(tmp_path):
    listed = PhysicianFactory(npi=npi_for(1), is_listed=True)
    PhysicianFactory(npi=npi_for(2), is_listed=True)
    path = write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "05/01/2026")])

    report = run(path)
    listed.refresh_from_db()

    assert not listed.is_listed
    assert listed.deactivated_on == date(2026, 5, 1)
    assert reasons(listed)[-1] == "Deactivated in NPPES on May 1, 2026"
    assert report.deactivated == 1
    assert "1 deactivated in NPPES (unlisted), 0 reactivated" in report.summary()
    assert set(Physician.objects.listed().values_list("npi", flat=True)) == {npi_for(2)}


def test_a_deactivated_npi_the_directory_does_not_hold_is_skipped(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "05/01/2026")])

    report = run(path)

    assert report.skipped == {"deactivated NPI": 1}
    assert not Physician.objects.exists()


def test_the_same_deactivation_again_does_not_overrule_a_data_manager(tmp_path):
    physician = PhysicianFactory(npi=npi_for(1), is_listed=True)
    path = write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "05/01/2026")])
    run(path)
    Physician.objects.filter(pk=physician.pk).update(is_listed=True)  # the manager's decision

    report = run(path)
    physician.refresh_from_db()

    assert (report.deactivated, report.unchanged) == (0, 1)
    assert physician.is_listed


def test_a_reactivation_is_counted_and_leaves_the_physician_unlisted(tmp_path):
    physician = PhysicianFactory(npi=npi_for(1), is_listed=True)
    run(write_nppes(tmp_path / "may.csv", [deactivated_row(npi_for(1), "05/01/2026")]))
    back = nppes_row(npi=npi_for(1), deactivated="05/01/2026", reactivated="06/15/2026")

    report = run(write_nppes(tmp_path / "june.csv", [back]))
    physician.refresh_from_db()

    assert (report.reactivated, report.updated) == (1, 0)
    assert "0 deactivated in NPPES (unlisted), 1 reactivated (left unlisted)" in report.summary()
    assert physician.deactivated_on is None
    assert not physician.is_listed
    assert physician.last_name == "O'Neil-Smith"  # the rest of the row is applied
    assert reasons(physician)[-1] == (
        "Reactivated in NPPES on June 15, 2026; left unlisted until a data manager lists them"
    )
    assert run(write_nppes(tmp_path / "june.csv", [back])).reactivated == 0


def test_a_reactivation_older_than_the_deactivation_still_deactivates(tmp_path):
    physician = PhysicianFactory(npi=npi_for(1), is_listed=True)
    row = nppes_row(npi=npi_for(1), deactivated="01/01/2026", reactivated="06/01/2025")

    report = run(write_nppes(tmp_path / "npidata.csv", [row]))
    physician.refresh_from_db()

    assert report.deactivated == 1
    assert physician.deactivated_on == date(2026, 1, 1)


def test_a_deactivation_date_that_is_not_a_date_is_an_invalid_row(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "2026-05-01")])

    report = run(path, skip_invalid=True)

    assert report.errors == [(2, "date '2026-05-01' is not MM/DD/YYYY")]


def test_the_history_page_shows_the_reason(client, tmp_path):
    physician = PhysicianFactory(npi=npi_for(1), is_listed=True)
    run(write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "05/01/2026")]))
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))

    response = client.get(f"/admin/physicians/physician/{physician.pk}/history/")

    assert "Deactivated in NPPES on May 1, 2026" in response.content.decode()


def test_a_data_manager_finds_deactivated_physicians_and_lists_one_again(client, tmp_path):
    physician = PhysicianFactory(npi=npi_for(1), last_name="Zebedee", is_listed=True)
    PhysicianFactory(npi=npi_for(2), last_name="Active", is_listed=True)
    path = write_nppes(tmp_path / "npidata.csv", [deactivated_row(npi_for(1), "05/01/2026")])
    run(path)
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))

    found = client.get("/admin/physicians/physician/", {"deactivated_on__isnull": "False"})
    client.post(
        "/admin/physicians/physician/",
        {"action": "list_physicians", "_selected_action": [physician.pk]},
    )
    run(path)  # next month's file says the same
    physician.refresh_from_db()

    assert "Zebedee" in found.content.decode() and "Active" not in found.content.decode()
    assert physician.is_listed
    assert reasons(physician)[-1] == "Listed in the finder"
