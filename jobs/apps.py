from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Work that runs outside the web request: admin CSV imports, on django-tasks."""

    name = "jobs"
    verbose_name = "Background jobs"
