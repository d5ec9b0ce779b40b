"""
The editorial workflow on the django CMS toolbar: a "My work" link for every editor, a
"Review" menu while they look at a draft or at content that goes live or expires later,
and no button their role cannot use.

djangocms-timed-publishing's toolbar is replaced: it offered its dialog to anyone who may
change versions and gave times in UTC. Here only publishers get *Schedule publication…*,
on a draft they may publish now, and the go-live and expiry read in the site's time zone.
"""

from cms.toolbar.items import ButtonList
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from djangocms_timed_publishing.cms_toolbars import TimedPublicationsToolbar
from djangocms_versioning import versionables
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from . import links, reviews, scheduling, scheduling_views
from .models import Review

# Discovered before this module (INSTALLED_APPS order), so registered by now.
if f"{TimedPublicationsToolbar.__module__}.{TimedPublicationsToolbar.__name__}" in (
    toolbar_pool.toolbars
):
    toolbar_pool.unregister(TimedPublicationsToolbar)

# The class versioning gives the Publish button it draws on every draft in edit mode.
PUBLISH_BUTTON_CLASS = "cms-versioning-js-publish-btn"


def toolbar_version(toolbar):
    """The version the toolbar shows, or None (a plain page, unversioned content...)."""
    content = toolbar.get_object()
    if content is None or not versionables.exists_for_content(content):
        return None  # a toolbar asked for by page path holds the Page, which has no versions
    try:
        return Version.objects.get_for_content(content)
    except Version.DoesNotExist:
        return None


def toolbar_draft(toolbar):
    """The draft version the toolbar shows, or None (published content, a plain page...)."""
    version = toolbar_version(toolbar)
    return version if version is not None and version.state == DRAFT else None


@toolbar_pool.register
class ReviewToolbar(CMSToolbar):
    def populate(self):
        if not self.request.user.is_staff:
            return
        self.toolbar.add_button(_("My work"), url=links.my_work_url())
        version = toolbar_version(self.toolbar)
        if version is None:
            return
        upcoming = scheduling.upcoming(version.content)
        if upcoming:
            self._add_schedule(upcoming)
        if version.state == DRAFT:
            self._add_review_menu(version)

    def _add_schedule(self, upcoming):
        """What of this page or alias goes live or expires later, in the site's time zone."""
        menu = self.toolbar.get_or_create_menu("portal-review", _("Review"))
        scheduled = links.my_work_url() + "#scheduled"
        for version, interval in upcoming:
            if scheduling.is_pending(interval):
                label = _("Version #%(number)s goes live %(when)s")
                when = interval.start
            else:
                label = _("Version #%(number)s expires %(when)s")
                when = interval.end
            text = label % {"number": version.number, "when": scheduling.local_time(when)}
            menu.add_link_item(text, url=scheduled)

    def _add_review_menu(self, version):
        user = self.request.user
        menu = self.toolbar.get_or_create_menu("portal-review", _("Review"))
        latest = reviews.latest_review(version)
        waiting = latest and latest.is_current and latest.state != Review.State.REJECTED
        if latest and latest.is_current:
            menu.add_link_item(
                _("Status: %(state)s") % {"state": latest.get_state_display()},
                url=links.my_work_url(),
            )
        if not waiting and version.has_change_permission(user):
            menu.add_ajax_item(
                _("Submit for medical review"),
                action=reverse("admin:editorial_review_request", args=[version.pk]),
                data={"next": self.request.path, "reply": "json"},
                on_success="FOLLOW_REDIRECT",
            )
        # Nobody reviews their own draft (reviews.decide), so its author is not offered it.
        own_draft = version.created_by_id == user.pk and not user.is_superuser
        if user.has_perm(reviews.REVIEW_PERMISSION) and not own_draft:
            menu.add_link_item(
                _("Approve or reject…"),
                url=reverse("admin:editorial_review_decide", args=[version.pk]),
            )
        # Publishers only, and only when this draft may be published now (approved, balanced).
        if scheduling_views.refusal(version, user) is None:
            menu.add_modal_item(
                _("Schedule publication…"),
                url=scheduling.dialog_url(version),
                on_close="REFRESH_PAGE",
            )
        # Back from the comparison returns to this draft.
        menu.add_link_item(
            _("Compare with live"),
            url=links.compare_url(version, back=self.request.get_full_path()),
        )

    def post_template_populate(self):
        """Versioning draws Publish on every draft in edit mode; only publishers may use it.
        (A publisher's click on an unapproved draft is refused with the rule, unchanged.)"""
        if self.request.user.has_perm(reviews.PUBLISH_PERMISSION):
            return
        for found in self.toolbar.find_items(ButtonList):
            buttons = found.item.buttons
            if any(PUBLISH_BUTTON_CLASS in (b.extra_classes or []) for b in buttons):
                self.toolbar.remove_item(found.item)
