"""
The results page as a visitor meets it: ranked, highlighted, escaped, paged,
helpful when nothing matches, a page (never a 500) for any input, and never
cached or indexed by search engines.
"""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.html import texts, tree
from tests.search.conftest import page, result_links, result_titles, search, snippets

pytestmark = pytest.mark.django_db


def test_title_match_ranks_above_body_only_matches(client, editor, site_tree):
    page("Living with osteoporosis", "<p>Diet and exercise.</p>", user=editor)
    page(
        "Bone health",
        "<p>Osteoporosis thins bones. Osteoporosis is common. Osteoporosis can be treated.</p>",
        user=editor,
    )

    assert result_titles(search(client, "osteoporosis")) == [
        "Living with osteoporosis",
        "Bone health",
    ]


def test_snippet_marks_the_words_searched(client, editor, site_tree):
    page("Recovery", "<p>Most patients walk within hours of the procedure.</p>", user=editor)

    [snippet] = snippets(search(client, "walk"))

    assert "<mark>walk</mark>" in snippet
    assert "Most patients" in snippet


def test_markup_in_page_text_is_shown_escaped(client, editor, site_tree):
    page(
        "Web safety",
        "<p>Never paste &lt;script&gt;alert(1)&lt;/script&gt; or &lt;b&gt;bold&lt;/b&gt; "
        "into the guestbook forms &amp; chat.</p>",
        user=editor,
    )

    response = search(client, "guestbook")
    [snippet] = snippets(response)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet
    assert "&lt;b&gt;bold&lt;/b&gt;" in snippet
    assert "&amp; chat" in snippet
    assert "<mark>guestbook</mark>" in snippet
    assert not tree(response).xpath("//main//script | //main//b")


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)> vertebroplasty',
        "<b>vertebroplasty</b>",
        "mark</mark><mark>",
    ],
)
def test_markup_in_the_query_is_echoed_escaped(client, editor, site_tree, query):
    page("Vertebroplasty", "<p>Vertebroplasty restores height.</p>", user=editor)

    response = search(client, query)
    main = tree(response).xpath("//main")[0]

    assert response.status_code == 200
    assert not main.xpath(".//script | .//img | .//b | .//*[@onerror]")
    assert all(m.text and "vertebroplasty" in m.text.lower() for m in main.xpath(".//mark"))
    assert tree(response).xpath('//input[@id="search-page-q"]/@value') == [query]
    assert query not in response.content.decode()  # only ever escaped


def test_empty_query_asks_for_words(client, site_tree):
    for params in ({}, {"q": ""}, {"q": "   \t "}):
        response = client.get("/search/", params)
        assert response.status_code == 200
        assert texts(response, '//p[@class="search-summary"]') == [
            "Type one or more words, such as “back pain” or “recovery”, and choose Search."
        ]
        assert not tree(response).xpath('//ol[@class="search-results"]')


def test_long_query_is_shortened_and_says_so(client, editor, site_tree):
    page("Vertebroplasty", "<p>Vertebroplasty restores height.</p>", user=editor)

    response = search(client, "vertebroplasty " + "x" * 3900)

    assert response.status_code == 200
    assert texts(response, '//p[@class="search-notice"]') == [
        "Your search was longer than 200 characters, so only its first 200 characters were used."
    ]
    assert len(tree(response).xpath('//input[@id="search-page-q"]/@value')[0]) == 200
    assert result_titles(response) == []  # "vertebroplasty" AND a 185-letter word


def test_ten_kilobyte_query_gets_a_page_not_an_error(client, site_tree):
    """A 10 KB query: a styled page (the results page, trimmed), no markup echoed back."""
    response = search(client, "<i>kyphoplasty</i>" * 570)

    assert response.status_code in (200, 400)
    assert b"<i>kyphoplasty" not in response.content
    assert tree(response).xpath("//h1")


def test_control_characters_are_dropped(client, editor, site_tree):
    page("Vertebroplasty", "<p>Vertebroplasty restores height.</p>", user=editor)

    response = search(client, "\x00vertebro\u00adplasty\x1b\u202e\x7f\r\n")

    assert response.status_code == 200
    assert result_titles(response) == ["Vertebroplasty"]
    value = tree(response).xpath('//input[@id="search-page-q"]/@value')[0]
    assert value == "vertebroplasty"
    assert "\x00" not in response.content.decode() and "\x1b" not in response.content.decode()


@pytest.fixture
def section_pages(editor, site_tree):
    page("Information for Patients", "<p>x</p>", user=editor, reverse_id="patients")
    page("Balloon Kyphoplasty", "<p>x</p>", user=editor, reverse_id="balloon-kyphoplasty")
    page("Physician Finder", "<p>x</p>", user=editor, reverse_id="physician-finder")


