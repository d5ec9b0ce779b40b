"""Settings of the patient pages app (see core.app_settings)."""

from django.conf import settings

from core.app_settings import app_settings

DEFAULTS = {
    # The YAML the demo loader reads.
    "DEMO_FIXTURES": settings.BASE_DIR / "fixtures" / "demo",
    # Pages under the page with this reverse id are for healthcare professionals.
    "HCP_SECTION": "physicians",
}

__getattr__ = app_settings(DEFAULTS)
