"""
Settings for the balloon kyphoplasty patient portal.

Everything that differs between a laptop, CI and production comes from the
environment (see `.env.example`). Locally the defaults give a working site on
SQLite with nothing installed; with ``DEBUG`` off the settings refuse to start
without a real ``SECRET_KEY``.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")


# --- Core ------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)


def _secret_key() -> str:
    """Production needs a real key; a laptop gets one generated once and kept in var/."""
    key = env.str("SECRET_KEY", default="")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
SITE_ID = 1
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Applications ----------------------------------------------------------

DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.admin",
]
CMS_APPS = [
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_text",
    "djangocms_versioning",
    # Go-live and expiry dates on published versions (editorial.scheduling sets them).
    "djangocms_timed_publishing",
    "djangocms_alias",
]
SECURITY_APPS = [
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
# Who changed a reference or a physician, when, and the values before: with revert.
HISTORY_APPS = ["simple_history"]
# The media library: images, video files and captions editors upload and place on pages.
MEDIA_APPS = ["easy_thumbnails", "filer"]
# Background jobs (admin CSV imports): Django's tasks framework, backported, on the database.
TASK_APPS = ["django_tasks", "django_tasks_db"]
PORTAL_APPS = [
    "core",
    "pages",
    "delivery",
    "media",  # after filer: it re-registers filer's file admins
    "physicians",
    "editorial",
    "seo",
    "search",
    "jobs",
]
INSTALLED_APPS = (
    DJANGO_APPS + CMS_APPS + SECURITY_APPS + HISTORY_APPS + MEDIA_APPS + TASK_APPS + PORTAL_APPS
)

MIDDLEWARE = [
    "core.request_log.RequestLogMiddleware",
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.csp.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Over-long query strings: the portal's 400 (or the API's JSON), with the headers above.
    "core.request_limits.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views end here when cached, before sessions, auth and the CMS.
    "delivery.page_cache.PageCacheMiddleware",
    # What an HTTP cache in front may keep (Cache-Control, Surrogate-Key), under the page cache.
    "delivery.edge_cache.EdgeCacheMiddleware",
    # Apphooks attached or moved by an editor: URL patterns rebuilt at the next request.
    "delivery.apphook_reload.ApphookReloadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Records the logged-in editor on each history entry.
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.two_factor.Require2FAMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A password printed by `make editor` works once: its owner is sent to choose their own.
    "core.one_time_password.OneTimePasswordMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    # Draft previews, edit and structure views only for roles that may see drafts.
    "editorial.draft_access.DraftAccessMiddleware",
    "cms.middleware.language.LanguageCookieMiddleware",
    # Last, as django-axes asks: it turns a lockout anywhere into the 429 page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                "delivery.menu_renderer.menu_renderer",  # after cms_settings: replaces its renderer
            ],
        },
    },
]


# --- Database --------------------------------------------------------------

SQLITE_DEFAULT_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"


def _database() -> dict:
    """Parse DATABASE_URL, failing with a one-line reason that names the variable."""
    url = env.str("DATABASE_URL", default="") or SQLITE_DEFAULT_URL
    try:
        config = environ.Env.db_url_config(url)
    except Exception as exc:  # django-environ raises several types for bad URLs
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            "DATABASE_URL must start with postgres:// or sqlite:// "
            f"(got scheme for {engine or 'an unknown engine'})."
        )
    if engine == "django.db.backends.sqlite3":
        VAR_DIR.mkdir(exist_ok=True)
        # A write waits for another request's write instead of failing with "database is
        # locked": transactions take the write lock when they begin (uploads read, then write).
        config.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
    else:
        # django CMS loads each plugin type with QuerySet.iterator(), which on
        # PostgreSQL opens a server-side WITH HOLD cursor: extra round trips and a
        # materialised copy per plugin type for result sets of a few rows. Plain
        # cursors save 1-2 ms of a 30 ms uncached render (measured), and are what a
        # transaction-pooling PgBouncer needs.
        config["DISABLE_SERVER_SIDE_CURSORS"] = True
    config["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}


# --- Cache -----------------------------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")


def redis_cache(url: str) -> dict:
    """Redis down makes the site slower, not broken (README, *Failure modes*)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "portal",
        "OPTIONS": {
            # A stalled Redis fails fast (and /healthz says so) instead of hanging workers.
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            # A failed cache call is a miss or a skipped write: pages render from PostgreSQL.
            "IGNORE_EXCEPTIONS": True,
            # Stops trying for a few seconds after a failure, and logs the outage once.
            "CONNECTION_POOL_CLASS": "core.cache_outage.OutageAwareConnectionPool",
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate limits count in the cache: with Redis down, searches are let through (django-ratelimit).
RATELIMIT_FAIL_OPEN = True


# --- Background jobs ---------------------------------------------------------
# Physician imports uploaded in the admin run as tasks (jobs/). "immediate" runs them
# inside the upload request, so `make run` needs nothing else; "database" queues them
# for `manage.py db_worker` (`make worker`), as production does.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_task_backend = env.str("TASKS_BACKEND", default="immediate" if DEBUG else "database")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be immediate or database, not {_task_backend!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend]}}
# Uploaded import files wait here for the worker; web and worker must both reach it.
PORTAL_IMPORT_DIR = Path(env.str("IMPORT_DIR", default="") or VAR_DIR / "imports")


# --- Internationalisation and regions --------------------------------------
# A "region" is a django CMS language: each region has its own page content,
# notices and date format, and the US region is served without a URL prefix.

LANGUAGE_CODE = "en-us"
LANGUAGES = [
    ("en-us", _("United States")),
    ("en-ca", _("Canada")),
]
TIME_ZONE = "America/Chicago"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]

CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en-us", "name": _("United States"), "public": True},
        {"code": "en-ca", "name": _("Canada"), "public": True},
    ],
    "default": {"fallbacks": [], "redirect_on_fallback": True, "hide_untranslated": True},
}


# --- django CMS ------------------------------------------------------------

CMS_TEMPLATES = [
    ("cms/home.html", _("Home page")),
    ("cms/content.html", _("Content page")),
    ("cms/procedure.html", _("Procedure page")),
]
CMS_PERMISSION = True
# Anonymous visitors get whole pages from delivery.page_cache, which replaces
# django CMS's page cache; delivery.invalidation keeps it and the placeholder and menu
# caches exact, so cached content may live long (an hour with Redis).
# Invalidation travels through the cache, so a process-local cache (no
# REDIS_URL) carries it only within one process: there the page cache is on
# for the single-process dev server alone, and cached content lives a minute.
CMS_PAGE_CACHE = False
PORTAL_PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(REDIS_URL) or DEBUG)
PORTAL_PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600 if REDIS_URL else 60)
# Browsers and proxies may reuse a page this long without asking again.
PORTAL_PAGE_BROWSER_SECONDS = env.int("PAGE_BROWSER_SECONDS", default=60)
# An HTTP cache in front (Varnish, a CDN): its purge endpoint, sent the surrogate keys a
# publish makes stale (delivery.edge_purge). Empty when there is no edge.
PORTAL_EDGE_PURGE_URL = env.str("EDGE_PURGE_URL", default="") or None
# ... and purged once more this many seconds later (0: never), for a render that read the
# old rows just before the publish committed and reached the edge just after the purge.
PORTAL_EDGE_REPURGE_SECONDS = env.float("EDGE_REPURGE_SECONDS", default=2.0)
CMS_CACHE_DURATIONS = {
    "content": PORTAL_PAGE_CACHE_SECONDS,
    "menus": PORTAL_PAGE_CACHE_SECONDS,
    "permissions": 3600,
}
CMS_CONFIRM_VERSION4 = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # django CMS edits pages inside same-origin frames
# Editors log in through /admin/; the public site never shows a login form.
CMS_TOOLBAR_ANONYMOUS_ON = False
TEXT_INLINE_EDITING = True
# Soft hyphens inside words break in-page search and copy-paste of medical terms.
TEXT_AUTO_HYPHENATE = False

