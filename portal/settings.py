"""
Settings for the balloon kyphoplasty patient portal.

Everything that differs between a laptop, CI and production comes from the
environment (see `.env.example`). Locally the defaults give a working site on
SQLite with nothing installed; with ``DEBUG`` off the settings refuse to start
without a real ``SECRET_KEY``.
"""

import secrets
from pathlib import Path

import environ
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
    "djangocms_alias",
]
PORTAL_APPS = [
    "portal",
    "pages",
    "physicians",
]
INSTALLED_APPS = DJANGO_APPS + CMS_APPS + PORTAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    "cms.middleware.language.LanguageCookieMiddleware",
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
    config["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}


# --- Cache -----------------------------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# --- Internationalisation and regions --------------------------------------
# A "region" is a django CMS language: each region has its own page content,
# notices and date format, and the US region is served without a URL prefix.

LANGUAGE_CODE = "en-us"
LANGUAGES = [
    ("en-us", _("United States")),
]
TIME_ZONE = "America/Chicago"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en-us", "name": _("United States"), "public": True},
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
CMS_CONFIRM_VERSION4 = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # django CMS edits pages inside same-origin frames
TEXT_INLINE_EDITING = True
# Soft hyphens inside words break in-page search and copy-paste of medical terms.
TEXT_AUTO_HYPHENATE = False

# Rich text is sanitised by djangocms-text (nh3) on save; these are the only
# extras editors need beyond its defaults.
TEXT_ADDITIONAL_ATTRIBUTES = {"a": {"aria-label"}}


# --- Static and media files ------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/uploads/"  # "/media/" is the Media page
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
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
]
LOGIN_URL = "admin:login"


# --- Logging ---------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}


# --- Portal ----------------------------------------------------------------

PORTAL_DEMO_FIXTURES = BASE_DIR / "fixtures" / "demo"

# django CMS 5.1's PageManager predates treebeard 5's manager check; the warning
# is about treebeard 6, which the pinned django CMS does not support yet.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]
