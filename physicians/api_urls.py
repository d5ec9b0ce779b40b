"""The JSON API and its OpenAPI description, mounted at /api/ by portal.urls."""

from django.urls import path

from physicians import api
from physicians.ratelimit import limit_searches

app_name = "physicians_api"

urlpatterns = [
    path("physicians/", limit_searches(api=True)(api.search), name="search"),
    path("openapi.json", api.openapi, name="openapi"),
]
