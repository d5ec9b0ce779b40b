"""The finder page's URLs, mounted by django CMS under the apphooked page."""

from django.urls import path

from physicians import views
from physicians.ratelimit import limit_searches

app_name = "physicians"

urlpatterns = [
    path("", limit_searches(api=False)(views.finder), name="finder"),
]
