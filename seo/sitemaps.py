"""The site map names pages at the public address: SITE_URL's host and its scheme."""

from urllib.parse import urlsplit

from cms.sitemaps import CMSSitemap

from . import conf


class PortalSitemap(CMSSitemap):
    """django CMS's page site map, with the scheme of SITE_URL.

    The host comes from the Sites record (seo.site_record). The scheme would otherwise be
    the request's: behind a TLS proxy that does not pass ``X-Forwarded-Proto``, or for a
    crawler that asked over plain HTTP, search engines would be sent to http:// addresses.
    """

    @property
    def protocol(self) -> str:
        return urlsplit(conf.SITE_URL).scheme or "https"
