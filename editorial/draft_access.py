"""
Drafts are shown only to the people who write, review and publish them.

django CMS renders any page content, draft or not, through its toolbar endpoints
(preview, edit, structure) to every staff user, checking only the page's public view
restrictions; djangocms-versioning's compare view and djangocms-alias's usage and
search views check nothing beyond staff status. This middleware lets through only
users who may view the content (Django's view or change permission on its model or
grouper: ``cms.view_page``, ``djangocms_alias.view_alias``), which editorial.roles gives
authors, medical reviewers and publishers and not the physician data manager. Anyone
else gets the styled 403 page.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from djangocms_alias.models import AliasContent
from djangocms_versioning import versionables

# django CMS's toolbar endpoints: the content type is their first URL argument.
OBJECT_ENDPOINTS = {
    "cms_placeholder_render_object_preview",
    "cms_placeholder_render_object_edit",
    "cms_placeholder_render_object_structure",
}
# Views that list aliases and where they are used, drafts included.
ALIAS_VIEWS = {"djangocms_alias_alias_usage", "djangocms_alias_select2"}


def may_view_drafts(user, model) -> bool:
    """View or change permission on the content model or, for versioned content, its grouper:
    page contents have no permissions of their own (django CMS checks the page's)."""
    models = [model]
    if versionables.exists_for_content(model):
        models.append(versionables.for_content(model).grouper_model)
    return any(
        user.has_perm(f"{m._meta.app_label}.{action}_{m._meta.model_name}")
        for m in models
        for action in ("view", "change")
    )


def _compare_views() -> dict:
    """Versioning's compare view of each versioned model, by URL name."""
    found = {}
    for versionable in apps.get_app_config("djangocms_versioning").cms_extension.versionables:
        proxy = versionable.version_model_proxy._meta
        found[f"{proxy.app_label}_{proxy.model_name}_compare"] = versionable.content_model
    return found


def guarded_model(url_name: str, args):
    """The content model whose drafts the admin view `url_name` shows, if it shows any."""
    if url_name in OBJECT_ENDPOINTS:
        try:
            return ContentType.objects.get_for_id(int(args[0])).model_class()
        except (ContentType.DoesNotExist, IndexError, ValueError):
            return None  # the view answers 404 itself
    if url_name in ALIAS_VIEWS:
        return AliasContent
    return _compare_views().get(url_name)


class DraftAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "admin" or not request.user.is_staff:
            return None  # the admin sends anonymous visitors to its login form
        model = guarded_model(match.url_name, view_args)
        if model is not None and not may_view_drafts(request.user, model):
            raise PermissionDenied(
                _(
                    "Drafts of pages, risk lists and site notices are shown only to content "
                    "authors, medical reviewers and publishers."
                )
            )
        return None
