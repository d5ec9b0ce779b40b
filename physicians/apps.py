from django.apps import AppConfig


class PhysiciansConfig(AppConfig):
    """The physician finder: directory, offline geocoding and radius search."""

    name = "physicians"
    verbose_name = "Physician finder"
