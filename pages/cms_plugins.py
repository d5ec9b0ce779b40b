"""CMS plugins editors place on pages and in aliases."""

from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import CitationForm
from .models import Citation, RiskItem, RiskList, ScheduledContent
from .selectors import reference_library


def editing(context) -> bool:
    toolbar = getattr(context.get("request"), "toolbar", None)
    return bool(toolbar and toolbar.edit_mode_active)


@plugin_pool.register_plugin
class SiteMapPlugin(CMSPluginBase):
    """The page tree as a nested list, for the Site Map page; it follows the menu."""

    model = CMSPlugin
    name = _("Site map")
    module = _("Portal")
    render_template = "pages/plugins/site_map.html"
    allow_children = False


@plugin_pool.register_plugin
class RiskListPlugin(CMSPluginBase):
    """Important Safety Information: a lead-in, the risks in order, a closing line."""

    model = RiskList
    name = _("Risk list")
    module = _("Safety information")
    render_template = "pages/plugins/risk_list.html"
    allow_children = True
    child_classes = ["RiskItemPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["items"] = instance.child_plugin_instances or []
        context["editing"] = editing(context)
        return context


@plugin_pool.register_plugin
class RiskItemPlugin(CMSPluginBase):
    model = RiskItem
    name = _("Risk")
    module = _("Safety information")
    render_template = "pages/plugins/risk_item.html"
    require_parent = True
    parent_classes = ["RiskListPlugin"]


@plugin_pool.register_plugin
class CitationPlugin(CMSPluginBase):
    """A citation marker like [17,19,29] inside rich text, linking to the page's reference list."""

    model = Citation
    form = CitationForm
    name = _("Citation")
    module = _("References")
    render_template = "pages/plugins/citation.html"
    text_enabled = True
    require_parent = True
    parent_classes = ["TextPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        library = reference_library(context.get("request"))
        numbers = instance.cited_numbers()
        context["cited"] = [library[n] for n in numbers if n in library]
        context["missing"] = [n for n in numbers if n not in library]
        context["editing"] = editing(context)
        return context


@plugin_pool.register_plugin
class ScheduledContentPlugin(CMSPluginBase):
    """Shows its children only between two dates (e.g. a notice that starts on a given day)."""

    model = ScheduledContent
    name = _("Scheduled content")
    module = _("Portal")
    render_template = "pages/plugins/scheduled_content.html"
    allow_children = True

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["showing"] = instance.is_showing()
        context["editing"] = editing(context)
        return context

    def get_cache_expiration(self, request, instance, placeholder):
        """Cached pages expire the moment this content appears or disappears."""
        change = instance.next_change()
        if change is None:
            return None
        return max(1, int((change - timezone.now()).total_seconds()))
