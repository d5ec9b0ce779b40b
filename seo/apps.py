from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class SeoConfig(AppConfig):
    """Search engines and link previews: real host, robots.txt, canonical links, JSON-LD."""

    name = "seo"
    verbose_name = "Search engines and sharing"

    def ready(self):
        from cms.models import Page
        from cms.signals import post_obj_operation
        from django.contrib import admin
        from djangocms_versioning.signals import post_version_operation

        from editorial.models import MedicalReview

        from . import conf, page_facts
        from .site_record import sync_site_record

        post_migrate.connect(sync_site_record, dispatch_uid="seo-sync-site-record")
        post_version_operation.connect(page_facts.version_changed, dispatch_uid="seo-versions")
        post_save.connect(page_facts.review_saved, sender=MedicalReview, dispatch_uid="seo-review")
        post_obj_operation.connect(page_facts.tree_changed, dispatch_uid="seo-tree")
        post_save.connect(page_facts.tree_changed, sender=Page, dispatch_uid="seo-page-settings")
        # The admin and the toolbar name the site, not Django's default.
        admin.site.site_header = admin.site.site_title = conf.SITE_NAME
