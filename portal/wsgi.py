"""WSGI entry point used by gunicorn (`make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()

# gunicorn imports this module once in its master (preload_app), so what is
# built here is built once and shared by every worker it forks.
from physicians import geocoding  # noqa: E402  (needs the settings configured above)

geocoding.warm()
