"""Enrol an authenticator app (TOTP) for a staff member, for use at the admin login."""

import io

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for USERNAME and print its otpauth:// URI (and, with --qr, a QR "
        "code) to scan with an authenticator app. From then on the login asks for its code."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app", help="Label for the device.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the user's existing TOTP devices first (a lost phone).",
        )
        parser.add_argument("--qr", action="store_true", help="Also print a terminal QR code.")

    def handle(self, *args, username, name, replace, qr, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError(
                f"{username} already has a TOTP device; use --replace to enrol a new one."
            )
        existing.delete()
        # Confirmed at once: whoever can run manage.py hands the secret over in person.
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(f"Enrolled a TOTP device for {username}. Scan or type this URI:")
        self.stdout.write(device.config_url)
        if qr:
            buffer = io.StringIO()
            segno.make(device.config_url).terminal(out=buffer, compact=True)
            self.stdout.write(buffer.getvalue())
        self.stdout.write("Keep it secret: anyone with it can generate this user's codes.")
