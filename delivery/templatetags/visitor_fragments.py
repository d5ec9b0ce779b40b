"""
``{% cached_for_visitors "name" [per_page] %}…{% endcached_for_visitors %}``: the chrome of
every page, rendered once per region (and page) for visitors.

The page cache answers whole CMS pages, but a search, a finder result or a 404 page is
rendered each time, and most of its cost is the chrome every page shares: the main
navigation walks django CMS's menu tree, which holds every page of the site (2,016 nodes on
the search benchmark: about 27 ms a request), and the footer looks up four site notices and
three page addresses (about 15 ms). For visitors that HTML is the same for every request of a
region (and, with ``per_page``, of a current page, which the navigation marks), so it is
kept in the shared cache under the invalidation counters (delivery.invalidation), read
before rendering: any change the chrome could show moves them, and the next request renders
afresh, as the page cache does. Editors, the toolbar's edit and preview modes, and a cache
that keeps nothing (Redis down) get the block rendered as written.

What goes inside must not depend on the request beyond region and page, and must not add
to sekizai blocks (what it adds would be lost on a hit).
"""

from cms.toolbar.utils import get_toolbar_from_request
from cms.utils.i18n import get_current_language
from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from delivery import conf
from delivery.invalidation import read_versions

register = template.Library()


def fragment_key(request, name: str, *, per_page: bool) -> str | None:
    """The cache key of this fragment for this request, or None when it must be rendered."""
    if request is None:
        return None
    toolbar = get_toolbar_from_request(request)
    if request.user.is_authenticated or toolbar.edit_mode_active or toolbar.preview_mode_active:
        return None
    if not hasattr(request, "_visitor_fragment_versions"):  # one read for all fragments
        request._visitor_fragment_versions = read_versions()
    versions = request._visitor_fragment_versions
    if versions is None:  # Redis is down: nothing cached could be ended by a change
        return None
    page = getattr(request, "current_page", None) if per_page else None
    generation, epoch = versions
    return f"fragment:{name}:{get_current_language()}:{page.pk if page else 0}:{generation}:{epoch}"


class VisitorFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, per_page: bool):
        self.nodelist = nodelist
        self.name = name
        self.per_page = per_page

    def render(self, context):
        key = fragment_key(context.get("request"), self.name, per_page=self.per_page)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = str(self.nodelist.render(context))
            cache.set(key, html, conf.PAGE_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 - the block's own templates rendered it, escaped


@register.tag
def cached_for_visitors(parser, token):
    bits = token.split_contents()
    usage = '{% cached_for_visitors "name" [per_page] %}…{% endcached_for_visitors %}'
    if len(bits) not in (2, 3) or bits[1][0] not in "\"'" or bits[2:] not in ([], ["per_page"]):
        raise template.TemplateSyntaxError(f"Usage: {usage}")
    nodelist = parser.parse(("endcached_for_visitors",))
    parser.delete_first_token()
    return VisitorFragmentNode(nodelist, bits[1][1:-1], per_page=len(bits) == 3)
