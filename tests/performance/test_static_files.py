"""
Static files as `make serve` ships them (DEBUG off): collectstatic's hashed
names, served by WhiteNoise with far-future caching and pre-compressed copies.
"""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

ONE_YEAR = 365 * 24 * 3600


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic of the portal's own files (not django CMS's thousands) into tmp_path."""
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    assert not settings.DEBUG
    call_command("collectstatic", interactive=False, verbosity=0)
    yield WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())


def get(app, url, **headers):
    return app(RequestFactory().get(url, **headers))


def test_hashed_names_are_cached_for_a_year_and_immutable(collected):
    url = staticfiles_storage.url("portal/css/site.css")
    assert url != "/static/portal/css/site.css"  # the name carries a content hash

    response = get(collected, url)

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert int(cache_control.split("max-age=")[1].split(",")[0]) >= ONE_YEAR
    assert "immutable" in cache_control


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_copies(collected, encoding):
    url = staticfiles_storage.url("portal/css/site.css")

    response = get(collected, url, HTTP_ACCEPT_ENCODING=encoding)

    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]
