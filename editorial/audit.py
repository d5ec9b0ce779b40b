"""The editorial audit history: every state change of every versioned content."""

from djangocms_versioning import constants
from djangocms_versioning.models import StateTracking

from .models import AuditEntry

OPERATIONS = {
    constants.OPERATION_PUBLISH: AuditEntry.Action.PUBLISHED,
    constants.OPERATION_UNPUBLISH: AuditEntry.Action.UNPUBLISHED,
    constants.OPERATION_DRAFT: AuditEntry.Action.DRAFTED,
    constants.OPERATION_ARCHIVE: AuditEntry.Action.ARCHIVED,
}


def describe(version) -> str:
    content = version.content
    kind = content._meta.verbose_name
    language = getattr(content, "language", "")
    return f"{kind} “{content}” ({language}) version #{version.number}"


def record(action, *, version, user, note: str = "", reading_grade=None) -> AuditEntry:
    return AuditEntry.objects.create(
        action=action,
        version=version,
        user=user,
        content_label=describe(version),
        note=note,
        reading_grade=reading_grade,
    )


def record_version_operation(sender, *, operation, obj, **kwargs):
    """Receiver for djangocms-versioning's post_version_operation signal."""
    action = OPERATIONS.get(operation)
    if action is None or kwargs.get("to_be_published"):
        return  # replacing the live version is recorded once, as its successor's publication
    # A draft copied from a version that is no longer live restores older content.
    restores_old = obj.source_id and obj.source.state in (constants.ARCHIVED, constants.UNPUBLISHED)
    if operation == constants.OPERATION_DRAFT and restores_old:
        action = AuditEntry.Action.REVERTED
    tracking = StateTracking.objects.filter(version=obj).order_by("-date").first()
    user = tracking.user if tracking and operation != constants.OPERATION_DRAFT else obj.created_by
    note = ""
    if kwargs.get("unpublished"):
        note = "Replaced version " + ", ".join(f"#{v.number}" for v in kwargs["unpublished"])
    record(action, version=obj, user=user, note=note)
