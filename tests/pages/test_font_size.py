"""The font size control: real buttons, state announced, revealed only when the script runs."""

import pytest

from tests.html import tree

pytestmark = pytest.mark.django_db


def test_three_pressable_buttons_hidden_until_javascript_runs(client, site_tree):
    root = tree(client.get(site_tree.procedure.get_absolute_url()))
    group = root.xpath('//div[@class="font-size"]')[0]

    assert group.get("hidden") is not None
    assert group.get("role") == "group"
    buttons = group.xpath(".//button")
    assert [b.get("data-font-size") for b in buttons] == ["normal", "large", "largest"]
    assert [b.get("aria-pressed") for b in buttons] == ["true", "false", "false"]
    assert [b.get("type") for b in buttons] == ["button"] * 3
    assert [" ".join(b.text_content().split()) for b in buttons] == [
        "ANormal text",
        "ALarge text",
        "ALargest text",
    ]


def test_sizes_scale_the_rem_based_stylesheet(client):
    from django.contrib.staticfiles import finders

    with open(finders.find("portal/css/site.css")) as handle:
        css = handle.read()

    assert 'html[data-font-size="large"] { font-size: 118.75%; }' in css
    assert 'html[data-font-size="largest"] { font-size: 137.5%; }' in css
    assert "px;" not in css.split("/* Header")[1].split("font-size")[0]
