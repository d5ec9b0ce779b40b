"""'Last update' comes from the publish date of the version on screen, never typed by hand."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from cms.models import PageContent
from djangocms_versioning.models import StateTracking, Version

from tests import editing, factories
from tests.html import texts, tree

pytestmark = pytest.mark.django_db


def backdate_publication(page, when: datetime, language="en-us"):
    version = Version.objects.get_for_content(PageContent.objects.get(page=page, language=language))
    StateTracking.objects.filter(version=version, new_state="published").update(date=when)


def last_update(response) -> str:
    return texts(response, '//p[@class="notice notice--updated"]')[0]


def test_us_pages_show_the_publish_date_as_month_day_year(client, site_tree):
    backdate_publication(site_tree.procedure, datetime(2012, 4, 4, 15, tzinfo=ZoneInfo("UTC")))

    response = client.get(site_tree.procedure.get_absolute_url())

    assert last_update(response) == "Last update: 4/4/2012"
    assert tree(response).xpath("//time/@datetime")[0].startswith("2012-04-04T")


def test_canadian_pages_use_the_canadian_date_format(client, editor, site_tree):
    content = factories.published_translation(site_tree.procedure, "en-ca", user=editor)
    backdate_publication(
        site_tree.procedure, datetime(2012, 4, 4, 15, tzinfo=ZoneInfo("UTC")), language="en-ca"
    )

    response = client.get(content.page.get_absolute_url("en-ca"))

    assert response.status_code == 200
    assert last_update(response) == "Last update: 2012-04-04"


def test_republishing_moves_the_date(client, editor, site_tree):
    page = site_tree.child
    backdate_publication(page, datetime(2012, 4, 4, 15, tzinfo=ZoneInfo("UTC")))
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=page))
    editing.approve_and_publish(client, draft)
    client.logout()

    published_at = (
        StateTracking.objects.filter(
            version=Version.objects.get_for_content(draft), new_state="published"
        )
        .get()
        .date.astimezone(ZoneInfo("America/Chicago"))
    )
    expected = f"{published_at.month}/{published_at.day}/{published_at.year}"
    assert last_update(client.get(page.get_absolute_url())) == f"Last update: {expected}"


def test_draft_preview_has_no_last_update_line(client, editor, site_tree):
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=site_tree.child))

    response = client.get(editing.edit_url(draft))

    assert response.status_code == 200
    assert not tree(response).xpath('//p[@class="notice notice--updated"]')
