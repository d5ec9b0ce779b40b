"""
The reading grade of each version in versioning's compare view, for the reviewer.

djangocms-versioning owns the compare view and its template (which has no blocks to
extend), so each versionable's registered version admin has its view wrapped, as
editorial.live_pages wraps the page admin: the response gets the grades and renders
editorial/compare.html, versioning's template with one line added.
"""

import functools

from django.apps import apps
from django.contrib import admin

from . import conf, reading_grade


def _grades(context) -> list[dict]:
    shown = [context.get("v1"), context.get("v2")]
    return [
        {
            "name": f"#{version.number}",  # as the toolbar numbers it ("Version #2")
            "grade": grade,
            "above_limit": reading_grade.above_limit(grade),
        }
        for version in shown
        if version is not None
        for grade in [reading_grade.grade_of(version.content)]
    ]


def _with_grades(compare_view):
    @functools.wraps(compare_view)
    def wrapper(request, object_id):
        response = compare_view(request, object_id)
        context = getattr(response, "context_data", None)
        if context is not None and "v1" in context:
            context["reading_grades"] = _grades(context)
            context["grade_limit"] = conf.MAX_READING_GRADE
            response.template_name = "editorial/compare.html"
        return response

    return wrapper


def install() -> None:
    """Wrap each version admin's compare view once (ready() may run more than once)."""
    for versionable in apps.get_app_config("djangocms_versioning").cms_extension.versionables:
        version_admin = admin.site._registry.get(versionable.version_model_proxy)
        if version_admin is None or getattr(version_admin, "_portal_grades", False):
            continue
        version_admin.compare_view = _with_grades(version_admin.compare_view)
        version_admin._portal_grades = True
