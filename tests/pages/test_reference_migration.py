"""
The migration to versioned references, run on a database holding the demo site.

The demo is loaded, its library emptied (the old schema cannot take versions), pages
are migrated back to before versioning, the demo's references are written the old way
with an edit history, and the migration runs forward: every number, field, citation and
history entry must be where it was, and patients see the same References list.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from pages import demo
from pages.models import Citation, Reference, ReferenceContent
from pages.selectors import live_pages_citing
from tests import factories
from tests.html import texts

BEFORE = [("pages", "0002_historicalreference")]
FIELDS = ["authors", "title", "journal", "year", "volume", "pmid", "doi", "clinical_trial_id"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("pages")


@pytest.fixture
def demo_site(transactional_db):
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)
    entries = demo.read_fixture("references.yaml")["references"]
    citations = sorted(Citation.objects.values_list("pk", "numbers"))
    citing = live_pages_citing(17)[0].page.get_absolute_url()
    ReferenceContent.admin_manager.all().delete()  # with their versions
    Reference.objects.all().delete()
    yield entries, citations, citing
    migrate(latest())  # leave the schema as the other tests expect it


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_numbers_fields_citations_and_history(client, demo_site):
    entries, citations, citing = demo_site
    editor = factories.UserFactory(username="erin-editor")
    old_apps = migrate(BEFORE)
    OldReference = old_apps.get_model("pages", "Reference")
    OldHistory = old_apps.get_model("pages", "HistoricalReference")
    created = timezone.now() - timedelta(days=30)
    for entry in entries:
        old = OldReference.objects.create(**entry)
        values = {name: getattr(old, name) for name in entry if name != "number"}
        OldHistory.objects.create(
            id=old.pk, number=old.number, history_type="+", history_date=created, **values
        )
        OldHistory.objects.create(
            id=old.pk,
            number=old.number,
            history_type="~",
            history_date=created + timedelta(days=1),
            history_user_id=editor.pk,
            **{**values, "title": "An earlier, wrong title"},
        )

    migrate(latest())

    assert sorted(Citation.objects.values_list("pk", "numbers")) == citations
    assert [r.number for r in Reference.objects.all()] == sorted(e["number"] for e in entries)
    for entry in entries:
        content = ReferenceContent.objects.get(reference__number=entry["number"])
        assert {n: getattr(content, n) for n in FIELDS} == {n: entry.get(n, "") for n in FIELDS}
        version = Version.objects.get_for_content(content)
        assert (version.number, version.state, version.created_by) == ("1", PUBLISHED, editor)
        history = list(ReferenceContent.history.filter(id=content.pk).order_by("history_date"))
        assert [(h.history_type, h.history_user, h.title) for h in history] == [
            ("+", None, entry["title"]),
            ("~", editor, "An earlier, wrong title"),
        ]

    procedure = texts(client.get(citing), '//li[@class="references__item"]')
    assert procedure and all(any(e["title"] in item for e in entries) for item in procedure)
