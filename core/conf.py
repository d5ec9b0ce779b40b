"""Settings of the security and operations app (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Reverse proxies in front of the app that append to X-Forwarded-For (0: ignore it).
    "TRUSTED_PROXY_COUNT": 0,
    # Superusers and these groups cannot log in without an authenticator code.
    "REQUIRE_2FA": False,
    "TWO_FACTOR_GROUPS": ["Publisher"],
    # Content-Security-Policy additions for logged-in staff (the django CMS toolbar).
    "CSP_EDITING": {},
    # Where `make backup` writes its <timestamp>/ folders.
    "BACKUP_DIR": "var/backups",
}

__getattr__ = app_settings(DEFAULTS)