# Rich text is sanitised by djangocms-text (nh3) on save; these are the only
# extras editors need beyond its defaults. Its defaults allow any style attribute:
# core.rich_text keeps only PORTAL_TEXT_STYLES (text-align, as the editor writes it).
TEXT_ADDITIONAL_ATTRIBUTES = {"a": {"aria-label"}}
# The editor offers only what the site's stylesheet supports. Gone from djangocms-text's
# defaults: Heading 1 (the page title is the only h1) and 4-6, colour and highlight
# classes of a CSS framework the site does not use, style menus, tables, code, rules,
# quotes, indents, underline (it reads as a link) and the HTML source view. Removing a
# button also removes its TipTap extension, so pasted text loses that formatting too.
_TEXT_TOOLBAR = [
    ["Undo", "Redo"],
    ["Paragraph", "-", "Heading2", "Heading3"],
    ["Bold", "Italic", "-", "Subscript", "Superscript", "-", "RemoveFormat"],
    ["JustifyLeft", "JustifyCenter", "JustifyRight"],
    ["Link", "Unlink"],
    ["NumberedList", "BulletedList"],
]
TEXT_EDITOR_SETTINGS = {
    # In a page: the same, plus the menu that places a Citation inside the text.
    "toolbar_CMS": [["CMSPlugins"], *_TEXT_TOOLBAR],
    "toolbar_HTMLField": _TEXT_TOOLBAR,
}


# --- Static and media files ------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/uploads/"  # "/media/" is the Media page
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# The media library (django-filer). Uploads are checked by content in media.uploads:
# these types only (no SVG: a script or external reference could hide in one), within
# PORTAL_MEDIA_MAX_*_MB, with photo metadata (EXIF, GPS) stripped.
FILER_MIME_TYPE_WHITELIST = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
_IMAGE_CHECKS = [
    "media.uploads.check_size",
    "media.uploads.check_image",
    "media.uploads.apply_exif_orientation",
    "filer.validation.strip_exif",
]
FILER_ADD_FILE_VALIDATORS = {
    "image/jpeg": _IMAGE_CHECKS,
    "image/png": _IMAGE_CHECKS,
    "image/webp": _IMAGE_CHECKS,
    "image/gif": ["media.uploads.check_size", "media.uploads.check_image"],
    "video/mp4": ["media.uploads.check_size", "media.uploads.check_video"],
    "video/webm": ["media.uploads.check_size", "media.uploads.check_video"],
    "text/vtt": ["media.uploads.check_size", "media.uploads.check_captions"],
}
FILER_ENABLE_PERMISSIONS = False  # one library for the whole team; model permissions decide
# Renditions: made once, kept on disk and in easy-thumbnails' tables (media.renditions).
THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_CACHE_DIMENSIONS = True
# (easy-thumbnails already optimises JPEGs; passing optimize again breaks them.)
THUMBNAIL_IMAGE_SAVE_OPTIONS = {"JPEG": {"quality": 82}, "WEBP": {"quality": 80}}
# Locally WhiteNoise serves straight from the app folders; production serves collectstatic output.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}


# --- Authentication ------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "core.one_time_password.NotTheOneTimePasswordValidator"},
]
LOGIN_URL = "admin:login"
# django-axes first: it refuses locked-out logins before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Brute-force lockout (django-axes) on every login path: after
# LOGIN_FAILURE_LIMIT failures for one username from one address, or
# LOGIN_ACCOUNT_FAILURE_LIMIT for one account from all addresses (core.lockout,
# which emails the owner), 429 until the cool-off ends. Unlock early with
# `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
PORTAL_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "core.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_VERBOSE = False  # no start-up banner on every manage.py command; lockouts still log
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none,
# the header is ignored), and the addresses they connect from: the header is
# read only on their connections, as gunicorn does for X-Forwarded-Proto.
# Used for lockouts and rate limits (core.client_ip).
PORTAL_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
PORTAL_FORWARDED_ALLOW_IPS = [
    address.strip() for address in env.list("FORWARDED_ALLOW_IPS", default=["127.0.0.1"])
]
# Lockout notices go out by email: EMAIL_URL as django-environ reads it, e.g.
# smtp+tls://user:password@smtp.example.org:587 (the console with DEBUG on).
_mail_default = "consolemail://" if DEBUG else "smtp://localhost:25"
_email_url = env.str("EMAIL_URL", default="") or _mail_default
try:
    vars().update(environ.Env.email_url_config(_email_url))
