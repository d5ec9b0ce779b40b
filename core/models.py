"""Records the security app keeps about staff logins."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OneTimePassword(models.Model):
    """A password someone else chose for this user (``make editor`` prints it), which the
    user must replace at first login (core.one_time_password).

    The hash it was issued with is kept: once the user's hash differs, they have chosen
    their own password, however they changed it (the admin form, ``changepassword``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="one_time_password"
    )
    password_hash = models.CharField(max_length=128)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("one-time password")

    def __str__(self):
        return f"One-time password of {self.user}"
