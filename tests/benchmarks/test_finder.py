"""The finder benchmark's safety rails and synthetic data (its timings are not tested)."""

import pytest

from benchmarks import finder, finder_data, finder_timing
from physicians.models import Physician
from physicians.npi import is_valid_npi
from tests.physicians.factories import PhysicianFactory

pytestmark = pytest.mark.django_db


def test_it_needs_an_explicit_postgresql_database(monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)

    assert finder.main(["--rows", "10"]) == 2
    assert "set DATABASE_URL" in capsys.readouterr().err


def test_it_refuses_a_database_with_real_physicians(capsys):
    PhysicianFactory()

    assert finder_data.prepare(rows=10, seed=1) == 2
    assert "holds real physicians" in capsys.readouterr().err
    assert Physician.objects.count() == 1


def test_synthetic_rows_are_marked_and_only_they_are_deleted():
    demo = PhysicianFactory(is_demo=True, npi="3000000001")
    done = []

    finder_data.load(start=0, stop=30, seed=1, progress=done.append)
    rows = list(finder_data.benchmark_rows())

    assert done == [30]
    assert len(rows) == 30
    assert all(p.is_demo and p.npi.startswith("4") and is_valid_npi(p.npi) for p in rows)
    assert all(p.specialties.exists() for p in rows)
    # The bits the loader writes are the ones the join table's triggers keep.
    assert all(p.specialty_bits == 1 << p.specialties.get().bit for p in rows)
    assert finder_data.delete_all() == 30
    assert list(Physician.objects.all()) == [demo]


def test_prepare_loads_once_and_reuses_the_rows(capsys):
    assert finder_data.prepare(rows=25, seed=1) == 0
    first = set(finder_data.benchmark_rows().values_list("npi", flat=True))
    assert finder_data.prepare(rows=25, seed=1) == 0

    assert "already loaded" in capsys.readouterr().out
    assert set(finder_data.benchmark_rows().values_list("npi", flat=True)) == first


def test_percentiles_are_nearest_rank():
    times = [float(n) for n in range(1, 21)]

    assert finder_timing.percentiles(times) == {"p50_ms": 10.5, "p95_ms": 19.0}
