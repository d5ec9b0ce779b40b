"""
A large import leaves PostgreSQL's planner statistics and visibility map fresh
(physicians.table_statistics); a small one leaves them to autovacuum.
"""

import pytest
from django.db import connection

from physicians import table_statistics
from physicians.importing import import_physicians
from physicians.models import Physician
from tests.physicians.factories import npi_for
from tests.physicians.nppes import nppes_row, write_nppes

ON_POSTGRES = connection.vendor == "postgresql"
needs_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="VACUUM and ANALYZE: PostgreSQL")


def run(path):
    with path.open("rb") as handle:
        return import_physicians(file=handle)


def all_visible_pages() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible, relpages FROM pg_class WHERE oid = %s::regclass",
            [Physician._meta.db_table],
        )
        return cursor.fetchone()


@pytest.fixture
def threshold(monkeypatch):
    monkeypatch.setattr(table_statistics, "MIN_CHANGED_ROWS", 50)


@pytest.mark.django_db
def test_a_small_import_leaves_statistics_to_autovacuum(tmp_path, threshold):
    rows = [nppes_row(npi=npi_for(n)) for n in range(49)]

    assert run(write_nppes(tmp_path / "npidata.csv", rows)).statistics == ""


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_import_vacuums_so_every_page_is_all_visible_again(tmp_path, threshold):
    rows = [nppes_row(npi=npi_for(n)) for n in range(400)]

    report = run(write_nppes(tmp_path / "npidata.csv", rows))
    visible, pages = all_visible_pages()

    assert report.statistics == "VACUUM (ANALYZE)"
    assert pages > 1 and visible == pages


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db
def test_inside_a_callers_transaction_only_analyze_runs(tmp_path, threshold):
    rows = [nppes_row(npi=npi_for(n)) for n in range(60)]

    assert run(write_nppes(tmp_path / "npidata.csv", rows)).statistics == "ANALYZE"
