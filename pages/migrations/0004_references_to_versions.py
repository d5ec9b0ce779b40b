"""
Each existing reference becomes a published version 1, and its edit history moves along.

- Numbers are the grouper's and stay where they are, so no citation changes.
- The bibliographic fields are copied into a ReferenceContent with a published Version
  (what patients saw before the migration is what they see after it).
- Every HistoricalReference row (who changed what, when, the values of the time) is
  copied into HistoricalReferenceContent in its order, pointing at the new version; rows
  of references deleted before the migration are kept, with the number in the reason.
- The version's author is the last editor the history names, else the first superuser,
  else an inactive "reference-migration" account (versioning needs an author).

Reversing copies the published (else latest) version back into the reference columns.
"""

from django.db import migrations

FIELDS = [
    "authors",
    "title",
    "journal",
    "year",
    "volume",
    "issue",
    "pages",
    "pmid",
    "doi",
    "clinical_trial_id",
    "author_was_paid_consultant",
    "funded_by_manufacturer",
]
MIGRATION_USERNAME = "reference-migration"


def _author(apps, history):
    User = apps.get_model("auth", "User")
    latest = history.exclude(history_user=None).order_by("-history_date").first()
    if latest is not None:
        return latest.history_user
    superuser = User.objects.filter(is_superuser=True).order_by("pk").first()
    if superuser is not None:
        return superuser
    user, _ = User.objects.get_or_create(
        username=MIGRATION_USERNAME, defaults={"is_active": False, "password": "!"}
    )
    return user


def forwards(apps, schema_editor):
    Reference = apps.get_model("pages", "Reference")
    ReferenceContent = apps.get_model("pages", "ReferenceContent")
    HistoricalReference = apps.get_model("pages", "HistoricalReference")
    HistoricalReferenceContent = apps.get_model("pages", "HistoricalReferenceContent")
    Version = apps.get_model("djangocms_versioning", "Version")
    StateTracking = apps.get_model("djangocms_versioning", "StateTracking")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="referencecontent")

    content_of = {}  # reference id -> its version 1
    for reference in Reference.objects.order_by("pk"):
        content = ReferenceContent.objects.create(
            reference=reference, **{name: getattr(reference, name) for name in FIELDS}
        )
        content_of[reference.pk] = content.pk
        history = HistoricalReference.objects.filter(id=reference.pk)
        user = _author(apps, history)
        dates = [d for d in history.values_list("history_date", flat=True)]
        version = Version.objects.create(
            content_type=content_type,
            object_id=content.pk,
            number="1",
            state="published",
            created_by=user,
        )
        if dates:  # as old as the reference's own history says it is
            Version.objects.filter(pk=version.pk).update(created=min(dates), modified=max(dates))
        tracking = StateTracking.objects.create(
            version=version, old_state="draft", new_state="published", user=user
        )
        if dates:
            StateTracking.objects.filter(pk=tracking.pk).update(date=max(dates))

    for row in HistoricalReference.objects.order_by("history_date", "history_id"):
        kept = row.id in content_of
        reason = row.history_change_reason
        if not kept:
            reason = reason or f"reference [{row.number}] deleted before versioning"
        HistoricalReferenceContent.objects.create(
            id=content_of.get(row.id, 0),
            reference_id=row.id if kept else None,
            history_date=row.history_date,
            history_user=row.history_user,
            history_type=row.history_type,
            history_change_reason=reason,
            **{name: getattr(row, name) for name in FIELDS},
        )


def backwards(apps, schema_editor):
    Reference = apps.get_model("pages", "Reference")
    ReferenceContent = apps.get_model("pages", "ReferenceContent")
    Version = apps.get_model("djangocms_versioning", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="pages", model="referencecontent").first()
    versions = Version.objects.filter(content_type=content_type)
    for reference in Reference.objects.all():
        contents = ReferenceContent.objects.filter(reference=reference)
        published = versions.filter(
            state="published", object_id__in=contents.values("pk")
        ).first()
        content = (
            contents.get(pk=published.object_id) if published else contents.order_by("-pk").first()
        )
        if content is not None:
            for name in FIELDS:
                setattr(reference, name, getattr(content, name))
            reference.save()
    versions.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_referencecontent"),
        ("djangocms_versioning", "0018_fix_typo"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
