"""
A password printed for a new editor works once: at first login they choose their own.

``make editor ROLE=…`` prints a password that was on someone's terminal, so it must not
stay the account's password. ``issue`` records it; until the account's password hash
changes, every page its owner asks for (the admin, the toolbar, the site) sends them to
the admin's own "Change password" form, which is left reachable together with logging
out. Other users pay one indexed query per request, staff only.
"""

from django.contrib import messages
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import OneTimePassword

# Where someone with a one-time password may still go: choosing a new one, or leaving.
ALLOWED_VIEWS = {"admin:password_change", "admin:password_change_done", "admin:logout"}


def issue(user) -> None:
    """Mark the user's current password as one they must replace at first login."""
    OneTimePassword.objects.update_or_create(user=user, defaults={"password_hash": user.password})


def must_change_password(user) -> bool:
    if not user.is_authenticated or not user.is_staff:
        return False
    issued = OneTimePassword.objects.filter(user=user).values_list("password_hash", flat=True)
    if not issued:
        return False
    if issued[0] != user.password:  # changed since it was issued: nothing more to ask
        OneTimePassword.objects.filter(user=user).delete()
        return False
    return True


class OneTimePasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_VIEWS:
            return None
        if not must_change_password(request.user):
            return None
        messages.warning(
            request,
            _("The password you were given works only once. Choose your own password to continue."),
        )
        return HttpResponseRedirect(reverse("admin:password_change"))


class NotTheOneTimePasswordValidator:
    """AUTH_PASSWORD_VALIDATORS entry: the new password may not be the printed one again
    (set again, it gets a new hash, which would otherwise count as a change)."""

    def validate(self, password, user=None):
        issued = OneTimePassword.objects.filter(user_id=getattr(user, "pk", None)).first()
        if issued and check_password(password, issued.password_hash):
            raise ValidationError(
                _("Choose a password of your own, not the one you were given."),
                code="one_time_password_reused",
            )

    def get_help_text(self):
        return _("Your password cannot be the one-time password you were given.")
