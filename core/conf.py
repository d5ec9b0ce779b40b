"""Settings of the security and operations app (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # Reverse proxies in front of the app that append to X-Forwarded-For (0: ignore it).
    "TRUSTED_PROXY_COUNT": 0,
    # The addresses those proxies connect from: X-Forwarded-For is read only on their
    # connections. Same list and syntax as gunicorn's forwarded_allow_ips ("*": any).
    "FORWARDED_ALLOW_IPS": ["127.0.0.1"],
    # Superusers and these groups cannot log in without an authenticator code. The
    # settings default it to "not DEBUG"; REQUIRE_2FA=false opts out (a deploy check warns).
    "REQUIRE_2FA": True,
    "TWO_FACTOR_GROUPS": ["Publisher"],
    # Failed logins for one account, from all addresses together, before it is locked.
    "ACCOUNT_FAILURE_LIMIT": 20,
    # The only inline styles rich text keeps: property -> allowed keywords. The site's
    # editor (djangocms-text's TipTap) writes text-align on paragraphs and headings.
    "TEXT_STYLES": {"text-align": ["left", "center", "right", "justify"]},
    # Content-Security-Policy additions for logged-in staff (the django CMS toolbar).
    "CSP_EDITING": {},
    # Where `make backup` writes its <timestamp>/ folders.
    "BACKUP_DIR": "var/backups",
}

__getattr__ = app_settings(DEFAULTS)
