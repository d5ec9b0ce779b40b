"""
An admin upload becomes a background import job: the uploader is sent to its
status page, which shows progress while it runs, then the summary and the
invalid rows, or why nothing was imported.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from jobs.models import ImportJob
from physicians.models import Physician
from tests import factories
from tests.html import texts, visible_text
from tests.jobs.conftest import DATABASE
from tests.physicians.factories import npi_for
from tests.physicians.nppes import nppes_row, write_nppes

pytestmark = pytest.mark.django_db

IMPORT = "/admin/physicians/physician/import/"


def staff(*permissions):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="physicians", codename__in=permissions)
    )
    return user


@pytest.fixture
def manager(client):
    """A data manager: staff with the physician permissions, not a superuser."""
    client.force_login(staff("view_physician", "add_physician", "change_physician"))
    return client


def upload(tmp_path, rows, name="npidata.csv"):
    path = write_nppes(tmp_path / name, rows)
    return SimpleUploadedFile(name, path.read_bytes(), content_type="text/csv")


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """Upload as the admin form does, then open the page the upload redirects to. The job is
    queued once the upload's transaction commits, which the test's own transaction stands in for."""

    def post(client, file, **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(IMPORT, {"file": file, **data})
        assert response.status_code == 302, response.content
        return client.get(response["Location"])

    return post


def test_an_upload_is_imported_as_a_job_and_its_page_shows_the_summary(
    manager, tmp_path, import_dir, post
):
    rows = [nppes_row(), nppes_row(npi=npi_for(1), entity="2")]

    response = post(manager, upload(tmp_path, rows))
    job = ImportJob.objects.get()

    assert response.request["PATH_INFO"] == f"/admin/jobs/importjob/{job.pk}/change/"
    assert texts(response, '//p[@id="job-status"]/strong') == ["Imported"]
    assert "1 created" in visible_text(response)
    assert "1 skipped (1 organization (entity type 2))" in visible_text(response)
    assert 'http-equiv="refresh"' not in response.content.decode()  # finished: no reloading
    assert (job.status, job.rows_done, job.rows_total, job.attempts) == ("succeeded", 2, 2, 1)
    assert Physician.objects.get().npi == "1234567893"
    assert Physician.history.get().history_user.username == job.created_by.username
    assert not any(import_dir.rglob("*.csv"))  # the upload is not kept once imported


def test_a_failing_file_shows_why_and_its_invalid_rows(manager, tmp_path, post):
    rows = [nppes_row(), nppes_row(npi="1234567890"), nppes_row(npi=npi_for(1), zip="5543")]

    refused = post(manager, upload(tmp_path, rows))
    skipped = post(manager, upload(tmp_path, rows), skip_invalid="on")

    assert texts(refused, '//p[@id="job-status"]/strong') == ["Nothing was imported"]
    assert "2 invalid rows, so nothing was imported" in visible_text(refused)
    assert texts(refused, '//table[@id="import-errors"]//td[1]') == ["3", "4"]
    assert texts(skipped, '//p[@id="job-status"]/strong') == ["Imported"]
    assert texts(skipped, '//table[@id="import-errors"]//td[1]') == ["3", "4"]
    assert Physician.objects.count() == 1
    assert list(ImportJob.objects.values_list("status", flat=True)) == ["succeeded", "failed"]


def test_a_file_that_is_not_a_physician_list_fails_the_job(manager, post):
    file = SimpleUploadedFile("other.csv", b"name,address\nx,y\n", content_type="text/csv")

    response = post(manager, file)

    assert "Nothing was imported: unknown format" in visible_text(response)
    assert ImportJob.objects.get().status == "failed"


def test_a_running_job_shows_its_progress_and_reloads(manager):
    job = ImportJob.objects.create(
        file_name="npidata.csv", status="running", rows_done=12_000, rows_total=48_000
    )

    response = manager.get(f"/admin/jobs/importjob/{job.pk}/change/")

    assert " ".join(texts(response, '//p[@id="job-status"]')) == (
        "Importing : 12,000 of about 48,000 rows read (25%)"
    )
    progress = response.content.decode()
    assert '<progress max="48000" value="12000">' in progress
    assert '<meta http-equiv="refresh" content="2">' in progress


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queued_job_waits_for_the_worker_which_then_runs_it(manager, tmp_path, settings, post):
    """With the production backend the upload only queues the job; `db_worker` runs it.
    (Committed data: the worker closes a connection it finds inside a transaction.)"""
    settings.TASKS = DATABASE

    response = post(manager, upload(tmp_path, [nppes_row()]))
    waiting = ImportJob.objects.get()

    assert texts(response, '//p[@id="job-status"]/strong') == ["Waiting for the worker"]
    assert not Physician.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    waiting.refresh_from_db()
    assert waiting.status == "succeeded"
    assert "Imported: 1 rows read" in visible_text(manager.get(response.request["PATH_INFO"]))
    assert Physician.objects.get().npi == "1234567893"


def test_staff_without_import_rights_cannot_see_jobs(client):
    job = ImportJob.objects.create(file_name="npidata.csv")
    client.force_login(staff("view_physician", "change_physician"))

    assert client.get(f"/admin/jobs/importjob/{job.pk}/change/").status_code == 403
    assert client.get("/admin/jobs/importjob/").status_code == 403


def test_the_jobs_list_links_each_job(manager):
    job = ImportJob.objects.create(file_name="npidata.csv", status="succeeded")

    response = manager.get("/admin/jobs/importjob/")

    assert f"/admin/jobs/importjob/{job.pk}/change/" in response.content.decode()
