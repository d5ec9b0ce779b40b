"""The WSGI module gunicorn preloads: what it builds, every worker inherits ready."""

import gc
import importlib

from physicians import geocoding


def test_loading_the_wsgi_module_builds_the_geocoder_index():
    geocoding._index.cache_clear()
    import portal.wsgi

    importlib.reload(portal.wsgi)

    assert geocoding._index.cache_info().currsize == 1
    assert portal.wsgi.application is not None


def test_what_the_wsgi_module_loads_is_kept_out_of_garbage_collection():
    import portal.wsgi

    gc.unfreeze()
    try:
        importlib.reload(portal.wsgi)
        assert gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()
