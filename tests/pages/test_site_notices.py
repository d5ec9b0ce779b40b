"""Site-wide notices: edited once as aliases, shown on every page, optionally dated."""

from datetime import timedelta

import pytest
from django.utils import timezone
from djangocms_alias.models import Alias, AliasContent

from pages import demo
from tests import editing
from tests.html import texts
from tests.rendering import render

pytestmark = pytest.mark.django_db


def notice_texts(response) -> list[str]:
    return texts(response, '//section[@class="notices"]/div')


def test_published_notice_change_is_on_every_page_at_the_next_request(client, editor, site_tree):
    pages = [site_tree.home, site_tree.section, site_tree.procedure, site_tree.child]
    for page in pages:
        assert "This Web site is meant for information purposes only." in notice_texts(
            client.get(page.get_absolute_url())
        )
    client.force_login(editor)
    published = AliasContent.objects.get(alias__static_code="medical-disclaimer")
    draft = editing.start_draft(client, published)
    (text,) = editing.plugins_of(draft)
    editing.edit_plugin(client, text, body="<p>Ask your doctor before any treatment.</p>")

    client.logout()
    assert "Ask your doctor" not in " ".join(notice_texts(client.get("/")))  # draft only

    client.force_login(editor)
    assert editing.approve_and_publish(client, draft).status_code == 302
    client.logout()
    for page in pages:
        assert "Ask your doctor before any treatment." in notice_texts(
            client.get(page.get_absolute_url())
        )


def scheduled(start=None, end=None):
    return [
        {
            "plugin": "ScheduledContentPlugin",
            "display_from": start,
            "display_until": end,
            "children": [{"plugin": "TextPlugin", "body": "<p>Donations registry</p>"}],
        }
    ]


@pytest.mark.parametrize(
    "start_days, end_days, shown",
    [
        (None, None, True),
        (-1, None, True),
        (1, None, False),
        (-10, -1, False),
        (-10, 10, True),
    ],
)
def test_scheduled_content_shows_only_inside_its_window(start_days, end_days, shown):
    now = timezone.now()
    start = now + timedelta(days=start_days) if start_days is not None else None
    end = now + timedelta(days=end_days) if end_days is not None else None

    assert ("Donations registry" in render(scheduled(start, end))) is shown


def test_notice_that_starts_later_appears_when_its_date_comes(client, editor, site_tree):
    """The page cache expires at the notice's start, so it never shows late."""
    start = timezone.now() + timedelta(seconds=90)
    alias = Alias.objects.get(static_code="donations-registry")
    AliasContent.admin_manager.filter(alias=alias).delete()
    spec = {
        "category": "Site notices",
        "aliases": {"donations-registry": {"name": "Donations", "en-us": scheduled(start)}},
    }
    demo.load_aliases(spec=spec, user=editor, report=demo.LoadReport())

    response = client.get("/")

    assert "Donations registry" not in response.content.decode()
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 90


def test_end_before_start_is_a_form_error():
    from pages.models import ScheduledContent

    now = timezone.now()
    notice = ScheduledContent(display_from=now, display_until=now - timedelta(days=1))

    with pytest.raises(Exception) as error:
        notice.clean()
    assert "The end must be after the start." in str(error.value)
