"""manage.py import_physicians: progress and summary on stdout, one-line failures, exit status."""

import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from physicians.models import Physician
from tests.physicians.factories import PhysicianFactory, npi_for
from tests.physicians.nppes import nppes_row, write_nppes

pytestmark = pytest.mark.django_db


def call(*args):
    out, err = StringIO(), StringIO()
    call_command("import_physicians", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_summary_counts_and_rate(tmp_path):
    path = write_nppes(
        tmp_path / "npidata.csv", [nppes_row(), nppes_row(npi=npi_for(1), entity="2")]
    )

    out, _ = call(path)

    assert "Imported npidata.csv: 2 rows read (NPPES format); 1 created" in out
    assert "1 skipped (1 organization (entity type 2))" in out
    assert "rows/s" in out
    assert Physician.objects.count() == 1


def test_summary_counts_deactivated_and_military_rows(tmp_path):
    PhysicianFactory(npi=npi_for(1), is_listed=True)
    deactivated = {**dict.fromkeys(nppes_row(), ""), "NPI": npi_for(1)}
    deactivated["NPI Deactivation Date"] = "05/01/2026"
    military = nppes_row(npi=npi_for(2), state="AE", zip="09001")
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row(), deactivated, military])

    out, _ = call(path)

    assert "1 deactivated in NPPES (unlisted), 0 reactivated (left unlisted)" in out
    assert "1 skipped (1 military address (APO/FPO/DPO)); 0 invalid." in out
    assert not Physician.objects.get(npi=npi_for(1)).is_listed


def test_invalid_rows_are_listed_and_the_command_fails(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row(), nppes_row(npi="1234567890")])
    err = StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("import_physicians", str(path), stdout=StringIO(), stderr=err)

    assert "1 invalid rows, so nothing was imported" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "line 3: NPI '1234567890'" in err.getvalue()
    assert not Physician.objects.exists()


def test_a_nul_byte_is_a_one_line_row_error(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row(), nppes_row(npi=npi_for(1))])
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"MARY", b"MA\x00RY")
    path.write_bytes(b"\n".join(lines))
    err = StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("import_physicians", str(path), stdout=StringIO(), stderr=err)

    assert str(caught.value) == f"{path}: 1 invalid rows, so nothing was imported " + (
        "(fix them, or import the rest with --skip-invalid)"
    )
    assert err.getvalue() == "  line 3: contains a NUL byte\n"
    assert not Physician.objects.exists()


def test_skip_invalid_saves_the_valid_rows(tmp_path):
    path = write_nppes(tmp_path / "npidata.csv", [nppes_row(), nppes_row(npi="1234567890")])

    out, err = call(path, "--skip-invalid")

    assert "1 created" in out and "1 invalid" in out
    assert "line 3:" in err
    assert Physician.objects.count() == 1


def test_missing_file():
    with pytest.raises(CommandError, match="no-such.csv: no such file"):
        call("no-such.csv")


def test_unknown_format(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,address\nx,y\n")

    with pytest.raises(CommandError, match="unknown format"):
        call(path)


def test_bad_input_exits_non_zero_with_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "import_physicians", str(tmp_path / "missing.csv")],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin"},
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {tmp_path / 'missing.csv'}: no such file"
    ]
