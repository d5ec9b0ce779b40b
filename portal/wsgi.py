"""WSGI entry point used by gunicorn (`make serve`)."""

import gc
import os

from django.apps import apps
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()

# gunicorn imports this module once in its master (preload_app), so what is
# built here is built once and shared by every worker it forks. Apps with
# something costly to build (the physicians' ZIP index) give their AppConfig a
# warm() method.
for app_config in apps.get_app_configs():
    if hasattr(app_config, "warm"):
        app_config.warm()

# Everything loaded so far lives as long as the process. Frozen, the garbage
# collector's full passes skip it: over this heap (the ZIP index, Django, django
# CMS) each pass took about 250 ms and stalled whichever request triggered it.
# Workers also keep sharing these pages of memory with the master.
gc.freeze()
