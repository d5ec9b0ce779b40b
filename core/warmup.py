"""
Warm the app in gunicorn's master, so a new worker's first requests cost what later ones do.

gunicorn recycles each worker after ``max_requests`` (portal/gunicorn.conf.py). A worker
forked from a master that has only imported the app builds on its first requests what
every request needs, and its first visitors wait for it. Measured on the demo site, the
first uncached page in a fresh worker took 190-620 ms against 45 ms for its second: about
200 ms importing portal.urls and building the URL patterns (the admin's, django CMS's
with their apphooks), about 110 ms compiling templates. After this warm-up: about 95 ms,
what is left being the worker's own database and Redis connections.

Here the master serves a few requests to itself once, before the first fork, and compiles
every template (about 1 s at start); every worker then inherits the result. Nothing
visitors see depends on it: apphook changes since are caught by delivery.apphook_reload
(the revision the master saw is inherited with the patterns), and templates only change
with a deploy, which restarts the master. Its database connection is closed before any
fork, so no worker shares the master's socket.
"""

import gc
import logging
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.forms.renderers import get_default_renderer
from django.template import TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from django.test import RequestFactory
from django.utils import translation

logger = logging.getLogger(__name__)

# One of each kind of response: a CMS page and its templates, the site map, the admin
# (its URLs and templates), the API's description. None of them searches or writes. Each
# region's home page too: URL patterns are reversed per language, each built once.
PATHS = ("/", "/sitemap.xml", "/admin/login/", "/api/openapi.json")


def paths() -> list[str]:
    regions = [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return [*PATHS, *regions]


def warm(application: WSGIHandler) -> None:
    """Serve paths() once and compile every template; a failure is left to the workers."""
    started = time.perf_counter()
    try:
        answers = [f"{path} {_serve(application, path)}" for path in paths()]
        compiled = _compile_templates()
    finally:
        # Whatever happened, no worker may inherit the master's connection or region.
        translation.deactivate()
        connections.close_all()
    gc.freeze()  # like portal/wsgi.py: shared with every worker, skipped by full collections
    logger.info(
        "Warmed up before forking workers in %.0f ms: %s; %d templates compiled",
        (time.perf_counter() - started) * 1000,
        ", ".join(answers),
        compiled,
    )


TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}


def _compile_templates() -> int:
    """Every template the site can render, compiled once: 264 files, 100 ms, 7 MB.

    A request renders most of its templates through includes, plugins and menus, found
    only as it runs, so no list of pages covers them all. Form widgets have an engine of
    their own (the form renderer's), of which only Django's widget folder is needed.
    """
    main = engines["django"].engine
    widgets = get_default_renderer().engine.engine
    sources = [(main, [*main.dirs, *get_app_template_dirs("templates")]), (widgets, widgets.dirs)]
    compiled = 0
    for engine, folders in sources:
        for folder in map(Path, folders):
            for path in folder.rglob("*"):
                if path.suffix not in TEMPLATE_SUFFIXES:
                    continue
                try:
                    engine.get_template(path.relative_to(folder).as_posix())
                except (TemplateSyntaxError, UnicodeDecodeError):  # never rendered here
                    continue
                compiled += 1
    return compiled


def _serve(application: WSGIHandler, path: str) -> str:
    """GET `path` as a visitor would, its body read and dropped; the status code."""
    environ = (
        RequestFactory()
        .get(
            path,
            secure=True,  # no HTTPS redirect
            HTTP_HOST=_host(),
            # Past the page cache: the point is to render, not to read Redis.
            HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=warm-up",
        )
        .environ
    )
    statuses = []
    with _quiet("portal.requests", "django.request"):  # not a visitor's request
        body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(body)
        body.close()
    return statuses[0].split()[0]


def _host() -> str:
    host = next((h for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    return "www" + host if host.startswith(".") else host


@contextmanager
def _quiet(*names: str):
    loggers = [logging.getLogger(name) for name in names]
    for log in loggers:
        log.disabled = True
    try:
        yield
    finally:
        for log in loggers:
            log.disabled = False
