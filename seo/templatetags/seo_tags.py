"""``{% seo_head %}``: description, canonical and alternate links, link-preview cards and
JSON-LD for the page on screen (templates/base.html puts it in the head)."""

import json

from django import template
from django.utils.safestring import mark_safe

from pages.selectors import page_content_on_screen
from seo import conf
from seo.page_facts import facts_for
from seo.structured_data import LANGUAGE_TAGS, page_graph

register = template.Library()


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    content = page_content_on_screen(request) if request is not None else None
    if content is None:
        return {"site_name": conf.SITE_NAME}
    url = conf.SITE_URL + request.path
    facts = facts_for(content)
    alternates = [
        (LANGUAGE_TAGS.get(language, language), href)
        for language, href in sorted(facts.alternates.items())
    ]
    if len(alternates) > 1:
        alternates.append(("x-default", facts.alternates.get("en-us", url)))
    graph = page_graph(
        content=content, url=url, facts=facts, breadcrumbs=_breadcrumbs(context, url)
    )
    return {
        "site_name": conf.SITE_NAME,
        "content": content,
        "canonical": url,
        "alternates": alternates if len(alternates) > 1 else [],
        "locale": LANGUAGE_TAGS.get(content.language, content.language).replace("-", "_"),
        "image": facts.image,
        "json_ld": _script_safe(graph),
    }


def _breadcrumbs(context, url: str) -> list[tuple[str, str]]:
    """(title, absolute URL) from the home page down to this page, from the request's
    menu tree (built once per request anyway: no extra query)."""
    renderer = context.get("cms_menu_renderer")
    if renderer is None:
        return []
    nodes = renderer.get_nodes(breadcrumb=True)
    chain, node = [], next((n for n in nodes if n.selected), None)
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    home = next((n for n in nodes if n.attr.get("is_home")), None)
    if home is not None and (not chain or chain[0] is not home):
        chain.insert(0, home)
    return [(n.get_menu_title(), conf.SITE_URL + n.get_absolute_url()) for n in chain]


def _script_safe(data: dict) -> str:
    """JSON for a <script> element: "<", ">" and "&" escaped so page text cannot end it."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above for the script context
