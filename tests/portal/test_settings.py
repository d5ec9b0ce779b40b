"""Start-up refuses unsafe or broken configuration with one readable line."""

from tests.processes import manage


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", DEBUG="false", SECRET_KEY="")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SECRET_KEY must be set when DEBUG is off (see .env.example)."
    ]


def test_production_starts_with_a_secret_key():
    result = manage("check", DEBUG="false", SECRET_KEY="x" * 50, DATABASE_URL="sqlite:///:memory:")

    assert result.returncode == 0, result.stderr


def test_unknown_database_scheme_names_the_variable():
    result = manage("check", DEBUG="true", DATABASE_URL="mongodb://localhost/portal")

    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in result.stderr


def test_unreachable_database_names_the_variable():
    result = manage(
        "migrate", "--check", DEBUG="true", DATABASE_URL="postgres://nobody@127.0.0.1:9/none"
    )

    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in result.stderr
