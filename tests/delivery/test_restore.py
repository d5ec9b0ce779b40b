"""A restore pulls back content: no page cached before it may be served after it."""

import pytest
from cms.models import PageContent
from djangocms_text.models import Text

from core.backups import restore
from core.signals import database_restored

pytestmark = pytest.mark.django_db


def test_a_restored_page_shows_the_restored_text_at_the_next_request(client, site_tree):
    url = site_tree.child.get_absolute_url()
    client.get(url)
    assert client.get(url).headers.get("X-Page-Cache") == "hit"
    live = PageContent.objects.get(page=site_tree.child, language="en-us")
    # pg_restore rewrites the rows underneath the ORM: no model signal is sent.
    Text.objects.filter(placeholder__in=live.get_placeholders()).update(body="<p>Restored text</p>")

    database_restored.send(sender=restore, manifest={})
    response = client.get(url)

    assert response.headers.get("X-Page-Cache") == "miss"
    assert "Restored text" in response.content.decode()
