from django.apps import AppConfig


class PhysiciansConfig(AppConfig):
    """The physician finder: directory, offline geocoding and radius search."""

    name = "physicians"
    verbose_name = "Physician finder"

    def load_demo_content(self, *, stdout) -> None:
        """Fictitious physicians for the demo finder (called by ``load_demo_content``)."""
        from .demo import load_demo_physicians

        created = load_demo_physicians()
        if created:
            stdout.write(f"  created {created} demo physicians")
        else:
            stdout.write("  demo physicians already there")

    def warm(self) -> None:
        """Build the ZIP index before a server forks its workers (see portal.wsgi)."""
        from .geocoding import warm

        warm()
