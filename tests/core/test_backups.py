"""
`make backup` / `make restore`: nothing is lost between them.

The round trip compares every table in the database (row count and a checksum
of its ordered rows) and every sequence, so tables added by later models are
covered without touching this test. It needs PostgreSQL and creates and drops
its own scratch database next to pytest-django's test database.
"""

import subprocess
from io import StringIO
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories, processes
from tests.processes import postgres_url

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def manage(*args: str, database_url: str, **env: str) -> subprocess.CompletedProcess:
    return processes.manage(*args, DEBUG="true", DATABASE_URL=database_url, **env)


@pytest.mark.parametrize("command", [["backup"], ["restore", "var/backups/x"]])
def test_backup_and_restore_refuse_sqlite_with_one_line(command):
    result = manage(*command, database_url="sqlite:///:memory:")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "CommandError: DATABASE_URL is not PostgreSQL: backup and restore need postgres://... "
        "(got sqlite)."
    ]


def admin_connection():
    db = connection.settings_dict
    conn = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )
    conn.autocommit = True
    return conn


@pytest.fixture
def scratch_database():
    name = f"{connection.settings_dict['NAME']}_restore"

    def execute(sql: str) -> None:
        admin = admin_connection()  # CREATE/DROP DATABASE cannot run in a transaction
        try:
            with admin.cursor() as cursor:
                cursor.execute(sql)
        finally:
            admin.close()

    execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    execute(f'CREATE DATABASE "{name}"')
    yield name
    execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def snapshot(cursor) -> dict[str, tuple]:
    """Row count and checksum of the ordered rows of every table, and every sequence."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    tables = [row[0] for row in cursor.fetchall()]
    state = {}
    for table in tables:
        cursor.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
            f'FROM "{table}" AS t'
        )
        state[table] = cursor.fetchone()
    cursor.execute(
        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
    )
    state |= {f"sequence {name}": (value,) for name, value in cursor.fetchall()}
    return state


def make_content(client, editor, media_root: Path) -> None:
    """Something in every kind of table the portal writes to."""
    ContentType.objects.clear_cache()  # ids from before another test's flush are stale
    with transaction.atomic():  # django CMS locks the page tree inside a transaction
        factories.build_site(user=editor)
        Group.objects.get_or_create(name="Publisher")[0].user_set.add(editor)
        TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})  # axes records it
    (media_root / "images").mkdir(parents=True)
    (media_root / "images" / "spine.png").write_bytes(b"\x89PNG not really")


def restore_into(backup, database: str, *, media):
    """`manage.py restore` in a child process, into an empty database and media folder."""
    result = manage(
        "restore", str(backup), database_url=postgres_url(database), MEDIA_ROOT=str(media)
    )
    assert result.returncode == 0, result.stderr
    return media


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="backup and restore need PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_then_restore_into_an_empty_database_loses_nothing(
    client, editor, settings, tmp_path, scratch_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    make_content(client, editor, settings.MEDIA_ROOT)

    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    (backup,) = (tmp_path / "backups").iterdir()
    assert sorted(p.name for p in backup.iterdir()) == ["database.dump", "manifest.json", "media"]

    source_url = postgres_url(connection.settings_dict["NAME"])
    refused = manage("restore", str(backup), database_url=source_url)
    assert refused.returncode != 0
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "is not empty" in refused.stderr

    restored_media = restore_into(backup, scratch_database, media=tmp_path / "restored-media")

    with connection.cursor() as cursor:
        before = snapshot(cursor)
    restored = psycopg2.connect(postgres_url(scratch_database))
    with restored, restored.cursor() as cursor:
        after = snapshot(cursor)
    restored.close()

    model_tables = {
        m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed
    }
    assert model_tables <= set(before), "every model's table is compared"
    for table in ("cms_page", "djangocms_text_text", "otp_totp_totpdevice"):
        assert before[table][0] > 0, f"{table} has content to compare"
    assert after == before
    assert (restored_media / "images" / "spine.png").read_bytes() == b"\x89PNG not really"


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="backup and restore need PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_library_image_comes_back_with_its_file(editor, settings, tmp_path, scratch_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    ContentType.objects.clear_cache()  # ids from before another test's flush are stale
    image = factories.library_image(
        "spine.png",
        folder=factories.library_folder("Illustrations"),
        owner=editor,
        data=factories.png_bytes(64, 48),
    )
    stored = (settings.MEDIA_ROOT / image.file.name).read_bytes()
    assert stored == factories.png_bytes(64, 48)

    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    (backup,) = (tmp_path / "backups").iterdir()
    restored_media = restore_into(backup, scratch_database, media=tmp_path / "restored-media")

    restored = psycopg2.connect(postgres_url(scratch_database))
    with restored, restored.cursor() as cursor:
        cursor.execute(
            "SELECT f.file, f.sha1, f.original_filename, i._width, i._height, folder.name "
            "FROM filer_image AS i JOIN filer_file AS f ON f.id = i.file_ptr_id "
            "JOIN filer_folder AS folder ON folder.id = f.folder_id WHERE f.id = %s",
            [image.pk],
        )
        row = cursor.fetchone()
    restored.close()
    assert row == (image.file.name, image.sha1, "spine.png", 64, 48, "Illustrations")
    assert (restored_media / image.file.name).read_bytes() == stored
