"""`make backup`: dump PostgreSQL and copy media into var/backups/<timestamp>/."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent PostgreSQL dump (pg_dump -Fc) and a copy of MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, help="Parent folder (default: PORTAL_BACKUP_DIR)."
        )

    def handle(self, *args, output_dir=None, **options):
        self.stdout.write("Dumping the database and copying media...")
        try:
            path = backup(output_dir=output_dir)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
