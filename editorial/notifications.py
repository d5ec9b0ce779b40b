"""
Emails that hand a draft from one editor to the next, through Django's email framework
(EMAIL_URL; the console under `make run`).

- A draft is submitted: the medical reviewers who may review it.
- A draft is approved or rejected: its author, with the reviewer's comment or reason.
- A draft is approved: the publishers.

Every email links to the draft on SITE_URL, so it works from any mail client. Mail is
sent once the decision is saved (on commit) and a mail server that fails is logged, not
shown to the editor: the decision stands, and My work shows it either way.
"""

import logging
import smtplib

from cms.toolbar.utils import get_object_preview_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.core.mail.message import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from . import links
from .conf import PUBLISH_PERMISSION, REVIEW_PERMISSION

logger = logging.getLogger(__name__)
# Role permissions are model permissions; django-axes' backend answers no permission question.
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def holders_of(permission: str, *, excluding=()) -> list:
    """Active users with an email address who hold `permission` through their role.
    Superusers are left out: they hold every role, and would get every email."""
    users = get_user_model().objects.with_perm(
        permission, include_superusers=False, backend=PERMISSION_BACKEND
    )
    return [
        user
        for user in users.filter(is_active=True).exclude(email="")
        if user.pk not in {u.pk for u in excluding if u is not None}
    ]


def absolute(path: str) -> str:
    return settings.PORTAL_SITE_URL + path


def _send(template: str, recipients, **context) -> None:
    """One email per recipient (nobody sees who else was told), after the commit."""
    if not recipients:
        return
    version = context["version"]
    context.update(
        content=version.content,
        version_name=version.short_name(),
        draft_url=absolute(get_object_preview_url(version.content)),
        compare_url=absolute(links.compare_url(version)),
        my_work_url=absolute(links.my_work_url()),
        site_name=settings.PORTAL_SITE_NAME,
    )
    subject = render_to_string(f"editorial/email/{template}_subject.txt", context)
    body = render_to_string(f"editorial/email/{template}.txt", context)
    messages = [
        EmailMessage(" ".join(subject.split()), body, to=[user.email]) for user in recipients
    ]

    def send():
        try:
            get_connection().send_messages(messages)
        except (smtplib.SMTPException, OSError):
            logger.exception("Workflow email %r could not be sent", template)

    transaction.on_commit(send)


def review_requested(review) -> None:
    version = review.version
    reviewers = holders_of(REVIEW_PERMISSION, excluding=[review.requested_by, version.created_by])
    _send(
        "review_requested",
        reviewers,
        version=version,
        review=review,
        decide_url=absolute(reverse("admin:editorial_review_decide", args=[version.pk])),
    )


def review_decided(review) -> None:
    version = review.version
    authors = {u.pk: u for u in (version.created_by, review.requested_by) if u and u.email}
    _send("review_decided", list(authors.values()), version=version, review=review)
    if review.state == review.State.APPROVED:
        publishers = holders_of(PUBLISH_PERMISSION, excluding=[review.decided_by])
        _send("approved_for_publishers", publishers, version=version, review=review)
