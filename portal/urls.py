"""
URL map. Non-page endpoints come first; django CMS's catch-all serves every
page last. The US region has no URL prefix, other regions do (/en-ca/...).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core.two_factor import toolbar_login
from media.views import serve_upload
from pages.views import choose_region
from seo.sitemaps import PortalSitemap
from seo.views import robots_txt

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PortalSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("region/", choose_region, name="choose-region"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_upload, name="media-upload"),
    path("api/", include("physicians.api_urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    # Replaces django CMS's own toolbar login so it asks for the second factor too.
    path("cms_login/", toolbar_login, name="cms_login"),
    path("search/", include("search.urls")),  # per region: /en-ca/search/ searches Canada
    path("", include("cms.urls")),
    prefix_default_language=False,
)
