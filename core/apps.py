from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app leans on and no app owns: security, operations, shared admin pieces.

    Other apps may import core; core imports none of them.
    """

    name = "core"
    verbose_name = "Security and operations"

    def ready(self):
        from core import checks, rich_text  # noqa: F401 (checks register on import)

        rich_text.restrict_styles()
