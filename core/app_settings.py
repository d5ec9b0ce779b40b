"""
Each app reads its settings through its own ``conf.py``, in one place, with defaults.

A ``conf.py`` declares its defaults and gets a module ``__getattr__`` from
``app_settings``: ``conf.PAGE_CACHE`` then reads ``settings.PORTAL_PAGE_CACHE``
at each access, falling back to the default. Reading at access time, not at
import, is what lets ``override_settings`` and pytest-django's ``settings``
fixture change a value for one test.
"""

from django.conf import settings

PREFIX = "PORTAL_"


def app_settings(defaults: dict):
    """A module-level ``__getattr__`` serving ``PORTAL_<NAME>`` for each name in defaults."""

    def __getattr__(name: str):
        if name not in defaults:
            raise AttributeError(f"no app setting {name!r}")
        return getattr(settings, PREFIX + name, defaults[name])

    return __getattr__
