from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: the index of published pages, synonyms, the results page."""

    name = "search"
    verbose_name = "Site search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()

    def load_demo_content(self, *, stdout) -> None:
        """Demo synonym groups, and index entries for pages published before search existed
        (called by ``load_demo_content``, inside its transaction)."""
        from .demo import load_demo_synonyms
        from .indexing import rebuild

        created = load_demo_synonyms()
        stdout.write(
            f"  created {created} synonym groups" if created else "  synonyms already there"
        )
        indexed = rebuild(missing_only=True).indexed
        if indexed:
            stdout.write(f"  indexed {indexed} published pages for search")
