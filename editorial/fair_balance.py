"""
Fair balance: wherever the therapy is presented, its risks are presented too.

The rule (README, *Fair balance*): a page **presents the therapy** when

- its template is one of ``PORTAL_FAIR_BALANCE_TEMPLATES`` (the procedure page,
  and the home page, which introduces the treatment), or
- it lies anywhere below a page built from one of those templates that opens a
  section (``PORTAL_FAIR_BALANCE_SECTION_TEMPLATES``, the procedure page): the
  animation, the step-by-step and the recovery pages describe what the treatment
  does, and so will any page an author adds there.

Such a page can only go live when its safety placeholder
(``PORTAL_FAIR_BALANCE_SLOT``) holds a risk list with at least one risk, placed
directly or through an alias (the demo places the one shared "Serious adverse
events" list, so a correction reaches every page at once). The check is a
publish condition (editorial.conditions), so it holds in the admin, the toolbar
and the API alike; editors see each page's state in edit mode
(templates/editorial/fair_balance_status.html).
"""

from cms.models import Page, PageContent
from djangocms_alias.models import AliasContent, AliasPlugin

from pages.models import RiskItem, RiskList

from . import conf


def _has_risks(plugins) -> bool:
    lists = [p.pk for p in plugins if p.plugin_type == "RiskListPlugin"]
    return RiskItem.objects.filter(parent_id__in=lists).exists() if lists else False


def has_safety_information(content: PageContent) -> bool:
    placeholder = content.get_placeholders().filter(slot=conf.FAIR_BALANCE_SLOT).first()
    if placeholder is None:
        return False
    plugins = list(placeholder.get_plugins(content.language))
    if _has_risks(plugins):
        return True
    alias_ids = AliasPlugin.objects.filter(
        pk__in=[p.pk for p in plugins if p.plugin_type == "Alias"]
    ).values_list("alias_id", flat=True)
    for alias_content in AliasContent.objects.filter(
        alias_id__in=alias_ids, language=content.language
    ):
        if _has_risks(list(alias_content.placeholder.get_plugins(content.language))):
            return True
    return False


def _in_a_therapy_section(page: Page, language: str) -> bool:
    """Whether an ancestor's current version (published, else draft) opens a therapy section."""
    ancestors = page.get_ancestor_pages()
    return PageContent.admin_manager.current_content(
        page__in=ancestors,
        language=language,
        template__in=conf.FAIR_BALANCE_SECTION_TEMPLATES,
    ).exists()


def needs_safety_information(content) -> bool:
    """Whether `content` presents the therapy (the module docstring's rule)."""
    if not isinstance(content, PageContent):
        return False
    if content.template in conf.FAIR_BALANCE_TEMPLATES:
        return True
    return _in_a_therapy_section(content.page, content.language)


def missing_safety_message(content) -> str | None:
    """The reason publication is refused, or None when the page is balanced."""
    if needs_safety_information(content) and not has_safety_information(content):
        return (
            f'"{content.title}" presents the therapy, so it cannot be published without its '
            "Important Safety Information: add a risk list with at least one risk (for "
            'example the shared "Serious adverse events" alias) to the Safety placeholder.'
        )
    return None


__all__ = [
    "RiskList",
    "has_safety_information",
    "missing_safety_message",
    "needs_safety_information",
]
