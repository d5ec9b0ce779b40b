from django.apps import AppConfig


class PagesConfig(AppConfig):
    """CMS content: procedure pages, safety information, citations and site notices."""

    name = "pages"
    verbose_name = "Patient pages"

    def ready(self):
        from . import cache, lookups

        cache.connect()
        lookups.connect()
