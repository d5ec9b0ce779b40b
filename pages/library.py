"""
Writing to the reference library outside the admin: the demo loader, imports, tests.

A reference is created with its first version, as the admin does it; publishing that
version is a separate, explicit step because on a live site it is the publisher's,
after a medical review (editorial.conditions), and only the demo and tests skip that.
"""

from django.db import transaction
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .models import Reference, ReferenceContent


@transaction.atomic
def create_reference(*, number: int, user, publish: bool = False, **fields) -> ReferenceContent:
    """A new reference `number` with a first version holding `fields` (validated)."""
    reference = Reference(number=number)
    reference.full_clean()
    content = ReferenceContent(reference=reference, **fields)
    content.full_clean(exclude=["reference"])
    reference.save()
    content = ReferenceContent.objects.with_user(user).create(reference=reference, **fields)
    if publish:
        Version.objects.get_for_content(content).publish(user)
    return content


@transaction.atomic
def start_correction(*, reference: Reference, user, **changes) -> ReferenceContent:
    """A draft of `reference` with `changes` made, as an author's Edit and Save would."""
    draft = ReferenceContent.admin_manager.filter(
        reference=reference, versions__state=DRAFT
    ).first()
    if draft is None:
        latest = ReferenceContent.admin_manager.latest_content(reference=reference).get()
        version = Version.objects.get_for_content(latest).copy(user)
        draft = version.content
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.full_clean(exclude=["reference"])
    draft.save()
    return draft
