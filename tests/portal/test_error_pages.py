"""Visitors who hit a bad URL or a server fault get a page in the site's style."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from tests.html import texts

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_styled_404_page(client, site_tree):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert texts(response, "//h1") == ["We could not find that page"]
    assert b"/static/portal/css/site.css" in response.content
    assert "Patients" in texts(response, '//nav[@aria-label="Main"]//a')


def _broken_view(request):
    raise RuntimeError("simulated fault")


urlpatterns = [path("broken/", _broken_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_gets_the_styled_500_page():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    assert texts(response, "//h1") == ["Something went wrong on our side"]
    assert b"simulated fault" not in response.content
    assert b"Traceback" not in response.content
