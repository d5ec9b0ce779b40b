"""Template tags for content pages: references, last update, placeholders in markup."""

from cms.models import Page, PageContent
from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import mark_safe
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import StateTracking

from pages import conf
from pages.selectors import page_content_on_screen, references_cited_on

register = template.Library()


def _page_content(context):
    return page_content_on_screen(context.get("request"))


@register.inclusion_tag("pages/includes/references.html", takes_context=True)
def page_references(context):
    """The references cited anywhere on the page being shown, in library order."""
    content = _page_content(context)
    references = []
    if content is not None:
        references = references_cited_on(content, request=context.get("request"))
    return {
        "references": references,
        "show_consultant_note": any(r.author_was_paid_consultant for r in references),
        "show_funding_note": any(r.funded_by_manufacturer for r in references),
    }


@register.simple_tag(takes_context=True)
def page_published_at(context):
    """When the version on screen was published (None for a draft), from versioning's log."""
    content = _page_content(context)
    if content is None:
        return None
    return (
        StateTracking.objects.filter(
            version__content_type=ContentType.objects.get_for_model(PageContent),
            version__object_id=content.pk,
            new_state=PUBLISHED,
        )
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )


@register.simple_tag(takes_context=True)
def in_hcp_section(context) -> bool:
    """True on the healthcare-professional section (the page keyed PORTAL_HCP_SECTION and below)."""
    page = getattr(context.get("request"), "current_page", None)
    if not page:  # a lazy object wrapping None on non-CMS pages
        return False
    root = (
        Page.objects.filter(reverse_id=conf.HCP_SECTION, site_id=page.site_id)
        .values_list("path", flat=True)
        .first()
    )
    return bool(root) and page.path.startswith(root)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist  # django CMS finds placeholders inside by this attribute
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as NAME %}…{% endcapture %}``: render the block into a variable.

    For a placeholder wrapped in markup (a heading, a section) that must not show when
    the placeholder is empty: ``{% placeholder %}`` has no ``as`` form. What is captured
    is the block's own rendered output, already escaped by its templates.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as NAME %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
