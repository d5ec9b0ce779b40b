"""
``{% page_url %}`` and ``{% static_alias %}`` for templates rendered on every
page, answered from delivery.lookups: one query per request for all of them.
"""

from cms.toolbar.utils import get_toolbar_from_request
from cms.utils.i18n import get_current_language
from django import template

from delivery import lookups

register = template.Library()

_STATIC_ALIAS = template.Template("{% load djangocms_alias_tags %}{% static_alias static_code %}")


@register.simple_tag(takes_context=True)
def reverse_id_url(context, reverse_id: str) -> str:
    """The URL of the page with this reverse id in the current region, "" if it has none."""
    request = context["request"]
    language = get_current_language()
    page = lookups.page_by_reverse_id(request, reverse_id, language)
    return (page.get_absolute_url(language) or "") if page else ""


@register.simple_tag(takes_context=True)
def batched_static_alias(context, static_code: str) -> str:
    """``{% static_alias %}`` for visitors, all site notices looked up in one query.

    Editors (who may edit, preview drafts, or create a missing alias from the
    page) get djangocms-alias's own tag.
    """
    request = context["request"]
    toolbar = get_toolbar_from_request(request)
    if request.user.is_authenticated or toolbar.edit_mode_active or toolbar.preview_mode_active:
        with context.push(static_code=static_code):
            return _STATIC_ALIAS.render(context)
    language = get_current_language()
    placeholder = lookups.static_alias_placeholder(request, static_code, language)
    if placeholder is None:
        return ""
    renderer = toolbar.get_content_renderer()
    lookups.load_static_alias_plugins(request, renderer, placeholder, language)
    return renderer.render_placeholder(placeholder, context=context, use_cache=True)
