"""
The edge, for real: Debian's Varnish running deploy/varnish/portal.vcl in front of the
portal as `make serve` runs it (gunicorn, DEBUG off), both on the test's PostgreSQL and a
Redis of their own. An editor logs in to the app server, approves and publishes; the app
server purges Varnish by surrogate key (delivery.edge_purge), and the next request
through Varnish is fresh. A risk-list change purges only the page showing it.
"""

import http.client
import shutil
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from cms.models import PageContent
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import transaction
from django.urls import reverse
from djangocms_alias.models import AliasContent
from djangocms_text.models import Text
from djangocms_versioning.models import Version

from pages.models import RiskItem
from portal.settings import redis_cache
from tests import factories
from tests.editing import version_action_url
from tests.performance.servers import (
    HOST,
    AppServer,
    RedisServer,
    VarnishServer,
    free_port,
    varnish_available,
)

pytestmark = [
    pytest.mark.postgres,
    # Committed data, so the servers see it (as in test_scale_out.py).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or not shutil.which("redis-server"),
        reason="needs DATABASE_URL on PostgreSQL and redis-server: the servers share them",
    ),
]

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture(scope="module")
def varnish_installed():
    if not varnish_available():
        pytest.skip(
            "varnishd with the xkey vmod is missing and `apt-get install varnish "
            "varnish-modules` failed: the edge cannot be tested on this machine"
        )


@pytest.fixture
def edge(varnish_installed, settings):
    """Redis, the app server purging Varnish, and Varnish in front of it."""
    redis = RedisServer()
    settings.CACHES = {"default": redis_cache(redis.url)}  # this process edits drafts
    edge_port = free_port()
    app = AppServer(
        redis_url=redis.url,
        EDGE_PURGE_URL=f"http://{HOST}:{edge_port}/",
        REQUIRE_2FA="false",  # the editor logs in with a password alone (2FA: tests/core)
        # Hits are counted here after the first purge; the second: tests/delivery.
        EDGE_REPURGE_SECONDS="600",
    )
    varnish = VarnishServer(backend_port=app.port, port=edge_port)
    yield app, varnish
    varnish.stop()
    app.stop()
    redis.stop()


@pytest.fixture
def site(editor):
    with transaction.atomic():  # as the admin's views do; django CMS requires it
        built = factories.build_site(user=editor)
        risks = factories.risk_list_alias(user=editor, risks=[("stroke", "")])
        factories.published_page(
            "Vertebroplasty",
            user=editor,
            parent=built.section,
            template="cms/procedure.html",
            content=factories.text("<p>Another procedure</p>"),
            safety=[{"plugin": "Alias", "alias": risks.static_code}],
        )
    return built


class EditorBrowser:
    """An editor's browser on the app server: logged in, posting forms with the CSRF token."""

    def __init__(self, server: AppServer, user):
        # The tests hash passwords with MD5, which the production server does not accept.
        user.password = PBKDF2PasswordHasher().encode(PASSWORD, "edge-test", iterations=1000)
        user.save(update_fields=["password"])
        self.server = server
        self.cookies = SimpleCookie()
        self.send("GET", "/admin/login/")
        login = self.post(
            "/admin/login/", username=user.username, password=PASSWORD, next="/admin/"
        )
        assert login.status == 302 and "sessionid" in self.cookies, login.body[-3000:]

    def post(self, path: str, **fields: str) -> http.client.HTTPResponse:
        return self.send(
            "POST", path, csrfmiddlewaretoken=self.cookies["csrftoken"].value, **fields
        )

    def send(self, method: str, path: str, **fields: str) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection(HOST, self.server.port, timeout=30)
        headers = {"Host": HOST, "Cookie": self.cookies.output(attrs=[], header="", sep=";")}
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=urlencode(fields) or None, headers=headers)
            response = connection.getresponse()
            response.body = response.read()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        return response

    def approve_and_publish(self, content) -> None:
        version = Version.objects.get_for_content(content)
        decided = self.post(
            reverse("admin:editorial_review_decide", args=[version.pk]), approve="1"
        )
        assert decided.status == 302, decided.status
        published = self.post(version_action_url(content, "publish"))
        assert published.status == 302, published.status
        assert Version.objects.get(pk=version.pk).state == "published"


