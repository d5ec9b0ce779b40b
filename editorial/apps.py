from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, review before publish, fair balance, review dates and the audit history."""

    name = "editorial"
    verbose_name = "Editorial governance"

    def ready(self):
        from cms.signals import post_placeholder_operation
        from django.db.models.signals import post_migrate, post_save
        from djangocms_versioning.signals import post_version_operation

        from . import audit, compare_grades, conditions, deletion, draft_edits, live_pages, roles

        conditions.install()
        compare_grades.install()
        deletion.protect_page_deletion()
        live_pages.protect_live_pages()
        post_version_operation.connect(audit.record_version_operation, dispatch_uid="audit")
        post_placeholder_operation.connect(
            draft_edits.record_plugin_operation, dispatch_uid="draft-edits"
        )
        post_save.connect(draft_edits.record_content_save, dispatch_uid="draft-edits")
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="roles")
