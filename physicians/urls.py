"""The finder page's URLs, mounted by django CMS under the apphooked page."""

from django.urls import path

from physicians import views

app_name = "physicians"

urlpatterns = [
    path("", views.finder, name="finder"),
]
