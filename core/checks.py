"""
Deploy checks (``manage.py check --deploy``) for the portal's own security settings.

Each setting here has a safe default and an explicit way out; a way out taken in
production should be a decision someone sees at every deploy, not a silent default.
"""

from django.core.checks import Tags, Warning, register

from core import conf


@register(Tags.security, deploy=True)
def check_two_factor(app_configs, **kwargs):
    if conf.REQUIRE_2FA:
        return []
    return [
        Warning(
            "Two-factor authentication is off (REQUIRE_2FA=false): superusers and "
            "publishers can log in with a password alone.",
            hint="Remove REQUIRE_2FA (it is on whenever DEBUG is off) and enrol devices "
            "with `manage.py enrol_totp_device USERNAME --qr`.",
            id="core.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_forwarded_for(app_configs, **kwargs):
    if conf.TRUSTED_PROXY_COUNT <= 0 or "*" not in conf.FORWARDED_ALLOW_IPS:
        return []
    return [
        Warning(
            "X-Forwarded-For is trusted from any address (FORWARDED_ALLOW_IPS=*): a client "
            "that reaches the app server directly can escape lockouts and rate limits.",
            hint="List the proxies' addresses in FORWARDED_ALLOW_IPS.",
            id="core.W002",
        )
    ]
