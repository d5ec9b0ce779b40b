from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide templates, static files and site-level views."""

    name = "portal"
    verbose_name = "Portal"
