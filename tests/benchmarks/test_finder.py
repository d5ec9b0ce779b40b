"""The finder benchmark's safety rails and synthetic data (its timings are not tested)."""

import pytest

from benchmarks import finder, finder_data
from physicians.models import Physician
from physicians.npi import is_valid_npi
from tests.physicians.factories import PhysicianFactory

pytestmark = pytest.mark.django_db


def test_it_needs_an_explicit_database(monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)

    assert finder.main(["--rows", "10"]) == 2
    assert "set DATABASE_URL" in capsys.readouterr().err


def test_it_refuses_a_database_with_real_physicians(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "postgres://example/any")  # settings are already loaded
    PhysicianFactory()

    assert finder.main(["--rows", "10", "--small", "10", "--origins", "5"]) == 2
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
    assert finder_data.delete_all() == 30
    assert list(Physician.objects.all()) == [demo]
