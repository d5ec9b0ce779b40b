"""
import_physicians: NPPES and portal CSVs, skips, per-line errors, all-or-nothing,
--skip-invalid, and re-imports that change nothing.
"""

import io

import pytest

from physicians import importing
from physicians.geocoding import zip_centroid
from physicians.importing import ImportFailed, import_physicians
from physicians.models import Physician
from tests.physicians.factories import npi_for
from tests.physicians.nppes import nppes_row, portal_row, write_nppes, write_portal

pytestmark = pytest.mark.django_db


def run(path, **kwargs):
    with path.open("rb") as handle:  # as the command and the admin pass it
        return import_physicians(file=handle, **kwargs)


def specialty_codes(physician) -> set[str]:
    return set(physician.specialties.values_list("code", flat=True))


def test_nppes_individuals_are_imported_tidied_and_placed_at_their_zip(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row()])

    report = run(path)
    physician = Physician.objects.get(npi="1234567893")

    assert (report.format, report.rows, report.created) == ("NPPES", 1, 1)
    assert physician.full_name == "Mary O'Neil-Smith"
    assert physician.credentials == "M.D."
    assert physician.address == "123 Main St NE, Ste 200"
    assert (physician.city, physician.state, physician.zip_code) == (
        "Minneapolis",
        "MN",
        "55432-1234",
    )
    assert physician.phone == "612-555-0100"
    assert physician.point == zip_centroid("55432")
    assert specialty_codes(physician) == {"207X00000X"}  # the student code is not kept
    assert not physician.is_listed  # NPPES rows wait for the physician to opt in


def test_organisations_deactivated_and_irrelevant_npis_are_skipped(tmp_path):
    rows = [
        nppes_row(npi=npi_for(1)),
        nppes_row(npi=npi_for(2), entity="2"),
        # Deactivated NPIs are blank apart from the NPI and the date, as in the real file.
        {**dict.fromkeys(nppes_row()), "NPI": npi_for(3), "NPI Deactivation Date": "05/01/2020"},
        nppes_row(npi=npi_for(4), deactivated="01/01/2019", reactivated="06/01/2019"),
        nppes_row(npi=npi_for(5), deactivated="01/01/2021", reactivated="06/01/2019"),
        nppes_row(npi=npi_for(6), taxonomy_1="122300000X"),  # a dentist
        nppes_row(npi=npi_for(7), country="CA"),
    ]
    path = write_nppes(tmp_path / "npidata.csv", [{k: v or "" for k, v in r.items()} for r in rows])

    report = run(path)

    assert set(Physician.objects.values_list("npi", flat=True)) == {npi_for(1), npi_for(4)}
    assert report.skipped == {
        "organization (entity type 2)": 1,
        "deactivated NPI": 2,
        "no finder specialty": 1,
        "practice outside the US": 1,
    }
    assert report.error_count == 0


def invalid_file(tmp_path):
    rows = [
        nppes_row(npi=npi_for(1)),  # line 2
        nppes_row(npi="1234567890"),  # line 3: wrong check digit
        nppes_row(npi=npi_for(3), line1="1 FIRST ST\nBUILDING B"),  # lines 4-5: fine
        nppes_row(npi=npi_for(4), last_name=""),  # line 6
        nppes_row(npi=npi_for(5), zip="5543"),  # line 7
        nppes_row(npi=npi_for(6), state="ZZ"),  # line 8
        nppes_row(npi=npi_for(7), entity="X"),  # line 9
        nppes_row(npi=npi_for(8), city="Z" * 101),  # line 10
        nppes_row(npi=npi_for(1)),  # line 11: the same NPI twice
    ]
    return write_nppes(tmp_path / "npidata.csv", rows)


EXPECTED_ERRORS = [
    (3, "NPI '1234567890': This NPI's check digit is wrong"),
    (6, "Provider Last Name is empty"),
    (7, "ZIP code '5543' is not 5 or 9 digits"),
    (8, "state 'ZZ' is not a US state"),
    (9, "Entity Type Code must be 1 or 2, not 'X'"),
    (10, "city is longer than 100 characters"),
    (11, f"NPI {npi_for(1)} is also on line 2"),
]


