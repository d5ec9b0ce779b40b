from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide templates, static files and site-level views."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        import cms.signals  # connects django CMS's receiver first: it writes the new revision

        from . import apphook_reload

        cms.signals.urls_need_reloading.connect(
            apphook_reload.share_revision, dispatch_uid="portal-share-urlconf-revision"
        )
