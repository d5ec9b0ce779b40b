"""benchmarks.import_stats refuses anything but a PostgreSQL database (it vacuums and deletes)."""

from benchmarks import import_stats


def test_it_needs_a_postgresql_database_url(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///var/other.sqlite3")

    assert import_stats.main(["--rows", "10"]) == 2
    assert capsys.readouterr().err == "set DATABASE_URL to a scratch PostgreSQL database\n"
