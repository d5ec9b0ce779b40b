"""
Login lockouts (django-axes): per username and address, and per account.

axes locks a username on one address after ``AXES_FAILURE_LIMIT`` failures. On
its own that lets a guesser with many addresses try that many passwords from
each. ``PORTAL_ACCOUNT_FAILURE_LIMIT`` caps the failures on one account from all
addresses together. axes 8.3 compares one failure count with one limit whatever
its lockout parameters, so a second, higher limit needs its own handler; this one
counts axes's own ``AccessAttempt`` rows, so the cool-off, the admin list and
``manage.py axes_reset_username`` cover both locks.

The price: whoever knows a username can lock its owner out for the cool-off by
failing from enough addresses. The owner is told by email.
"""

import logging
import math
import smtplib

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Sum
from django.shortcuts import render
from django.template.loader import render_to_string

from core import conf

log = logging.getLogger(__name__)


class LockoutHandler(AxesDatabaseHandler):
    """AXES_HANDLER: the database handler, plus the account-wide limit and its notice."""

    def get_failures(self, request, credentials=None) -> int:
        """What axes compares with AXES_FAILURE_LIMIT: at least the limit once the
        account as a whole is locked, whichever address is asking."""
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username and account_failures(request, username) >= conf.ACCOUNT_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        username = get_client_username(request, credentials) if request else None
        if username:
            failures = account_failures(request, username)
            if failures >= conf.ACCOUNT_FAILURE_LIMIT:
                notify_owner(request, username, failures)


def account_failures(request, username: str) -> int:
    """Recent failures on the account, at most the per-address limit from each address:
    one address is stopped by its own lockout and must not lock the account for all."""
    cap = get_failure_limit(request, None)
    per_address = (
        AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        )
        .order_by()
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .values_list("failures", flat=True)
    )
    return sum(min(failures, cap) for failures in per_address)


def notify_owner(request, username: str, failures: int) -> None:
    """Email the account's owner, once per cool-off; a mail failure never fails the login."""
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    if user is None or not user.email:
        return
    minutes = _minutes(request)
    # The cache only keeps the notice to one per lock; with the cache down, better twice.
    if cache.add(f"lockout-notice:{user.pk}", True, timeout=minutes * 60) is False:
        return
    context = {"username": username, "failures": failures, "minutes": minutes}
    context["site"] = request.get_host()
    subject = render_to_string("security/lockout_notice_subject.txt", context).strip()
    body = render_to_string("security/lockout_notice.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except (smtplib.SMTPException, OSError):
        log.exception("The lockout notice for %s could not be sent", username)
    else:
        log.warning("Account %s locked after %d failed logins; owner notified", username, failures)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a 429 in the site's own frame, with Retry-After."""
    minutes = _minutes(request)
    response = render(request, "security/lockout.html", {"minutes": minutes}, status=429)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response


def _minutes(request) -> int:
    cool_off = get_cool_off(request)
    return math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
