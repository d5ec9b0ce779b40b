"""The JSON API and its OpenAPI description, mounted at /api/ by portal.urls."""

from django.urls import path

from physicians import api

app_name = "physicians_api"

urlpatterns = [
    path("physicians/", api.search, name="search"),
    path("openapi.json", api.openapi, name="openapi"),
]