def assert_errors(errors):
    assert [line for line, _ in errors] == [line for line, _ in EXPECTED_ERRORS]
    for (_, reason), (_, expected) in zip(errors, EXPECTED_ERRORS, strict=True):
        assert reason.startswith(expected)


def test_any_invalid_row_means_nothing_is_imported(tmp_path):
    with pytest.raises(ImportFailed) as caught:
        run(invalid_file(tmp_path))

    assert "7 invalid rows, so nothing was imported" in str(caught.value)
    assert_errors(caught.value.report.errors)
    assert not Physician.objects.exists()


def test_skip_invalid_imports_the_rest_and_reports_each_line(tmp_path):
    report = run(invalid_file(tmp_path), skip_invalid=True)

    assert_errors(report.errors)
    assert report.saved
    assert set(Physician.objects.values_list("npi", flat=True)) == {npi_for(1), npi_for(3)}
    assert Physician.objects.get(npi=npi_for(3)).address_line1 == "1 First St Building B"


def test_importing_the_same_file_again_changes_nothing(tmp_path):
    rows = [nppes_row(npi=npi_for(n), taxonomy_2="2085R0204X") for n in range(30)]
    path = write_nppes(tmp_path / "npidata.csv", rows)
    run(path)
    before = list(Physician.objects.order_by("npi").values())
    specialties_before = list(Physician.specialties.through.objects.values().order_by("id"))

    report = run(path)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 30)
    assert list(Physician.objects.order_by("npi").values()) == before
    assert list(Physician.specialties.through.objects.values().order_by("id")) == (
        specialties_before
    )


def test_reimport_updates_what_changed_and_keeps_the_listing(tmp_path):
    path = write_nppes(tmp_path / "a.csv", [nppes_row(), nppes_row(npi=npi_for(1))])
    run(path)
    Physician.objects.filter(npi="1234567893").update(is_listed=True, practice_name="Kept")
    moved = nppes_row(zip="55101", city="SAINT PAUL", taxonomy_1="2085R0204X")

    report = run(write_nppes(tmp_path / "b.csv", [moved, nppes_row(npi=npi_for(1))]))
    physician = Physician.objects.get(npi="1234567893")

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert (physician.city, physician.zip_code) == ("Saint Paul", "55101")
    assert physician.point == zip_centroid("55101")
    assert specialty_codes(physician) == {"2085R0204X"}
    assert physician.is_listed
    assert physician.practice_name == "Kept"


def test_portal_csv_sets_listing_specialties_and_coordinates(tmp_path):
    rows = [
        portal_row(),
        portal_row(npi=npi_for(1), listed="no", accepting_new_patients="NO", specialties=""),
        portal_row(npi=npi_for(2), latitude="45.0", longitude="-93.0"),
    ]

    report = run(write_portal(tmp_path / "portal.csv", rows))
    mary, unlisted, placed = (
        Physician.objects.get(npi=n) for n in ("1234567893", npi_for(1), npi_for(2))
    )

    assert (report.format, report.created) == ("portal", 3)
    assert mary.is_listed and mary.accepting_new_patients
    assert specialty_codes(mary) == {"207X00000X", "2085R0204X"}
    assert mary.practice_name == "Smith Spine Care"
    assert not unlisted.is_listed and not unlisted.accepting_new_patients
    assert specialty_codes(unlisted) == set()
    assert (placed.latitude, placed.longitude) == (45.0, -93.0)
    assert (run(write_portal(tmp_path / "portal.csv", rows)).unchanged) == 3


def test_portal_csv_row_errors(tmp_path):
    rows = [
        portal_row(specialties="207X00000X;NOTACODE"),
        portal_row(npi=npi_for(1), listed="maybe"),
        portal_row(npi=npi_for(2), latitude="north", longitude="-93"),
        portal_row(npi=npi_for(3), latitude="95", longitude="-93"),
    ]

    with pytest.raises(ImportFailed) as caught:
        run(write_portal(tmp_path / "portal.csv", rows))

    assert caught.value.report.errors == [
        (2, "unknown specialty code NOTACODE"),
        (3, "listed must be yes or no, not 'maybe'"),
        (4, "latitude and longitude must both be decimal numbers"),
        (5, "latitude or longitude is out of range"),
    ]


