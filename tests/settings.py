"""
Test settings: the production settings module plus test-only speed-ups.

The suite runs against DATABASE_URL when it is set (PostgreSQL in CI) and a
throwaway SQLite database otherwise.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Production requires two-factor logins (DEBUG is off here too); most tests log editors in
# with force_login. tests/core/test_two_factor.py turns it on, and tests/portal checks the
# production default.
PORTAL_REQUIRE_2FA = False
# The test client speaks plain HTTP; tests/core/test_headers.py checks the redirect itself.
SECURE_SSL_REDIRECT = False
# Nor may the browser tests' plain-HTTP site tell Chromium to upgrade its requests to HTTPS.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": False},  # noqa: F405
}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One cache per test process, emptied between tests by the root conftest. One
# process is all a test serves, so the page cache is on as with Redis.
PORTAL_PAGE_CACHE = True
# Tests count the purges a change sends; the delayed second one is tested on its own.
PORTAL_EDGE_REPURGE_SECONDS = 0
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-tests",
    }
}

# The finder's per-visitor rate limit is off except in tests/physicians/test_rate_limit.py,
# which turns it on: the other tests search far faster than any person.
RATELIMIT_ENABLE = False

# Admin imports run at once, as in development; tests/jobs picks the database backend
# where it tests the worker. Their files go to a folder of this test run's own.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PORTAL_IMPORT_DIR = tempfile.mkdtemp(prefix="portal-test-imports-")

# Uploads go to a folder of this test run's own, never to var/media (the browser tests'
# site processes share one, which they name in MEDIA_ROOT).
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="portal-test-media-")
