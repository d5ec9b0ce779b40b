"""Create a staff login in one of the editorial roles (`make editor ROLE="Publisher"`)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.core.management.utils import get_random_secret_key

from core import one_time_password
from editorial import conf, roles


class Command(BaseCommand):
    help = "Create a staff user in an editorial role and print a one-time password."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=conf.ROLES)
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        roles.sync_roles()
        password = get_random_secret_key()[:20]
        user = User.objects.create_user(username, email=email, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        one_time_password.issue(user)
        self.stdout.write(f"Created {username!r} as {role}. One-time password: {password}")
        self.stdout.write("It works once: the first login asks its owner to choose their own.")
