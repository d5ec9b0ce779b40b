"""
Publication rules, added to djangocms-versioning's own checks.

Versioning asks `Version.check_publish(user)` / `check_unpublish(user)` before
its admin publishes or unpublishes anything (and hides the buttons when they
fail), so the rules hold for pages, risk lists and site notices alike.
"""

from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from media.accessibility import missing_alternatives
from seo.descriptions import missing_description_message

from .fair_balance import missing_safety_message
from .reviews import PUBLISH_PERMISSION, is_approved


def user_is_publisher(version, user):
    if not user.has_perm(PUBLISH_PERMISSION):
        raise ConditionFailed("Only publishers can publish or unpublish content.")


def draft_is_approved(version, user):
    if not is_approved(version):
        raise ConditionFailed(
            "This draft has not been approved by a medical reviewer since its last change."
        )


def page_is_balanced(version, user):
    message = missing_safety_message(version.content)
    if message:
        raise ConditionFailed(message)


def page_has_a_description(version, user):
    message = missing_description_message(version.content)
    if message:
        raise ConditionFailed(message)


def media_has_alternatives(version, user):
    """Every image has alt text (or is marked decorative), every video has captions."""
    gaps = missing_alternatives(version.content)
    if gaps:
        raise ConditionFailed(" ".join(gaps))


def install() -> None:
    """Add the portal's rules once (app registry ready() may run more than once in tests).

    The lists are extended in place: versioning's FSM transitions hold the same
    lists (``permission=check_publish.as_bool``), so ``can_proceed`` and
    ``has_transition_perm`` apply the portal's rules too, not only the admin.
    """
    from .scheduling_views import install as install_scheduling

    install_scheduling()  # timed-publishing's dialog is replaced by one that applies them
    if user_is_publisher in Version.check_publish:
        return
    Version.check_publish.extend(
        [
            user_is_publisher,
            page_is_balanced,
            page_has_a_description,
            media_has_alternatives,
            draft_is_approved,
        ]
    )
    Version.check_unpublish.append(user_is_publisher)
