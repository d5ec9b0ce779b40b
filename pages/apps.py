from django.apps import AppConfig


class PagesConfig(AppConfig):
    """CMS content: procedure pages, safety information, citations and site notices."""

    name = "pages"
    verbose_name = "Patient pages"