except Exception as exc:  # django-environ raises several types for bad URLs
    raise ImproperlyConfigured(f"EMAIL_URL is not a valid mail URL: {exc}") from exc
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
EMAIL_TIMEOUT = 10  # a slow mail server must not hold a login request for long

# Two-factor authentication (django-otp TOTP, core.two_factor): whoever has
# an authenticator app enrolled must use it; with REQUIRE_2FA on (the default
# whenever DEBUG is off), superusers and these groups cannot log in without
# one. REQUIRE_2FA=false opts out; `manage.py check --deploy` then warns.
PORTAL_REQUIRE_2FA = env.bool("REQUIRE_2FA", default=not DEBUG)
PORTAL_TWO_FACTOR_GROUPS = ["Publisher"]
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Kyphoplasty patient portal")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True


# --- Security headers and HTTPS -------------------------------------------
# Production is served over HTTPS behind a TLS-terminating proxy that names the
# original scheme in a header, e.g. SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO.
# Only set it when that proxy always overwrites the header.

_proxy_ssl_header = env.str("SECURE_PROXY_SSL_HEADER", default="")
SECURE_PROXY_SSL_HEADER = (_proxy_ssl_header, "https") if _proxy_ssl_header else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is hard to undo (browsers ship the list), so it is opt-in.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The region (django_language, set by django CMS) as the session cookie: no script reads it.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Public pages: nothing inline, nothing from another host (core.csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Rich text keeps editors' style attributes, text alignment only
        # (core.rich_text); <style> elements and inline scripts stay blocked.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": not DEBUG,
    }
}
# Logged-in staff only: the django CMS toolbar, structure board and editors
# inject inline scripts and styles (core.csp.PortalCSPMiddleware).
PORTAL_CSP_EDITING = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "worker-src": [SELF, "blob:"],
}
# No page needs these; geolocation stays available to the physician finder.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}


# --- Logging ---------------------------------------------------------------
# LOG_FORMAT=json prints one JSON object per line (core.request_log), with
# one line per request carrying method, path, status and duration_ms.

LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.request_log.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}


# --- App settings ------------------------------------------------------------
# The public address and name of the site: the sitemap, canonical links, link previews,
# the admin and toolbar (applied to the Sites record on every migrate; seo.site_record).
PORTAL_SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
PORTAL_SITE_NAME = env.str("SITE_NAME", default="Kyphon Balloon Kyphoplasty")
# Each app reads its PORTAL_* settings through its conf.py, which holds the
# defaults (core.app_settings); here only those that come from the environment.

# Where `make backup` writes its <timestamp>/ folders (core.backups).
PORTAL_BACKUP_DIR = Path(env.str("BACKUP_DIR", default="") or VAR_DIR / "backups")
# Patient pages reading above this US school grade need a reviewer's acknowledgement to be
# approved (editorial.reading_grade; NIH and AMA advise grade 6-8).
PORTAL_MAX_READING_GRADE = env.float("MAX_READING_GRADE", default=9)
# Physician searches one visitor (IP address) may make, per django-ratelimit's rate syntax.
PORTAL_SEARCH_RATE = env.str("SEARCH_RATE_LIMIT", default="60/m")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_ENABLE = env.bool("SEARCH_RATE_LIMIT_ENABLED", default=True)

# django CMS 5.1's PageManager predates treebeard 5's manager check; the warning
# is about treebeard 6, which the pinned django CMS does not support yet.
SILENCED_SYSTEM_CHECKS = [
    "treebeard.E001",
    # X_FRAME_OPTIONS stays SAMEORIGIN: django CMS edits pages in same-origin frames.
    "security.W019",
]
if not SECURE_HSTS_PRELOAD:
    # Preload is a deliberate opt-in (SECURE_HSTS_PRELOAD), not an oversight.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
