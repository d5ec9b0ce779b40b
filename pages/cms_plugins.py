"""CMS plugins editors place on pages."""

from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _


@plugin_pool.register_plugin
class SiteMapPlugin(CMSPluginBase):
    """The page tree as a nested list, for the Site Map page; it follows the menu."""

    model = CMSPlugin
    name = _("Site map")
    module = _("Portal")
    render_template = "pages/plugins/site_map.html"
    allow_children = False
