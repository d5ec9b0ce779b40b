"""
Who edited a draft, recorded as they edit, so approval can refuse a reviewer's own words.

djangocms-versioning keeps who created a version and when it last changed, not who
changed it. django CMS announces each plugin operation with its request
(``post_placeholder_operation``); a title or settings change arrives as a save of the
content object, inside a request whose user django CMS's CurrentUserMiddleware holds.
Both are recorded against the draft version they changed.
"""

from cms import operations
from cms.utils.permissions import get_current_user
from django.contrib.contenttypes.models import ContentType
from djangocms_versioning import versionables
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .models import DraftEdit, Review

# The placeholders each plugin operation changes (a copy's source and a clipboard are only
# read): the same reading djangocms-versioning uses to update a version's modified date.
CHANGED_PLACEHOLDERS = {
    operations.ADD_PLUGIN: ["placeholder"],
    operations.CHANGE_PLUGIN: ["placeholder"],
    operations.DELETE_PLUGIN: ["placeholder"],
    operations.CLEAR_PLACEHOLDER: ["placeholder"],
    operations.ADD_PLUGINS_FROM_PLACEHOLDER: ["target_placeholder"],
    operations.PASTE_PLACEHOLDER: ["target_placeholder"],
    operations.PASTE_PLUGIN: ["target_placeholder"],
    operations.CUT_PLUGIN: ["source_placeholder"],
    operations.MOVE_PLUGIN: ["source_placeholder", "target_placeholder"],
}


def record(*, content, user, kind) -> None:
    """Note that `user` changed `content`, when it is the content of a draft."""
    if content is None or user is None or not user.is_authenticated:
        return
    if not versionables.exists_for_content(content):
        return
    version = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk, state=DRAFT
    ).first()
    if version is not None:
        DraftEdit.objects.create(version=version, user=user, kind=kind)


def record_plugin_operation(sender, *, operation, request, **kwargs):
    """Receiver for django CMS's post_placeholder_operation signal."""
    for key in CHANGED_PLACEHOLDERS.get(operation, []):
        placeholder = kwargs.get(key)
        if placeholder is not None:
            record(content=placeholder.source, user=request.user, kind=DraftEdit.Kind.CONTENT)


def record_content_save(sender, *, instance, created, **kwargs):
    """post_save receiver: a draft's title, slug or settings changed through a request."""
    if not created and versionables.exists_for_content(sender):
        record(content=instance, user=get_current_user(), kind=DraftEdit.Kind.SETTINGS)


def _since_last_approval(version):
    """The draft's edits after its last approval: those before it were reviewed."""
    edits = version.edits.all()
    approved = (
        version.reviews.filter(state=Review.State.APPROVED, decided_at__isnull=False)
        .order_by("-decided_at")
        .first()
    )
    return edits.filter(at__gt=approved.decided_at) if approved else edits


def latest_edit_by(version, user) -> DraftEdit | None:
    return _since_last_approval(version).filter(user=user).first()


def editors_since_approval(version) -> list[str]:
    """Who changed the draft since its last approval, for the reviewer's page."""
    edits = _since_last_approval(version).order_by("user__username")
    return list(edits.values_list("user__username", flat=True).distinct())