def draft_of(content, editor):
    """'Edit' on published content, as the toolbar does: a draft copy of its plugins."""
    with transaction.atomic():
        draft = Version.objects.get_for_content(content).copy(editor).content
        if isinstance(draft, PageContent):  # publishing asks for one
            draft.meta_description = "How balloon kyphoplasty treats painful spinal fractures."
            draft.save()
        return draft


def edge_state(varnish, path) -> tuple[str, str]:
    response = varnish.get(path)
    assert response.status == 200, response.status
    return response.headers["X-Edge-Cache"], response.text


def warmed(varnish, path) -> str:
    edge_state(varnish, path)
    state, html = edge_state(varnish, path)
    assert state == "hit", "a page the app marks cacheable is kept by Varnish"
    return html


def test_published_page_is_fresh_through_varnish_at_the_next_request(edge, site, editor):
    app, varnish = edge
    app.wait()
    varnish.wait()
    path = site.procedure.get_absolute_url()
    assert "Procedure text" in warmed(varnish, path)
    draft = draft_of(PageContent.objects.get(page=site.procedure), editor)
    text = Text.objects.get(placeholder__in=draft.get_placeholders(), body__contains="Procedure")
    text.body = "<p>Reviewed procedure text</p>"
    text.save()

    EditorBrowser(app, editor).approve_and_publish(draft)

    state, html = edge_state(varnish, path)
    assert state == "miss"
    assert "Reviewed procedure text" in html
    assert edge_state(varnish, path)[0] == "hit"


def test_risk_list_change_purges_only_the_page_showing_it(edge, site, editor):
    app, varnish = edge
    app.wait()
    varnish.wait()
    showing = "/patients/vertebroplasty/"
    other = site.procedure.get_absolute_url()
    assert "stroke" in warmed(varnish, showing)
    warmed(varnish, other)
    alias_content = AliasContent.objects.get(alias__static_code="serious-adverse-events")
    draft = draft_of(alias_content, editor)
    risk = RiskItem.objects.get(placeholder__in=draft.get_placeholders(), term="stroke")
    risk.term = "cerebrovascular accident"
    risk.save()

    EditorBrowser(app, editor).approve_and_publish(draft)

    state, html = edge_state(varnish, showing)
    assert state == "miss"
    assert "cerebrovascular accident" in html
    assert edge_state(varnish, other)[0] == "hit", "a page without the risk list stays cached"


def test_draft_stays_invisible_through_varnish(edge, site, editor):
    app, varnish = edge
    app.wait()
    varnish.wait()
    path = site.procedure.get_absolute_url()
    warmed(varnish, path)
    draft = draft_of(PageContent.objects.get(page=site.procedure), editor)
    text = Text.objects.get(placeholder__in=draft.get_placeholders(), body__contains="Procedure")
    text.body = "<p>Unreviewed draft text</p>"
    text.save()

    for _ in range(2):
        state, html = edge_state(varnish, path)
        assert state == "hit"
        assert "Unreviewed draft text" not in html
    assert "Unreviewed draft text" not in app.get(path).text, "nor from the app server itself"


def test_editors_admin_and_finder_pass_and_purges_need_an_app_server(edge, site, editor):
    app, varnish = edge
    app.wait()
    varnish.wait()
    for path in ("/admin/login/", "/physician-finder/?location=55432"):
        varnish.get(path)
        assert varnish.get(path).headers["X-Edge-Cache"] == "miss", path
    browser = EditorBrowser(app, editor)
    path = site.procedure.get_absolute_url()
    warmed(varnish, path)
    as_editor = varnish.get(path, Cookie=browser.cookies.output(attrs=[], header="", sep=";"))
    assert as_editor.headers["X-Edge-Cache"] == "miss", "a logged-in editor is passed"
    assert "no-store" in as_editor.headers["Cache-Control"]

    refused = varnish.request("PURGE", "/", source="127.0.0.2", **{"Surrogate-Key": "site"})

    assert refused.status == 403
    assert edge_state(varnish, path)[0] == "hit"
