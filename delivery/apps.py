from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """Page delivery: the page cache, its invalidation, apphook reloading, lookups, menus."""

    name = "delivery"
    verbose_name = "Page delivery"

    def ready(self):
        import cms.signals  # connects django CMS's receiver first: it writes the new revision

        from . import apphook_reload, invalidation, lookups

        invalidation.connect()
        lookups.connect()
        cms.signals.urls_need_reloading.connect(
            apphook_reload.share_revision, dispatch_uid="portal-share-urlconf-revision"
        )
