from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PagesConfig(AppConfig):
    """CMS content: procedure pages, safety information, citations and site notices."""

    name = "pages"
    verbose_name = "Patient pages"

    def ready(self):
        from djangocms_versioning.signals import post_version_operation

        from . import cache
        from .models import Reference

        post_version_operation.connect(cache.content_published, dispatch_uid="pages-alias-publish")
        post_save.connect(cache.library_changed, sender=Reference, dispatch_uid="pages-ref-save")
        post_delete.connect(cache.library_changed, sender=Reference, dispatch_uid="pages-ref-del")
