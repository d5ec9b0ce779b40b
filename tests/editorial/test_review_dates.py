"""Pages record their last medical review; stale ones show in "Content due for review"."""

from datetime import timedelta

import pytest
from cms.models import PageContent
from django.urls import reverse
from django.utils import timezone

from editorial.models import MedicalReview
from tests import editing
from tests.html import texts

pytestmark = pytest.mark.django_db

REPORT = "admin:editorial_pagedueforreview_changelist"


def test_approval_records_when_and_by_whom(site_tree, as_author, as_reviewer, reviewer):
    draft = editing.start_draft(as_author, PageContent.objects.get(page=site_tree.child))

    editing.decide(as_reviewer, draft, approve=True)

    record = MedicalReview.objects.get(extended_object=site_tree.child)
    assert record.reviewed_by == reviewer
    assert timezone.now() - record.reviewed_at < timedelta(minutes=1)


def test_report_lists_pages_never_or_long_ago_reviewed(site_tree, as_reviewer, reviewer):
    now = timezone.now()
    MedicalReview.objects.create(
        extended_object=site_tree.procedure,
        reviewed_at=now - timedelta(days=400),
        reviewed_by=reviewer,
    )
    MedicalReview.objects.create(
        extended_object=site_tree.child, reviewed_at=now - timedelta(days=30), reviewed_by=reviewer
    )

    response = as_reviewer.get(reverse(REPORT))

    assert response.status_code == 200
    titles = texts(
        response,
        '//table[@id="result_list"]//td[contains(@class, "field-page_title")]'
        ' | //table[@id="result_list"]//th[contains(@class, "field-page_title")]',
    )
    assert "Balloon Kyphoplasty" in titles
    assert "After the Procedure" not in titles  # reviewed a month ago
    assert "Welcome" in titles  # never reviewed
    assert titles.index("Welcome") < titles.index("Balloon Kyphoplasty")  # never first
    links = texts(response, '//table[@id="result_list"]//a')
    assert "View page" in links


def test_report_is_sortable_by_review_date(site_tree, as_reviewer):
    response = as_reviewer.get(reverse(REPORT) + "?o=-2")

    assert response.status_code == 200


def test_review_interval_is_configurable(site_tree, as_reviewer, reviewer, settings):
    MedicalReview.objects.create(
        extended_object=site_tree.child,
        reviewed_at=timezone.now() - timedelta(days=40),
        reviewed_by=reviewer,
    )
    settings.PORTAL_REVIEW_INTERVAL_DAYS = 30

    response = as_reviewer.get(reverse(REPORT))

    assert "After the Procedure" in response.content.decode()


def test_authors_do_not_see_the_report(as_author):
    assert as_author.get(reverse(REPORT)).status_code == 403
