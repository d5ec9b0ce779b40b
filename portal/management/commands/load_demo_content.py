"""Load the demo site: page tree, site notices and physicians. Safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pages import demo
from physicians.demo import load_demo_physicians
from portal import apphook_reload

FIXTURES = ("references", "notices", "safety", "pages")


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
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the demo fixtures: {exc}") from exc

        report = demo.LoadReport()
        with transaction.atomic():
            user = demo.demo_user()
            if reset:
                demo.delete_site_content()
                self.stdout.write("Deleted existing pages and notices.")
            demo.load_references(spec=specs["references"], report=report)
            demo.load_aliases(spec=specs["notices"], user=user, report=report)
            demo.load_aliases(spec=specs["safety"], user=user, report=report)
            demo.load_pages(spec=specs["pages"], user=user, report=report)
            physicians_created = load_demo_physicians()
        if report.created:  # running app servers mount the finder's apphook, and drop cached pages
            apphook_reload.announce_change()

        for item in report.created:
            self.stdout.write(f"  created {item}")
        if physicians_created:
            self.stdout.write(f"  created {physicians_created} demo physicians")
        else:
            self.stdout.write("  demo physicians already there")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} created, {len(report.skipped)} already there."
            )
        )
