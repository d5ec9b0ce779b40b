"""`make restore BACKUP=...`: restore a backup folder into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a folder written by `manage.py backup` into the empty DATABASE_URL database."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A backup folder, e.g. var/backups/<stamp>.")

    def handle(self, *args, path, **options):
        self.stdout.write(f"Restoring {path}...")
        try:
            manifest = restore(path=path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['database']['name']} taken "
                f"{manifest['created_at']} ({manifest['media']['files']} media files)."
            )
        )
