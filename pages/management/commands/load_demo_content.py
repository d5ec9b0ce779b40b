"""Load the demo site: page tree, site notices, and each app's own demo. Safe to run again."""

from cms.signals.apphook import trigger_restart
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pages import demo

FIXTURES = ("references", "notices", "safety", "sequences", "pages")


class Command(BaseCommand):
    help = "Load the demo pages and notices from fixtures/demo (skips what exists)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete all pages, aliases and references first, then load the demo afresh.",
        )

    def handle(self, *args, reset: bool = False, **options):
        try:
            specs = {name: demo.read_fixture(f"{name}.yaml") for name in FIXTURES}
            illustrations = demo.read_fixture("media/illustrations.yaml")
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the demo fixtures: {exc}") from exc

        report = demo.LoadReport()
        with transaction.atomic():
            user = demo.demo_user()
            if reset:
                demo.delete_site_content()
                self.stdout.write("Deleted existing pages and notices.")
            demo.load_references(spec=specs["references"], report=report, user=user)
            demo.load_aliases(spec=specs["notices"], user=user, report=report)
            demo.load_aliases(spec=specs["safety"], user=user, report=report)
            demo.load_illustrations(spec=illustrations, user=user, report=report)
            demo.load_aliases(spec=specs["sequences"], user=user, report=report)
            demo.load_pages(spec=specs["pages"], user=user, report=report)
            for item in report.created:
                self.stdout.write(f"  created {item}")
            self._load_app_demos()
        if report.created:
            # django CMS announces apphook changes (the finder's page) when the request that
            # made them ends; a command has no request, so it announces once committed. Running
            # app servers then mount the finder and drop cached pages (delivery.apphook_reload).
            trigger_restart()

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} created, {len(report.skipped)} already there."
            )
        )

    def _load_app_demos(self) -> None:
        """Apps with demo content of their own (physicians) give their AppConfig a
        ``load_demo_content(*, stdout)`` method. It runs inside this command's transaction,
        so a failure anywhere loads nothing."""
        for config in apps.get_app_configs():
            hook = getattr(config, "load_demo_content", None)
            if hook is not None:
                hook(stdout=self.stdout)
