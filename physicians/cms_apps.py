"""The physician finder as a django CMS apphook, attached to the "Physician Finder" page."""

from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool


@apphook_pool.register
class PhysicianFinderApphook(CMSApp):
    name = "Physician finder"
    app_name = "physicians"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["physicians.urls"]
