"""
Each change purges exactly the surrogate keys it makes stale, once committed; an edge that
cannot be reached leaves the publish standing, logged and told to the editor
(delivery.edge_purge). The edge here is a small HTTP server that records the purges it
receives; tests/performance/test_varnish_edge.py runs the same purges against Varnish.
"""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cms.models import PageContent
from django.db import transaction
from djangocms_alias.models import AliasContent
from djangocms_versioning.models import Version

from delivery import edge_purge
from pages.library import start_correction
from pages.models import Reference, RiskItem
from tests import editing, factories
from tests.performance.servers import free_port

pytestmark = pytest.mark.django_db


class RecordingEdge(ThreadingHTTPServer):
    """Answers every PURGE 200 and keeps the keys of each one."""

    def __init__(self):
        self.purges: list[set[str]] = []
        super().__init__(("127.0.0.1", 0), self.Handler)

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (http.server's naming)
            self.server.purges.append(set(self.headers["Surrogate-Key"].split()))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass


@pytest.fixture
def edge(settings):
    """Listed after the fixtures that build the site, so building it purges nothing."""
    server = RecordingEdge()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PORTAL_EDGE_PURGE_URL = f"http://127.0.0.1:{server.server_address[1]}/"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def risks_on_a_page(site_tree, editor):
    factories.references()
    risks = factories.risk_list_alias(user=editor)
    factories.published_page(
        "Kyphoplasty",
        user=editor,
        parent=site_tree.section,
        template="cms/procedure.html",
        content=factories.text("<p>Relieves pain{cite:17} for most.</p>"),
        safety=[{"plugin": "Alias", "alias": risks.static_code}],
    )
    return risks


def publish_new_version(content, editor, change) -> None:
    draft = Version.objects.get_for_content(content).copy(editor)
    change(draft.content)
    draft.publish(editor)


def rename_first_risk(content) -> None:
    risk = RiskItem.objects.filter(placeholder__in=content.get_placeholders()).first()
    risk.term = "cerebrovascular accident"
    risk.save()


def test_risk_list_change_purges_only_its_key(editor, risks_on_a_page, edge, capture):
    content = AliasContent.objects.get(alias=risks_on_a_page)
    with capture(execute=False) as callbacks:
        publish_new_version(content, editor, rename_first_risk)
    assert edge.purges == [], "nothing is purged before the commit"

    for callback in callbacks:
        callback()

    assert edge.purges == [{f"alias-{risks_on_a_page.pk}"}]


def test_site_notice_change_purges_the_notices_of_every_page(editor, site_tree, edge, capture):
    with capture():
        factories.notice("copyright", "en-ca", "© 2026 Medtronic Canada", user=editor)

    assert len(edge.purges) == 1
    [purged] = edge.purges
    assert "notices" in purged and "menu" not in purged


def test_page_publish_purges_every_page_through_the_menu(editor, site_tree, edge, capture):
    with capture():
        factories.published_page("Contact", user=editor)

    assert edge.purges and all(purge <= {"menu", "site"} for purge in edge.purges)
    assert "menu" in set().union(*edge.purges)


def test_reference_correction_purges_its_number_when_published_not_when_drafted(
    editor, risks_on_a_page, edge, capture
):
    with capture():
        draft = start_correction(
            reference=Reference.objects.get(number=17), user=editor, title="The FREE trial"
        )
    with capture():
        Version.objects.get_for_content(draft).publish(editor)
    with capture():
        Reference.objects.get(number=19).delete()

    assert edge.purges == [{"reference-17"}, {"reference-19"}]


def test_each_purge_is_sent_again_after_a_delay(editor, risks_on_a_page, edge, capture, settings):
    """The second purge removes a page rendered from the old rows that reached the edge late."""
    settings.PORTAL_EDGE_REPURGE_SECONDS = 0.2
    content = AliasContent.objects.get(alias=risks_on_a_page)
    with capture():
        publish_new_version(content, editor, rename_first_risk)
    assert edge.purges == [{f"alias-{risks_on_a_page.pk}"}], "the first at the commit"

    waited = threading.Event()
    for _ in range(100):  # the timer thread sends it; poll rather than guess its timing
        if len(edge.purges) > 1 or waited.wait(0.05):
            break

    assert edge.purges == [{f"alias-{risks_on_a_page.pk}"}] * 2


# Committed for real, so the purge runs inside the publish request, as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unreachable_edge_leaves_the_publish_standing_and_tells_the_editor(
    client, editor, settings, caplog, monkeypatch
):
    with transaction.atomic():  # django CMS builds pages in a transaction
        site = factories.build_site(user=editor)
    settings.PORTAL_EDGE_PURGE_URL = f"http://127.0.0.1:{free_port()}/"  # nothing listens
    monkeypatch.setattr(edge_purge, "PAUSES_SECONDS", (0, 0))
    client.force_login(editor)
    draft = editing.start_draft(client, PageContent.objects.get(page=site.procedure))
    draft.meta_description = "How balloon kyphoplasty treats painful spinal fractures."
    draft.save()

    with caplog.at_level(logging.INFO, logger="delivery.edge_purge"):
        response = editing.approve_and_publish(client, draft)

    assert response.status_code == 302  # approve_and_publish checked the version is live
    failures = [r.levelname for r in caplog.records if r.name == "delivery.edge_purge"]
    assert failures == ["WARNING"] * 3 + ["ERROR"]
    [message] = [m for m in editing._messages(response) if "edge cache" in m]
    assert "could not be told" in message and "menu" in message


def test_no_edge_configured_sends_nothing(editor, site_tree, edge, settings, capture):
    settings.PORTAL_EDGE_PURGE_URL = None
    with capture():
        factories.published_page("Contact", user=editor)

    assert edge.purges == []


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the end of an admin request's transaction does."""

    def run(execute=True):
        return django_capture_on_commit_callbacks(execute=execute)

    return run
