"""Writes to the physician directory that keep its history."""

from django.db.models import QuerySet
from django.utils import timezone

from .models import Physician


def set_listed(*, physicians: QuerySet[Physician], listed: bool, user) -> int:
    """List or unlist physicians in the finder: one UPDATE, and a history entry for each
    physician it changed ("Listed in the finder" / "Removed from the finder"), made by user.

    Returns how many changed.
    """
    changing = list(physicians.exclude(is_listed=listed))
    now = timezone.now()
    Physician.objects.filter(pk__in=[p.pk for p in changing]).update(
        is_listed=listed, updated_at=now
    )
    for physician in changing:
        physician.is_listed, physician.updated_at = listed, now
    Physician.history.bulk_history_create(
        changing,
        update=True,
        default_user=user,
        default_change_reason="Listed in the finder" if listed else "Removed from the finder",
    )
    return len(changing)
