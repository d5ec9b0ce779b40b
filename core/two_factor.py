"""
Two-factor authentication (TOTP through django-otp) for the people who edit.

Anyone who has enrolled an authenticator app gives its code at every login.
With ``PORTAL_REQUIRE_2FA`` on (the default whenever DEBUG is off), superusers and
members of ``PORTAL_TWO_FACTOR_GROUPS`` must have one: without a confirmed device
they cannot log in at all. Both login paths (the admin's and django CMS's
``cms_login``) use the same check, and ``Require2FAMiddleware`` treats any session
that should be verified but is not as anonymous, so a path that skips the forms
(an old session, a future login view) still reaches neither the admin, the
toolbar nor the editing endpoints.

The code is asked for on the same form as the password, and every refusal gets the
same answer and counts towards django-axes's lockout. Were a right password without
its code answered differently ("enter the code"), or not counted, the login would
tell a guesser which password is right.
"""

from asgiref.sync import sync_to_async
from cms.forms.login import CMSToolbarLoginForm
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, user_login_failed
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token

from core import conf


def requires_2fa(user) -> bool:
    if not conf.REQUIRE_2FA or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=conf.TWO_FACTOR_GROUPS).exists()


class TwoFactorLoginMixin:
    """Checks the authenticator code in the same step as the password, refusing alike."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct %(username)s, password and authenticator code for a "
            "staff account. Note that the fields may be case-sensitive."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        help_text = _("Only if you have set up an authenticator app.")
        if conf.REQUIRE_2FA:
            help_text = _(
                "Superusers and publishers need one: if yours is not set up yet, ask an "
                "administrator to enrol it."
            )
        self.fields["otp_token"] = forms.CharField(
            label=_("Authenticator code"),
            required=False,
            max_length=8,
            help_text=help_text,
            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        )

    def confirm_login_allowed(self, user):
        """Runs only once the password is right, so each refusal here must look like its own."""
        try:
            super().confirm_login_allowed(user)
        except ValidationError:
            self._refuse(user)
        if not any(devices_for_user(user)):
            if requires_2fa(user):
                self._refuse(user)
            return
        token = (self.cleaned_data.get("otp_token") or "").strip()
        device = match_token(user, token) if token else None
        if device is None:
            self._refuse(user)
        # django-otp stores the device in the session when auth.login() runs.
        user.otp_device = device

    def _refuse(self, user):
        """The wrong-password answer, counted by django-axes like a wrong password."""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
        )
        raise self.get_invalid_login_error()


class AdminLoginForm(TwoFactorLoginMixin, AdminAuthenticationForm):
    pass


class ToolbarLoginForm(TwoFactorLoginMixin, CMSToolbarLoginForm):
    pass


@require_POST
@sensitive_post_parameters("password", "otp_token")
def toolbar_login(request):
    """django CMS's ``cms_login``, with the same second factor as the admin login."""
    redirect_to = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        redirect_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        redirect_to = "/"
    if request.user.is_authenticated:
        return HttpResponseRedirect(redirect_to)
    form = ToolbarLoginForm(request=request, data=request.POST)
    if form.is_valid():
        auth_login(request, form.get_user())
        return HttpResponseRedirect(redirect_to)
    separator = "&" if "?" in redirect_to else "?"
    return HttpResponseRedirect(f"{redirect_to}{separator}cms_toolbar_login_error=1")


def _anonymous() -> AnonymousUser:
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user


class Require2FAMiddleware:
    """Goes after django-otp's OTPMiddleware: unverified sessions that need 2FA act anonymous."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if conf.REQUIRE_2FA:
            user = request.user

            def effective_user():
                return _anonymous() if requires_2fa(user) and not user.is_verified() else user

            request.user = SimpleLazyObject(effective_user)
            request.auser = sync_to_async(effective_user)
        return self.get_response(request)
