"""
Writing one batch of parsed rows (physicians.importing reads them).

Only new or changed physicians are written, with bulk queries, each with a
history entry: "CSV import", or why NPPES changed their standing. NPPES
deactivations unlist the physician; a later reactivation is applied but leaves
them unlisted, because listing again is a data manager's decision (the admin's
"List" action), which the same deactivation in next month's file respects.
"""

from django.utils import timezone

from physicians.csv_formats import Deactivation, Record
from physicians.models import Physician


def save_batch(batch: dict[str, tuple[int, Record | Deactivation]], report, *, user) -> None:
    """Create the new, update the changed and count the unchanged physicians of a batch;
    unlist the deactivated. `report` is the import's ImportReport, counted into."""
    existing = Physician.objects.filter(npi__in=batch).prefetch_related("specialties")
    stored = {physician.npi: physician for physician in existing}
    new, changed, changed_fields, new_specialties, replaced_specialties = [], [], set(), [], []
    deactivations, reactivated = [], 0
    for _, record in batch.values():
        physician = stored.get(record.npi)
        if isinstance(record, Deactivation):
            deactivations.append((physician, record))
            continue
        if physician is None:
            physician = Physician(npi=record.npi, **record.new_defaults, **record.fields)
            new.append(physician)
            new_specialties.append((physician, record.specialties or ()))
            continue
        fields = [
            name for name, value in record.fields.items() if getattr(physician, name) != value
        ]
        current = {s.code for s in physician.specialties.all()}
        if not fields and record.specialties in (None, current):
            report.unchanged += 1
            continue
        if physician.deactivated_on and "deactivated_on" in fields:
            # History says why; is_listed is not in an NPPES record, so they stay unlisted.
            when = f" on {_day(record.reactivated_on)}" if record.reactivated_on else ""
            physician._change_reason = f"Reactivated in NPPES{when}; {REACTIVATED_NOTE}"
            reactivated += 1
        for name in fields:
            setattr(physician, name, record.fields[name])
        physician.updated_at = timezone.now()
        changed.append(physician)
        changed_fields.update(fields)
        if record.specialties not in (None, current):
            replaced_specialties.append((physician, record.specialties))
    if new:
        Physician.objects.bulk_create(
            new,
            update_conflicts=True,  # another import may have added the NPI since we looked
            unique_fields=["npi"],
            update_fields=WRITABLE_FIELDS,
        )
    if changed:
        Physician.objects.bulk_update(changed, sorted(changed_fields | {"updated_at"}))
    history = {"default_user": user, "default_change_reason": HISTORY_REASON}
    Physician.history.bulk_history_create(new, **history)
    Physician.history.bulk_history_create(changed, update=True, **history)
    _save_specialties(new_specialties, replaced_specialties)
    report.created += len(new)
    report.updated += len(changed) - reactivated
    report.reactivated += reactivated
    _deactivate(deactivations, report, user=user)


def _deactivate(deactivations: list[tuple[Physician | None, Deactivation]], report, *, user):
    """Unlist the physicians NPPES deactivated, saying when in their history.

    A deactivation already recorded is left alone, so that a data manager who
    listed the physician again is not overruled by the next monthly file.
    """
    changed = []
    for physician, deactivation in deactivations:
        if physician is None:
            report.skipped[DEACTIVATED_UNKNOWN] += 1
        elif physician.deactivated_on == deactivation.on:
            report.unchanged += 1
        else:
            physician.deactivated_on, physician.is_listed = deactivation.on, False
            physician.updated_at = timezone.now()
            physician._change_reason = f"Deactivated in NPPES on {_day(deactivation.on)}"
            changed.append(physician)
    if changed:
        Physician.objects.bulk_update(changed, ["deactivated_on", "is_listed", "updated_at"])
        Physician.history.bulk_history_create(changed, update=True, default_user=user)
    report.deactivated += len(changed)


def _day(day) -> str:
    return f"{day:%B} {day.day}, {day.year}"


HISTORY_REASON = "CSV import"
REACTIVATED_NOTE = "left unlisted until a data manager lists them"
DEACTIVATED_UNKNOWN = "deactivated NPI"
# What an import may overwrite when another import created the NPI first: not the columns
# the database keeps itself (generated, or not editable such as trigger-kept ones).
WRITABLE_FIELDS = sorted(
    f.name
    for f in Physician._meta.concrete_fields
    if not f.primary_key
    and not f.generated
    and (f.editable or f.name == "updated_at")
    and f.name not in ("npi", "created_at")
)


def _save_specialties(new, replaced) -> None:
    Through = Physician.specialties.through
    for physician, codes in replaced:
        Through.objects.filter(physician_id=physician.pk).exclude(specialty_id__in=codes).delete()
    Through.objects.bulk_create(
        [
            Through(physician_id=physician.pk, specialty_id=code)
            for physician, codes in (*new, *replaced)
            for code in sorted(codes)
        ],
        ignore_conflicts=True,
    )
