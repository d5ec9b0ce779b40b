"""
The "My work" page: what waits on the editor who opens it, and publishing from there.

Each queue row links to the draft, to its comparison with the live version and to the
one action the user may take next. Publishing is a POST with the CSRF token, and goes
through versioning's own publish checks (editorial.conditions: publisher, approved,
fair balance, media alternatives), so this page can publish nothing the toolbar cannot.
"""

from cms.toolbar.utils import get_object_preview_url
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from . import conf, links, queues, reading_grade, scheduling
from .reviews import PUBLISH_PERMISSION


def _rows(items, user) -> list[dict]:
    back = links.my_work_url()
    return [
        {
            "item": item,
            "label": str(item.version.content),
            "version_name": item.version.short_name(),
            "kind": item.version.content._meta.verbose_name,
            "draft_url": links.draft_url(item.version, user),
            "compare_url": links.compare_url(item.version, back=back),
            "schedule_url": scheduling.dialog_url(item.version, back=back),
            "may_submit": item.status in ("draft", "rejected")
            and item.version.has_change_permission(user),
            "grade": grade,
            "grade_above_limit": reading_grade.above_limit(grade),
        }
        for item in items
        for grade in [reading_grade.grade_of(item.version.content)]
    ]


def _scheduled_rows(items, user) -> list[dict] | None:
    if items is None:
        return None
    return [
        {
            "item": item,
            "label": str(item.version.content),
            "version_name": item.version.short_name(),
            "kind": item.version.content._meta.verbose_name,
            "when": scheduling.local_time(item.moment),
            # Published content: the preview shows this version whatever its dates.
            "open_url": get_object_preview_url(item.version.content),
        }
        for item in items
    ]


def my_work_view(request):
    found = queues.queues_for(request.user)
    sections = [
        (key, title, _rows(items, request.user), empty)
        for key, title, items, empty in [
            ("authored", _("Your drafts"), found.authored, _("You have no drafts open.")),
            (
                "to_review",
                _("Awaiting your medical review"),
                found.to_review,
                _("No draft is waiting for your review."),
            ),
            (
                "to_publish",
                _("Approved, ready to publish"),
                found.to_publish,
                _("No approved draft is waiting to be published."),
            ),
        ]
        if items is not None
    ]
    context = {
        **admin.site.each_context(request),
        "title": _("My work"),
        "sections": sections,
        "scheduled": _scheduled_rows(found.scheduled, request.user),
        "my_work_url": links.my_work_url(),
        "grade_limit": conf.MAX_READING_GRADE,
    }
    return TemplateResponse(request, "editorial/my_work.html", context)


def publish_view(request, version_id):
    """Publish an approved draft from My work; every refusal comes back as a message."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Only publishers can publish content."))
    version = get_object_or_404(Version, pk=version_id)
    back = HttpResponseRedirect(links.my_work_url())
    if not version.can_be_published():
        messages.error(request, _("Only a draft can be published: this version is not one."))
        return back
    try:
        version.check_publish(request.user)
        version.publish(request.user)
    except ConditionFailed as refusal:
        messages.error(request, str(refusal))
    except IntegrityError:
        messages.error(
            request,
            _("It could not be published: its address is already used by another live page."),
        )
    else:
        messages.success(
            request,
            _("Published “%(content)s”: visitors see it now.") % {"content": version.content},
        )
    return back
