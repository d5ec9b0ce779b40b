"""
Settings for `make bench-pages`: production's own, plus the benchmark's floor view.

Like tests/settings.py, this module changes only what the measurement needs, so
the servers measured run the middleware, logging and caches that `make serve`
runs. PORTAL_BENCH_NO_CACHE=true gives the server with every cache off.
"""

from portal.settings import *  # noqa: F403
from portal.settings import env

ROOT_URLCONF = "benchmarks.urls"
if env.bool("PORTAL_BENCH_NO_CACHE", default=False):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