def test_no_results_helps_and_links_to_the_main_sections(client, section_pages):
    response = search(client, "zyzzyva")

    assert texts(response, '//p[@class="search-summary"]') == ["No pages match “zyzzyva”."]
    assert texts(response, '//ul[@class="search-empty__links"]//a') == [
        "Information for patients",
        "Balloon kyphoplasty: the procedure",
        "Find a physician near you",
    ]
    assert tree(response).xpath('//ul[@class="search-empty__links"]//a/@href') == [
        "/information-for-patients/",
        "/balloon-kyphoplasty/",
        "/physician-finder/",
    ]


def test_results_come_ten_to_a_page(client, editor, site_tree):
    for number in range(12):
        page(f"Exercise {number:02}", "<p>Gentle exercise helps recovery.</p>", user=editor)

    first = search(client, "exercise")
    second = client.get(tree(first).xpath('//a[@rel="next"]/@href')[0].join(["/search/", ""]))

    assert texts(first, '//p[@class="search-summary"]') == ["12 pages match “exercise”."]
    assert len(result_titles(first)) == 10
    assert texts(first, '//span[@class="search-pages__current"]') == ["Page 1 of 2"]
    assert len(result_titles(second)) == 2
    assert tree(second).xpath('//ol[@class="search-results"]/@start') == ["11"]
    assert tree(second).xpath('//a[@rel="prev"]/@href') == ["?q=exercise"]
    assert not tree(second).xpath('//a[@rel="next"]')
    assert len(result_titles(search(client, "exercise", page="99"))) == 2  # past the end
    assert len(result_titles(search(client, "exercise", page="x"))) == 10


def test_results_are_never_cached_nor_indexed(client, editor, site_tree):
    page("Vertebroplasty", "<p>Vertebroplasty restores height.</p>", user=editor)
    search(client, "height")

    response = search(client, "height")

    assert "X-Page-Cache" not in response.headers
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert tree(response).xpath('//meta[@name="robots"]/@content') == ["noindex"]
    page("Posture", "<p>Height and posture.</p>", user=editor)
    assert result_titles(search(client, "height")) == ["Posture", "Vertebroplasty"]


def test_canadian_search_stays_in_canada(client, editor, site_tree):
    response = search(client, "anything", region="/en-ca")

    assert response.status_code == 200
    assert set(tree(response).xpath('//form[@role="search"]/@action')) == {"/en-ca/search/"}
    assert tree(response).xpath("/html/@lang") == ["en-ca"]


def test_results_page_links_its_stylesheet_and_has_nothing_inline(client, editor, site_tree):
    page("Vertebroplasty", "<p>Vertebroplasty restores height.</p>", user=editor)

    response = search(client, "vertebroplasty")

    page_tree = tree(response)
    assert page_tree.xpath('//head/link[@href="/static/search/css/search.css"]')
    assert not page_tree.xpath("//main//style | //main//*[@style] | //main//script")
    # With the header's search box: two search landmarks, told apart, and no repeated id.
    labels = page_tree.xpath('//form[@role="search"]/@aria-label')
    assert len(labels) == len(set(labels)) >= 1
    ids = page_tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert result_links(response) == ["/vertebroplasty/"]


def test_search_box_include_is_a_labelled_search_landmark(rf: RequestFactory, db):
    request = rf.get("/")
    html = render_to_string("includes/search_form.html", {"search_compact": True}, request=request)

    form = tree(f"<div>{html}</div>").xpath("//form")[0]
    assert form.get("role") == "search"
    assert form.get("method") == "get"
    assert form.get("action") == "/search/"
    assert form.get("aria-label") == "Site search"
    field = form.xpath('.//input[@type="search"][@name="q"]')[0]
    assert form.xpath(f'.//label[@for="{field.get("id")}"]/text()') == ["Search this site"]
    assert form.xpath('.//button[@type="submit"]/text()') == ["Search"]


def test_title_match_ranks_above_a_body_repeating_the_words(client, editor, site_tree):
    page("Bone density scan", "<p>A quick test.</p>", user=editor)
    page("Tests", "<p>" + "A bone density scan measures bone density. " * 20 + "</p>", user=editor)

    assert result_titles(search(client, "bone density scan")) == ["Bone density scan", "Tests"]


def test_a_snippet_cut_from_a_long_text_says_so(client, editor, site_tree):
    filler = "Patients rest at home and walk a little more each day. " * 12
    page("Recovery", f"<p>{filler}Ask about hydrotherapy at the clinic. {filler}</p>", user=editor)

    [snippet] = snippets(search(client, "hydrotherapy"))

    assert "<mark>hydrotherapy</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) < 400
