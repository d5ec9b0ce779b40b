"""
Scheduled pages in search: a page published to go live later is indexed at its publish and
found from its go-live, and an expired page is no longer found, with nothing run at either
moment (the schedule is read at search time, search.visibility).
"""

from datetime import timedelta

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.utils import timezone
from djangocms_timed_publishing.models import TimedPublishingInterval
from djangocms_versioning.models import Version

from pages import demo
from search.models import SearchEntry
from tests.search.conftest import page, result_titles, search

pytestmark = pytest.mark.django_db


def publish_scheduled(content, user, *, start=None, end=None) -> TimedPublishingInterval:
    """Publish with go-live/expiry dates, as editorial.scheduling does once its rules pass."""
    version = Version.objects.get_for_content(content)
    interval = TimedPublishingInterval.objects.create(version=version, start=start, end=end)
    version.publish(user)
    return interval


def move_to_the_past(interval, field: str) -> None:
    """The moment passes: only the date changes, no publish and no index write."""
    setattr(interval, field, timezone.now() - timedelta(seconds=1))
    interval.save(update_fields=[field])


@pytest.fixture
def open_day(site_tree, editor):
    """A new page's draft, never published."""
    new = create_page("Open Day", "cms/content.html", "en-us", created_by=editor)
    content = PageContent.admin_manager.get(page=new)
    placeholder = content.get_placeholders().get(slot="content")
    demo.add_plugins(placeholder, ["<p>Trocar demonstration for families.</p>"], language="en-us")
    return content


def test_a_page_scheduled_to_go_live_is_found_from_its_time(client, editor, open_day):
    interval = publish_scheduled(open_day, editor, start=timezone.now() + timedelta(hours=1))

    assert SearchEntry.objects.filter(page=open_day.page).exists(), "indexed at its publish"
    assert result_titles(search(client, "trocar")) == []

    move_to_the_past(interval, "start")

    assert result_titles(search(client, "trocar")) == ["Open Day"]


def test_an_expired_page_is_no_longer_found(client, editor, open_day):
    interval = publish_scheduled(open_day, editor, end=timezone.now() + timedelta(hours=1))
    assert result_titles(search(client, "trocar")) == ["Open Day"]

    move_to_the_past(interval, "end")

    assert result_titles(search(client, "trocar")) == []
    assert client.get(open_day.page.get_absolute_url("en-us")).status_code == 404


def test_a_full_rebuild_keeps_the_pending_page_for_its_time(client, editor, open_day, site_tree):
    from search import indexing

    page("Trocar care", "<p>Trocar wound care.</p>", user=editor)
    interval = publish_scheduled(open_day, editor, start=timezone.now() + timedelta(hours=1))

    indexing.rebuild()
    move_to_the_past(interval, "start")

    assert sorted(result_titles(search(client, "trocar"))) == ["Open Day", "Trocar care"]
