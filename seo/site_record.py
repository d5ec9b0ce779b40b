"""The Sites record names the real host, so the sitemap, the toolbar and the admin do too."""

from urllib.parse import urlsplit

from django.conf import settings

from . import conf


def sync_site_record(sender=None, *, using="default", **kwargs) -> None:
    """Set Site(SITE_ID)'s domain and name from PORTAL_SITE_URL and PORTAL_SITE_NAME.

    Runs after every ``migrate``: changing SITE_URL and migrating is all a deployment does.
    Django sends post_migrate only for apps with models, and seo has none, so this listens
    for the sites app's, after the sites app has made its "example.com" default.
    """
    if getattr(sender, "name", None) not in (None, "django.contrib.sites"):
        return
    from django.contrib.sites.models import Site

    domain = urlsplit(conf.SITE_URL).netloc or "127.0.0.1:8000"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": conf.SITE_NAME}
    )
    Site.objects.clear_cache()
