"""
The "Schedule publication" dialog: publish an approved draft with a go-live and an expiry.

It takes the place of djangocms-timed-publishing's view at the same address (the
``<version>/timed/`` URL of versioning's admin), because that view stored the dates before
any check (editorial.scheduling explains). Reached from the toolbar's Review menu (in
django CMS's modal) and from My work's *Schedule…* link (a full page, with ``back``).
Only publishers are let in; a draft that may not be published yet shows why, without a
form.
"""

from urllib.parse import unquote

from cms.constants import MODAL_HTML_REDIRECT
from cms.toolbar.utils import get_object_preview_url
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from djangocms_timed_publishing.forms import TimedPublishingForm
from djangocms_versioning.exceptions import ConditionFailed

from . import links, scheduling
from .reviews import PUBLISH_PERMISSION


class ScheduleForm(TimedPublishingForm):
    """timed-publishing's form (dates in the future, the end after the start), in our words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start, end = self.fields["visibility_start"], self.fields["visibility_end"]
        start.label = gettext_lazy("Goes live")
        start.help_text = gettext_lazy("Empty: visitors see it as soon as you press Publish.")
        end.label = gettext_lazy("Expires")
        end.help_text = gettext_lazy("Empty: it stays until a new version replaces it.")


def refusal(version, user) -> str | None:
    """Why this user may not publish this version now, or None."""
    if not version.can_be_published():
        return _("Only a draft can be published: this version is not one.")
    try:
        version.check_publish(user)
    except ConditionFailed as error:
        return str(error)
    return None


def _back(request) -> str:
    target = request.GET.get("back", "")
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""


def schedule_view(self, request, object_id):
    """VersionAdmin.timed_publish_view: `self` is versioning's admin for the content type."""
    version = self.get_object(request, unquote(object_id))
    if version is None:
        raise Http404(_("This version no longer exists."))
    if not request.user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Only publishers can publish or schedule content."))
    back = _back(request)
    blocked = refusal(version, request.user)
    live = scheduling.live_version(version)
    form = ScheduleForm(request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and not blocked and form.is_valid():
        start = form.cleaned_data["visibility_start"]
        end = form.cleaned_data["visibility_end"]
        try:
            scheduling.publish_on_schedule(version=version, user=request.user, start=start, end=end)
        except ConditionFailed as failed:
            error = str(failed)
        except IntegrityError:
            error = _("It could not be published: its address is already used by another page.")
        else:
            messages.success(request, _confirmation(version, start=start, end=end))
            if back:
                return HttpResponseRedirect(back)
            # In django CMS's modal: close it and show the content.
            url = get_object_preview_url(version.content)
            return HttpResponse(MODAL_HTML_REDIRECT.format(url=escape(url)))
    now = timezone.localtime()
    context = {
        **self.admin_site.each_context(request),
        "title": _("Schedule publication"),
        "version": version,
        "content": version.content,
        "form": form,
        "blocked": blocked,
        "error": error,
        "back": back,
        "my_work_url": links.my_work_url(),
        "now": now,
        "time_zone": now.strftime("%Z"),
        "time_zone_name": timezone.get_current_timezone_name(),
        "live": live,
        "opts": self.model._meta,
    }
    status = 400 if error or (request.method == "POST" and not form.is_valid()) else 200
    return TemplateResponse(request, "editorial/schedule.html", context, status=status)


def _confirmation(version, *, start, end) -> str:
    if not (start or end):
        return _("Published “%(content)s”: visitors see it now.") % {"content": version.content}
    return _("Published “%(content)s”: it %(schedule)s.") % {
        "content": version.content,
        "schedule": scheduling.describe(start=start, end=end),
    }


def install() -> None:
    """Put the dialog at timed-publishing's address (its URL name stays, so links to it work).

    timed-publishing patches versioning's admin when django CMS loads its cms_config;
    importing that here makes sure the patch ran before it is replaced.
    """
    import djangocms_timed_publishing.cms_config  # noqa: F401
    from djangocms_versioning.admin import VersionAdmin

    VersionAdmin.timed_publish_view = schedule_view
