"""Included inside i18n_patterns (portal/urls.py): /search/ is the US, /en-ca/search/ Canada."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [path("", views.search, name="results")]
