"""
Rows the finder cannot place are skips with a reason, not failures of a strict
import: military (APO/FPO/DPO) addresses and ZIP codes without coordinates.
Malformed rows stay invalid.
"""

import pytest

from physicians.importing import ImportFailed, import_physicians
from physicians.models import Physician
from tests.physicians.factories import npi_for
from tests.physicians.nppes import nppes_row, portal_row, write_nppes, write_portal

pytestmark = pytest.mark.django_db

MILITARY = "military address (APO/FPO/DPO)"


def run(path, **kwargs):
    with path.open("rb") as handle:
        return import_physicians(file=handle, **kwargs)


def test_military_addresses_and_unplaceable_zips_are_skipped_by_a_strict_import(tmp_path):
    rows = [
        nppes_row(npi=npi_for(1)),
        nppes_row(npi=npi_for(2), state="AE", zip="09001", city="APO"),
        nppes_row(npi=npi_for(3), state="AP", zip="96507", city="FPO"),
        nppes_row(npi=npi_for(4), state="AA", zip="34001", city="DPO"),
        nppes_row(npi=npi_for(5), state="NY", zip="09012"),  # a military ZIP, whatever the state
        nppes_row(npi=npi_for(6), zip="00000"),  # well formed, not in the ZIP data
    ]

    report = run(write_nppes(tmp_path / "npidata.csv", rows))

    assert report.saved and report.error_count == 0
    assert report.skipped == {MILITARY: 4, "ZIP code without coordinates": 1}
    assert "5 skipped (1 ZIP code without coordinates, 4 military address" in report.summary()
    assert list(Physician.objects.values_list("npi", flat=True)) == [npi_for(1)]


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"state": "ZZ"}, "state 'ZZ' is not a US state or territory code"),
        ({"zip": "9001"}, "ZIP code '9001' is not 5 or 9 digits"),
        ({"zip": "0900A"}, "ZIP code '0900A' is not 5 or 9 digits"),
    ],
)
def test_malformed_addresses_are_still_invalid(tmp_path, overrides, reason):
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row(**overrides)])

    with pytest.raises(ImportFailed) as caught:
        run(path)

    assert caught.value.report.errors == [(2, reason)]


def test_a_curated_row_with_an_unknown_zip_is_invalid_unless_it_gives_coordinates(tmp_path):
    rows = [
        portal_row(npi=npi_for(1), zip_code="00000"),
        portal_row(npi=npi_for(2), zip_code="00000", latitude="45.0", longitude="-93.0"),
        portal_row(npi=npi_for(3), state="AE", zip_code="09001"),
    ]

    report = run(write_portal(tmp_path / "portal.csv", rows), skip_invalid=True)

    assert report.errors == [(2, "ZIP code 00000 is not in the ZIP code data")]
    assert report.skipped == {MILITARY: 1}
    assert Physician.objects.get().npi == npi_for(2)
