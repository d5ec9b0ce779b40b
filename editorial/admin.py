"""
Admin for editorial governance: the review queue with approve/reject pages,
the audit history (read-only) and the "Content due for review" report.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from djangocms_versioning.models import Version

from . import conf, draft_edits, my_work, reading_grade, reviews, selectors
from .links import compare_url, my_work_url
from .models import AuditEntry, PageDueForReview, Review

__all__ = ["compare_url"]  # tests and older links import it from here

# What the Approve button posts when the reviewer approves a draft above the grade limit.
GRADE_ACKNOWLEDGED = "grade-acknowledged"


def _local_next(request) -> str:
    """The posted `next` when it is a path on this site, else "" (no open redirect)."""
    target = request.POST.get("next", "")
    allowed = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: listed for everyone allowed to see them, changed by nobody."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = [
        "content",
        "version_name",
        "state",
        "requested_by",
        "requested_at",
        "decided_by",
        "links",
    ]
    list_filter = ["state"]
    list_select_related = ["version", "requested_by", "decided_by"]
    readonly_fields = [f.name for f in Review._meta.fields]

    @admin.display(description=_("content"))
    def content(self, review):
        return str(review.version.content)

    @admin.display(description=_("version"))
    def version_name(self, review):
        """The name the toolbar gives the same version ("Version #3 (Draft)")."""
        return review.version.short_name()

    @admin.display(description=_("review"))
    def links(self, review):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            compare_url(review.version, back=reverse("admin:editorial_review_changelist")),
            _("Compare with live"),
            reverse("admin:editorial_review_decide", args=[review.version_id]),
            _("Approve or reject"),
        )

    def get_urls(self):
        return [
            path(
                "my-work/",
                self.admin_site.admin_view(my_work.my_work_view),
                name="editorial_review_my_work",
            ),
            path(
                "version/<int:version_id>/publish/",
                self.admin_site.admin_view(my_work.publish_view),
                name="editorial_review_publish",
            ),
            path(
                "version/<int:version_id>/request/",
                self.admin_site.admin_view(self.request_view),
                name="editorial_review_request",
            ),
            path(
                "version/<int:version_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="editorial_review_decide",
            ),
            *super().get_urls(),
        ]

    def request_view(self, request, version_id):
        version = get_object_or_404(Version, pk=version_id)
        if request.method != "POST":
            return redirect(compare_url(version))
        try:
            reviews.request_review(version=version, user=request.user)
        except reviews.ReviewError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, _("Sent for medical review."))
        target = _local_next(request) or my_work_url()
        if request.POST.get("reply") == "json":
            # The toolbar's Review menu posts by AJAX and then goes to "url" itself
            # (FOLLOW_REDIRECT): a redirect would be followed inside the AJAX request,
            # whose page would show, and use up, the confirmation message unseen.
            return JsonResponse({"url": target})
        # A URL, never a view name: redirect() would try to reverse the text it is given.
        return HttpResponseRedirect(target)

    def decide_view(self, request, version_id):
        version = get_object_or_404(Version, pk=version_id)
        if not request.user.has_perm(reviews.REVIEW_PERMISSION):
            self.message_user(
                request, _("Only medical reviewers can approve or reject drafts."), messages.ERROR
            )
            return redirect("admin:index")
        error = None
        if request.method == "POST":
            approve = "approve" in request.POST
            try:
                reviews.decide(
                    version=version,
                    user=request.user,
                    approve=approve,
                    comment=request.POST.get("comment", ""),
                    # The Approve button of a draft above the grade limit says so (decide.html).
                    grade_acknowledged=request.POST.get("approve") == GRADE_ACKNOWLEDGED,
                )
            except reviews.ReviewError as exc:
                error = str(exc)
            else:
                self.message_user(
                    request,
                    _("Approved.") if approve else _("Rejected: the author is told why."),
                )
                return HttpResponseRedirect(my_work_url())
        grade = reading_grade.grade_of(version.content)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review a draft"),
            "version": version,
            "compare_url": compare_url(
                version, back=reverse("admin:editorial_review_decide", args=[version.pk])
            ),
            "latest": reviews.latest_review(version),
            "editors": draft_edits.editors_since_approval(version),
            "address_change": selectors.address_change(version.content),
            "grade": grade,
            "grade_above_limit": reading_grade.above_limit(grade),
            "grade_limit": conf.MAX_READING_GRADE,
            "grade_acknowledged_value": GRADE_ACKNOWLEDGED,
            "error": error,
            "comment": request.POST.get("comment", ""),
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "editorial/decide.html", context, status=400 if error else 200
        )


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "content_label", "note", "reading_grade"]
    list_filter = ["action", "at"]
    search_fields = ["content_label", "user__username", "note"]
    date_hierarchy = "at"


@admin.register(PageDueForReview)
class DueForReviewAdmin(ReadOnlyAdmin):
    """Pages whose last medical review is older than PORTAL_REVIEW_INTERVAL_DAYS, or never done."""

    list_display = ["page_title", "last_reviewed", "reviewer", "open_page"]
    list_display_links = None

    def get_queryset(self, request):
        return selectors.pages_due_for_review(super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(reviews.REVIEW_PERMISSION) or request.user.has_perm(
            reviews.PUBLISH_PERMISSION
        )

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description=_("page"), ordering="path")
    def page_title(self, page):
        return page.get_title() or page.reverse_id or page.pk

    @admin.display(
        description=_("last medical review"), ordering="reviewed_at", empty_value="never"
    )
    def last_reviewed(self, page):
        return page.reviewed_at

    @admin.display(description=_("reviewed by"), ordering="reviewer_name", empty_value="—")
    def reviewer(self, page):
        return page.reviewer_name

    @admin.display(description=_("link"))
    def open_page(self, page):
        url = page.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, _("View page")) if url else "—"
