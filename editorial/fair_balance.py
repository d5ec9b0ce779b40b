"""
Fair balance: benefit claims on a procedure page must be balanced by risks.

A page built from a procedure template can only go live when its safety
placeholder holds a risk list with at least one risk, placed directly or
through a published alias.
"""

from cms.models import PageContent
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


def needs_safety_information(content) -> bool:
    return isinstance(content, PageContent) and content.template in conf.FAIR_BALANCE_TEMPLATES


def missing_safety_message(content) -> str | None:
    """The reason publication is refused, or None when the page is balanced."""
    if needs_safety_information(content) and not has_safety_information(content):
        return (
            f'"{content.title}" cannot be published without its Important Safety Information: '
            "add a risk list with at least one risk to the Safety placeholder."
        )
    return None


__all__ = ["RiskList", "has_safety_information", "missing_safety_message"]
