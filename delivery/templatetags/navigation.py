"""
``{% main_navigation %}``: the header's menu, rendered once per region and page for visitors.

Every page shows the main navigation: the top-level pages, with the current one marked.
Building it goes through django CMS's menu tree, which holds every page of the site (2,016
nodes on the search benchmark's tree: about 27 ms to load, copy and walk on each request
the page cache cannot answer, such as a search or a finder result). For visitors it is the
same HTML for every request with the same region and current page, so it is cached under
the invalidation counters (delivery.invalidation), read before rendering: a change to the
page tree moves them, and the next request renders afresh. Editors, the toolbar's edit
and preview modes, and a cache that keeps nothing get django CMS's tag as before.
"""

from cms.toolbar.utils import get_toolbar_from_request
from cms.utils.i18n import get_current_language
from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from delivery import conf
from delivery.invalidation import read_versions

register = template.Library()

_MAIN_NAV = template.Template('{% load menu_tags %}{% show_menu 0 0 0 0 "menu/main_nav.html" %}')


@register.simple_tag(takes_context=True)
def main_navigation(context) -> str:
    request = context["request"]
    toolbar = get_toolbar_from_request(request)
    if request.user.is_authenticated or toolbar.edit_mode_active or toolbar.preview_mode_active:
        return _MAIN_NAV.render(context)
    versions = read_versions()
    if versions is None:  # Redis is down: nothing cached could be ended by a change
        return _MAIN_NAV.render(context)
    page = getattr(request, "current_page", None)
    generation, epoch = versions
    key = f"main-nav:{get_current_language()}:{page.pk if page else 0}:{generation}:{epoch}"
    html = cache.get(key)
    if html is None:
        html = _MAIN_NAV.render(context)
        cache.set(key, str(html), conf.PAGE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - django CMS's menu template, rendered above
