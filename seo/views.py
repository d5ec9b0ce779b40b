"""robots.txt: where the sitemap is, and what crawlers should leave alone."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import conf

# The admin, django CMS's toolbar and editing endpoints, and searches (visitor input).
DISALLOWED = ["/admin/", "/cms_login/", "/en-ca/cms_login/", "/search/", "/en-ca/search/"]


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines += ["Disallow: /*?*toolbar_on", "Disallow: /*?*edit", ""]
    lines.append(f"Sitemap: {conf.SITE_URL}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
