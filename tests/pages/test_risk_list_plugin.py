"""The risk list plugin: what patients read as Important Safety Information."""

import pytest
from django.test import SimpleTestCase

from tests.rendering import render

pytestmark = pytest.mark.django_db
html = SimpleTestCase()


def risk_list(*items, closing="Patients should consult with their doctor."):
    return [
        {
            "plugin": "RiskListPlugin",
            "title": "Serious adverse events",
            "lead_in": "Serious adverse events can occur including:",
            "closing": closing,
            "children": [{"plugin": "RiskItemPlugin", "term": t, "gloss": g} for t, g in items],
        }
    ]


def test_renders_lead_in_items_in_order_and_closing():
    output = render(risk_list(("myocardial infarction", "heart attack"), ("death", "")))

    html.assertInHTML(
        """
        <div class="risk-list">
          <p class="risk-list__lead-in">Serious adverse events can occur including:</p>
          <ul class="risk-list__items">
            <li class="risk-list__item">myocardial infarction (heart attack)</li>
            <li class="risk-list__item">death</li>
          </ul>
          <p class="risk-list__closing">Patients should consult with their doctor.</p>
        </div>
        """,
        output,
    )


def test_closing_line_is_optional():
    output = render(risk_list(("death", ""), closing=""))

    assert "risk-list__closing" not in output
    assert "<li" in output


def test_editor_text_is_escaped_not_interpreted():
    output = render(risk_list(("<script>alert(1)</script>", "<b>bold</b>")))

    assert "<script>" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output


def test_a_list_without_items_renders_nothing_publicly():
    output = render(risk_list())

    assert "risk-list" not in output
    assert "<ul" not in output
