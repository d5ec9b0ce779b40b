"""A "Review" menu on the django CMS toolbar while an editor looks at a draft."""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from djangocms_versioning import versionables
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from . import reviews


@toolbar_pool.register
class ReviewToolbar(CMSToolbar):
    def populate(self):
        content = self.toolbar.get_object()
        if content is None or not self.request.user.is_staff:
            return
        if not versionables.exists_for_content(content):
            return  # a toolbar asked for by page path holds the Page, which has no versions
        try:
            version = Version.objects.get_for_content(content)
        except Version.DoesNotExist:
            return
        if version.state != DRAFT:
            return
        menu = self.toolbar.get_or_create_menu("portal-review", _("Review"))
        latest = reviews.latest_review(version)
        if latest and latest.is_current:
            menu.add_link_item(
                _("Status: %(state)s") % {"state": latest.get_state_display()},
                url=reverse("admin:editorial_review_changelist"),
            )
        menu.add_ajax_item(
            _("Submit for medical review"),
            action=reverse("admin:editorial_review_request", args=[version.pk]),
            data={"next": self.request.path},
        )
        if self.request.user.has_perm(reviews.REVIEW_PERMISSION):
            menu.add_link_item(
                _("Approve or reject…"),
                url=reverse("admin:editorial_review_decide", args=[version.pk]),
            )
