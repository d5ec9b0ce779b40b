"""
Go-live and expiry reach visitors to the second, through the page cache and the edge's
s-maxage, with nothing run at that moment but the visitor's own request.

The waits are real (five seconds or so): the page cache, django CMS's placeholder and menu
caches and the published manager all read the clock, and only a real wait proves they
agree. Each test first caches the page as it is before the moment.
"""

import time
from datetime import timedelta

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.test import Client
from django.utils import timezone
from djangocms_alias.models import Alias, AliasContent
from djangocms_versioning.models import Version

from delivery.invalidation import refresh_pages
from editorial import scheduling
from pages import demo
from tests import editing
from tests.html import nav_links, texts

pytestmark = pytest.mark.django_db

LEAD = 5.0  # seconds from scheduling to the moment: room for a loaded CI machine to render first


def directives(response) -> dict:
    parts = [p.strip().split("=") for p in response["Cache-Control"].split(",")]
    return {p[0]: (p[1] if len(p) > 1 else True) for p in parts}


def wait_until(moment) -> None:
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)


def approved_page(editor, parent, title="Open Day"):
    """A new page's approved draft, never published."""
    page = create_page(
        title,
        "cms/content.html",
        "en-us",
        parent=parent,
        created_by=editor,
        in_navigation=True,
        meta_description=f"About {title.lower()}.",
    )
    content = PageContent.admin_manager.get(page=page)
    demo.add_plugins(
        content.get_placeholders().get(slot="content"), ["<p>Open day text</p>"], language="en-us"
    )
    approve(editor, content)
    return page, content


def approve(editor, content) -> None:
    staff = Client()
    staff.force_login(editor)
    assert editing.decide(staff, content).status_code == 302


def schedule(editor, content, *, start=None, end=None):
    version = Version.objects.get_for_content(content)
    scheduling.publish_on_schedule(version=version, user=editor, start=start, end=end)


def test_page_goes_live_at_its_time_although_the_site_was_cached(client, editor, site_tree):
    page, content = approved_page(editor, None)
    assert "Open Day" not in nav_links(client.get("/"), "Main")
    go_live = timezone.now() + timedelta(seconds=LEAD)
    schedule(editor, content, start=go_live)

    # Only a 404 is asked for before the moment; its menu enters django CMS's menu cache.
    assert client.get("/open-day/").status_code == 404

    wait_until(go_live)

    after = client.get("/")
    assert "Open Day" in nav_links(after, "Main")
    assert texts(client.get("/open-day/"), "//main//p") == ["Open day text"]


def test_page_expires_at_its_time_although_it_was_cached(client, editor, site_tree):
    page, content = approved_page(editor, None)
    expiry = timezone.now() + timedelta(seconds=LEAD)
    schedule(editor, content, end=expiry)
    url = "/open-day/"

    assert client.get(url).status_code == 200
    cached = client.get(url)
    assert cached.headers["X-Page-Cache"] == "hit"
    assert int(directives(cached)["s-maxage"]) <= LEAD
    assert "Open Day" in nav_links(client.get("/"), "Main")

    wait_until(expiry)

    assert client.get(url).status_code == 404
    assert "Open Day" not in nav_links(client.get("/"), "Main")


def test_alias_goes_live_in_the_cached_pages_showing_it(client, editor, site_tree):
    """A site notice scheduled to start: in every page's footer at its time."""
    alias = Alias.objects.get(static_code="donations-registry")
    AliasContent.admin_manager.filter(alias=alias).delete()
    content = AliasContent.objects.with_user(editor).create(
        alias=alias, name="Donations", language="en-us"
    )
    demo.add_plugins(content.placeholder, ["<p>New registry notice</p>"], language="en-us")
    approve(editor, content)
    client.get("/")  # the footer's notices enter django CMS's placeholder cache
    go_live = timezone.now() + timedelta(seconds=LEAD)
    schedule(editor, content, start=go_live)

    before = client.get("/")
    assert "New registry notice" not in before.content.decode()
    assert 0 < int(directives(before)["s-maxage"]) <= LEAD
    assert client.get("/").headers["X-Page-Cache"] == "hit"

    wait_until(go_live)

    assert "New registry notice" in client.get("/").content.decode()


def test_scheduled_notice_still_ends_the_cache_entry_after_a_publish(client, editor, site_tree):
    """The bug fixed with scheduling: after a publish re-rendered the page from django CMS's
    placeholder cache, the entry lived the page cache's full hour past the notice's start."""
    start = timezone.now() + timedelta(seconds=LEAD + 1)
    alias = Alias.objects.get(static_code="donations-registry")
    AliasContent.admin_manager.filter(alias=alias).delete()
    notice = [
        {
            "plugin": "ScheduledContentPlugin",
            "display_from": start,
            "children": [{"plugin": "TextPlugin", "body": "<p>Donations registry</p>"}],
        }
    ]
    spec = {
        "category": "Site notices",
        "aliases": {"donations-registry": {"name": "D", "en-us": notice}},
    }
    demo.load_aliases(spec=spec, user=editor, report=demo.LoadReport())
    client.get("/")
    refresh_pages()  # a publish elsewhere: the notice's placeholder stays in django CMS's cache

    stored = client.get("/")
    assert stored.headers["X-Page-Cache"] == "miss"
    assert int(directives(stored)["s-maxage"]) <= LEAD + 1
    assert client.get("/").headers["X-Page-Cache"] == "hit"

    wait_until(start)

    assert "Donations registry" in client.get("/").content.decode()
