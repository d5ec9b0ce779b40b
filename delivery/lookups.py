"""
Lookups every page render repeats, done once per request in one query each.

django CMS answers ``{% page_url %}``, ``{% static_alias %}`` and the
``data-cms-href`` page links of rich text one object at a time: two queries
per footer link, three per site notice plus its plugins, one per linked page.
These helpers load the lot for the request's region the first time one is
needed and keep it on the request, so the query count of a render does not
grow with the number of links or notices. Nothing is kept across requests:
freshness stays with the page cache (delivery.invalidation).
"""

from cms.models import Page, PageUrl, Placeholder
from cms.utils.plugins import assign_plugins
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from djangocms_alias.models import AliasContent
from djangocms_text.html import dynamic_href, register_attr

_MEMO = "_portal_lookups"


def _memo(request, name: str, language: str, load):
    memo = request.__dict__.setdefault(_MEMO, {})
    if (name, language) not in memo:
        memo[name, language] = load(language)
    return memo[name, language]


def _attach_url(page: Page, url: PageUrl | None, language: str) -> Page:
    # Page.get_absolute_url() reads urls_cache instead of querying; None means "no URL".
    page.urls_cache = {language: url}
    return page


def _pages_by_reverse_id(language: str) -> dict[str, Page]:
    urls = PageUrl.objects.filter(
        language=language, page__site_id=settings.SITE_ID, page__reverse_id__isnull=False
    ).select_related("page")
    return {url.page.reverse_id: _attach_url(url.page, url, language) for url in urls}


def page_by_reverse_id(request, reverse_id: str, language: str) -> Page | None:
    return _memo(request, "reverse_ids", language, _pages_by_reverse_id).get(reverse_id)


def _page_urls(language: str) -> dict[int, PageUrl]:
    urls = PageUrl.objects.filter(page__site_id=settings.SITE_ID, language=language)
    return {url.page_id: url for url in urls.only("page_id", "path", "slug", "language")}


def _static_alias_placeholders(language: str) -> dict[str, Placeholder]:
    """Each site-wide static alias's published placeholder in this region."""
    published = AliasContent.objects.filter(
        language=language, alias__site__isnull=True, alias__static_code__isnull=False
    )
    code = AliasContent.objects.filter(pk=OuterRef("object_id")).values("alias__static_code")
    placeholders = Placeholder.objects.filter(
        content_type=ContentType.objects.get_for_model(AliasContent),
        object_id__in=published.values("pk"),
    ).annotate(static_code=Subquery(code[:1]))
    found = {}
    for placeholder in placeholders:
        if placeholder.slot == placeholder.static_code:
            placeholder.page = None  # saves django CMS a query looking for a page it has not
            found[placeholder.static_code] = placeholder
    return found


def static_alias_placeholder(request, static_code: str, language: str) -> Placeholder | None:
    return _memo(request, "static_aliases", language, _static_alias_placeholders).get(static_code)


def load_static_alias_plugins(request, renderer, placeholder: Placeholder, language: str) -> None:
    """Before a site notice renders: if it must load its plugins, load every notice's at once.

    Rendered one by one, each notice django CMS's placeholder cache lacks loads
    its own plugins: a query for the plugins and one per plugin type. When the
    first of them misses the cache, this loads the plugins of all that miss in
    one query plus one per plugin type. A notice the cache answers costs
    nothing extra: the renderer keeps the cache look-ups made here.
    """
    if hasattr(placeholder, "_plugins_cache") or _cached(renderer, placeholder, language):
        return
    placeholders = _memo(request, "static_aliases", language, _static_alias_placeholders)
    missing = [
        other
        for other in placeholders.values()
        if not hasattr(other, "_plugins_cache") and not _cached(renderer, other, language)
    ]
    assign_plugins(request, missing, None, language)


def _cached(renderer, placeholder: Placeholder, language: str) -> bool:
    return (
        placeholder.cache_placeholder
        and renderer.placeholder_cache_is_enabled()
        and renderer._get_cached_placeholder_content(placeholder, language) is not None
    )


def page_href(elem, obj, attr, edit_mode=False, request=None):
    """djangocms-text's data-cms-href resolver, with page URLs from one query per request."""
    if isinstance(obj, Page) and request is not None and not edit_mode:
        language = request.LANGUAGE_CODE
        _attach_url(obj, _memo(request, "page_urls", language, _page_urls).get(obj.pk), language)
    dynamic_href(elem, obj, attr, edit_mode=edit_mode)


def connect() -> None:
    """Called once from DeliveryConfig.ready()."""
    register_attr("data-cms-href", page_href)
