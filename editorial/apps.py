from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, review before publish, fair balance, review dates and the audit history."""

    name = "editorial"
    verbose_name = "Editorial governance"

    def ready(self):
        from django.db.models.signals import post_migrate
        from djangocms_versioning.signals import post_version_operation

        from . import audit, conditions, deletion, roles

        conditions.install()
        deletion.protect_page_deletion()
        post_version_operation.connect(audit.record_version_operation, dispatch_uid="audit")
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self, dispatch_uid="roles")
