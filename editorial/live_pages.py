"""
What visitors see of a page's place and name changes only under review or by a publisher.

djangocms-versioning drafts a page's content, title and slug, which go live with the
reviewed version. It does not draft the page tree: a move rewrites the live address,
menu place and breadcrumbs of a page and every page below it at once, and so does
making another page the home page. For pages that are live (or have live pages below
them) both are limited to publishers and superusers. django CMS's title editor edits
the newest content in place, which is the published one when no draft exists: it is
refused there, as versioning refuses every other change to published content.

django CMS owns the page admin, so its registered instance is wrapped, as
editorial.deletion does. A move is refused from the MOVE_PAGE operation hook, which runs
inside the view's transaction before anything moves; the view's wrapper turns the
refusal into the message the page tree shows.
"""

import functools

from cms import operations
from cms.models import Page, PageContent
from cms.signals import pre_obj_operation
from cms.utils.admin import jsonify_request
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from .reviews import PUBLISH_PERMISSION


def is_live(page: Page) -> bool:
    """The page or one below it has a published version (the default manager lists only those)."""
    return PageContent.objects.filter(page__path__startswith=page.path).exists()


def may_rearrange_live_pages(user) -> bool:
    return user.is_superuser or user.has_perm(PUBLISH_PERMISSION)


def refuse_unreviewed_move(sender, *, operation, request=None, obj=None, **kwargs):
    """pre_obj_operation receiver: raising here stops django CMS before it moves anything."""
    if operation != operations.MOVE_PAGE or request is None or obj is None:
        return
    if is_live(obj) and not may_rearrange_live_pages(request.user):
        raise PermissionDenied(
            _(
                "Only publishers can move a page that is live or has live pages below it: "
                "its address, menu place and breadcrumbs would change at once, without "
                "review. Ask a publisher to move it."
            )
        )


def _tree_message_on_refusal(move_page):
    @functools.wraps(move_page)
    def wrapper(request, page_id, extra_context=None):
        try:
            return move_page(request, page_id, extra_context)
        except PermissionDenied as refusal:
            # The page tree shows the message of a JSON answer with status 400 only.
            return jsonify_request(HttpResponseBadRequest(str(refusal)))

    return wrapper


def _publishers_set_live_home(set_home, page_admin):
    @functools.wraps(set_home)
    def wrapper(request, object_id):
        page = page_admin.get_object(request, object_id=object_id)
        if request.method == "POST" and page is not None:
            old_home = Page.objects.filter(is_home=True, site=page.site_id).first()
            affected = [p for p in (page, old_home) if p is not None]
            if any(map(is_live, affected)) and not may_rearrange_live_pages(request.user):
                message = _(
                    "Only publishers can choose the home page: it changes the address of "
                    "live pages at once, without review."
                )
                return HttpResponseForbidden(message)
        return set_home(request, object_id)

    return wrapper


def _titles_of_drafts_only(edit_title_fields, page_admin):
    @functools.wraps(edit_title_fields)
    def wrapper(request, page_id, language):
        page = page_admin.get_object(request, object_id=page_id)
        content = page.get_admin_content(language) if page is not None else None
        version = Version.objects.get_for_content(content) if content else None
        if version is not None and version.state != DRAFT:
            message = _(
                "This title is live. Choose Edit to start a draft, change the title there "
                "and send the draft for medical review."
            )
            context = {"opts": PageContent._meta, "message": message}
            return TemplateResponse(
                request, "admin/cms/page/plugin/error_form.html", context, status=403
            )
        return edit_title_fields(request, page_id, language)

    return wrapper


def protect_live_pages() -> None:
    """Wrap the page admin's views once (ready() may run more than once in tests)."""
    pre_obj_operation.connect(refuse_unreviewed_move, dispatch_uid="editorial-live-moves")
    page_admin = admin.site._registry.get(Page)
    if page_admin is None or getattr(page_admin, "_portal_live_pages", False):
        return
    page_admin.move_page = _tree_message_on_refusal(page_admin.move_page)
    page_admin.set_home = _publishers_set_live_home(page_admin.set_home, page_admin)
    page_admin.edit_title_fields = _titles_of_drafts_only(page_admin.edit_title_fields, page_admin)
    page_admin._portal_live_pages = True