def test_portal_csv_may_leave_out_optional_columns(tmp_path):
    required = ["npi", "first_name", "last_name", "address_line1", "city", "state", "zip_code"]
    run(write_portal(tmp_path / "full.csv", [portal_row(listed="no")]))

    report = run(write_portal(tmp_path / "short.csv", [portal_row(city="Fridley")], required))
    physician = Physician.objects.get()

    assert report.updated == 1
    assert physician.city == "Fridley"
    assert not physician.is_listed  # not in the file, so left alone
    assert specialty_codes(physician) == {"207X00000X", "2085R0204X"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("name,address\nx,y\n", "unknown format"),
        ("", "unknown format"),
        ("NPI,Entity Type Code\n1234567893,1\n", "NPPES file is missing columns"),
        ("npi,first_name\n1234567893,Mary\n", "portal file is missing columns"),
    ],
)
def test_files_that_are_not_physician_lists_are_refused(content, reason):
    with pytest.raises(ImportFailed, match=reason):
        import_physicians(file=io.StringIO(content))


def test_a_line_that_is_not_utf8_is_an_invalid_row(tmp_path):
    path = write_portal(tmp_path / "portal.csv", [portal_row()])
    path.write_bytes(path.read_bytes().replace(b"Mary", b"M\xe4ry"))

    with pytest.raises(ImportFailed) as caught:
        run(path)

    assert caught.value.report.errors == [(2, "is not UTF-8 text (byte 0xe4)")]
    assert not Physician.objects.exists()


def test_a_nul_byte_is_an_invalid_row_and_the_rest_can_be_imported(tmp_path):
    rows = [portal_row(npi=npi_for(n)) for n in range(3)]
    path = write_portal(tmp_path / "portal.csv", rows)
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"Mary", b"Ma\x00ry")
    path.write_bytes(b"\n".join(lines))

    with pytest.raises(ImportFailed) as caught:
        run(path)
    report = run(path, skip_invalid=True)

    assert caught.value.report.errors == [(3, "contains a NUL byte")]
    assert (report.created, report.error_count) == (2, 1)
    assert set(Physician.objects.values_list("first_name", flat=True)) == {"Mary"}


@pytest.mark.parametrize("bad", [b"\xe4", b"\x00"], ids=["not UTF-8", "NUL"])
def test_a_bad_byte_is_reported_on_its_physical_line(tmp_path, bad):
    """Rows with line breaks inside quoted fields come first, and the file is far longer
    than one read-ahead chunk: the line is where an editor shows the byte."""
    rows = [portal_row(npi=npi_for(n), address_line2="Suite 1\nBuilding B") for n in range(98)]
    rows += [portal_row(npi=npi_for(n)) for n in range(98, 1500)]
    path = write_portal(tmp_path / "portal.csv", rows)
    lines = path.read_bytes().split(b"\n")
    lines[1501] = lines[1501].replace(b"Mary", b"M" + bad + b"ry")  # CSV record 1,404, line 1,502
    path.write_bytes(b"\n".join(lines))

    with pytest.raises(ImportFailed) as caught:
        run(path)

    assert [line for line, _ in caught.value.report.errors] == [1502]
    assert caught.value.report.rows == 1500


def test_a_bad_byte_in_the_header_refuses_the_file(tmp_path):
    path = write_portal(tmp_path / "portal.csv", [portal_row()])
    path.write_bytes(path.read_bytes().replace(b"city", b"ci\x00ty", 1))

    with pytest.raises(ImportFailed, match="^line 1: the header contains a NUL byte$"):
        run(path)


def test_text_lines_and_a_byte_order_mark_are_read_too():
    header = "\ufeffnpi,first_name,last_name,address_line1,city,state,zip_code\n"

    report = import_physicians(
        file=[header, "1234567893,Mary,Smith,123 Main St,Minneapolis,MN,55432\n"]
    )

    assert (report.format, report.created) == ("portal", 1)


def test_rows_are_read_and_written_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 4)
    rows = [nppes_row(npi=npi_for(n)) for n in range(10)]
    seen = []

    lines = iter(write_nppes(tmp_path / "npidata.csv", rows).read_text().splitlines(True))
    report = import_physicians(file=lines, progress=seen.append)

    assert report.created == 10
    assert seen == [4, 8, 10]
