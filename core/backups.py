"""
Backups of the PostgreSQL database and the uploaded media, and their restore.

A backup is a folder ``<PORTAL_BACKUP_DIR>/<UTC timestamp>/`` holding
``database.dump`` (``pg_dump -Fc``: one consistent snapshot, taken while the
site keeps serving), ``media/`` (a copy of MEDIA_ROOT) and ``manifest.json``
(what, when, from where, with checksums). It is written under a temporary
name and renamed when complete, so a half-written backup never looks usable.

A restore goes into an empty database only: restoring over live data would
mix two sites. The connection parameters come from DATABASE_URL and reach
pg_dump and pg_restore as libpq environment variables, never on the command
line where other users could read the password.
"""

import hashlib
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from core import conf
from core.signals import database_restored

DUMP_NAME = "database.dump"
MEDIA_NAME = "media"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1


class BackupError(Exception):
    """A backup or restore cannot go ahead; the message is one line for the operator."""


def _postgres_env() -> dict[str, str]:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        raise BackupError(
            "DATABASE_URL is not PostgreSQL: backup and restore need postgres://... "
            f"(got {connection.vendor})."
        )
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command: list[str], *, env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools).") from exc
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise BackupError(f"{command[0]} failed: {detail}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def backup(*, output_dir: Path | None = None) -> Path:
    """Write a new backup folder and return its path."""
    env = _postgres_env()
    output_dir = Path(output_dir or conf.BACKUP_DIR)
    created = datetime.now(tz=UTC)
    target = output_dir / created.strftime("%Y%m%dT%H%M%SZ")
    if target.exists():
        raise BackupError(f"{target} already exists; wait a second and run it again.")
    partial = output_dir / f".{target.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        dump = partial / DUMP_NAME
        _run(["pg_dump", "--format=custom", f"--file={dump}"], env=env)
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.is_dir():
            shutil.copytree(media_root, partial / MEDIA_NAME)
        else:
            (partial / MEDIA_NAME).mkdir()
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": created.isoformat(),
            "database": {
                "name": connection.settings_dict["NAME"],
                "host": connection.settings_dict.get("HOST") or "local socket",
                "server_version": connection.pg_version,
            },
            "dump": {"file": DUMP_NAME, "bytes": dump.stat().st_size, "sha256": _sha256(dump)},
            "media": {"files": len(_media_files(partial / MEDIA_NAME))},
        }
        (partial / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def read_manifest(path: Path) -> dict:
    manifest_path = Path(path) / MANIFEST_NAME
    if not manifest_path.is_file():
        raise BackupError(f"{path} is not a backup folder (no {MANIFEST_NAME}).")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{manifest_path} has an unknown format: {manifest.get('format')!r}.")
    dump = Path(path) / manifest["dump"]["file"]
    if not dump.is_file() or _sha256(dump) != manifest["dump"]["sha256"]:
        raise BackupError(f"{dump} is missing or does not match its checksum in the manifest.")
    return manifest


def restore(*, path: Path) -> dict:
    """Restore the backup at `path` into the (empty) database of DATABASE_URL."""
    env = _postgres_env()
    path = Path(path)
    manifest = read_manifest(path)
    tables = connection.introspection.table_names()
    name = connection.settings_dict["NAME"]
    if tables:
        raise BackupError(
            f"Database {name} is not empty ({len(tables)} tables); "
            "restore only into a new, empty database."
        )
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={name}",
            str(path / manifest["dump"]["file"]),
        ],
        env=env,
    )
    media = path / MEDIA_NAME
    if media.is_dir():
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    # A restore is how a team pulls back harmful content: nothing cached may outlive it.
    database_restored.send(sender=restore, manifest=manifest)
    return manifest
