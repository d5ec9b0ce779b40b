"""
Factories for test data. Pages and notices are created and published through
the same functions the demo loader uses, so tests see what editors produce.
"""

from dataclasses import dataclass

import factory
from cms.api import create_page
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model

from pages import demo

LANGUAGE = "en-us"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


def text(body: str) -> list[dict]:
    return [{"plugin": "TextPlugin", "body": body}]


def published_page(
    title: str,
    *,
    user,
    parent: Page | None = None,
    template: str = "cms/content.html",
    content: list[dict] | None = None,
    safety: list[dict] | None = None,
    reverse_id: str | None = None,
    in_navigation: bool = True,
    is_home: bool = False,
    **page_kwargs,
) -> Page:
    """Create a page with plugins in its placeholders and publish it."""
    page = create_page(
        title=title,
        template=template,
        language=LANGUAGE,
        parent=parent,
        reverse_id=reverse_id,
        in_navigation=in_navigation,
        created_by=user,
        **page_kwargs,
    )
    page_content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    for slot, plugins in (("content", content), ("safety", safety)):
        if plugins:
            placeholder = page_content.get_placeholders().get(slot=slot)
            demo.add_plugins(placeholder, plugins, language=LANGUAGE)
    demo.publish(page_content, user=user)
    if is_home:
        page.set_as_homepage(user)
    return page


NOTICES = {
    "medical-disclaimer": "This Web site is meant for information purposes only.",
    "donations-registry": "Medtronic's Donations Registry lists donations.",
    "copyright": "© Medtronic Spine LLC.",
    "region-notice": "This information intended for UNITED STATES customers only.",
}


@dataclass
class Site:
    home: Page
    section: Page
    procedure: Page
    child: Page
    footer_pages: list[Page]


def build_site(*, user) -> Site:
    """The smallest site the templates need: notices, home, section, procedure, footer pages."""
    notices = {code: {"name": code, LANGUAGE: f"<p>{body}</p>"} for code, body in NOTICES.items()}
    demo.load_aliases(
        spec={"category": "Site notices", "aliases": notices}, user=user, report=demo.LoadReport()
    )
    home = published_page(
        "Welcome",
        user=user,
        template="cms/home.html",
        is_home=True,
        reverse_id="home",
        content=text("<p>Home text</p>"),
    )
    section = published_page("Patients", user=user, content=text("<p>Section text</p>"))
    procedure = published_page(
        "Balloon Kyphoplasty",
        user=user,
        parent=section,
        template="cms/procedure.html",
        content=text("<p>Procedure text</p>"),
        safety=text("<ul><li>death</li></ul>"),
    )
    child = published_page(
        "After the Procedure", user=user, parent=procedure, content=text("<p>Recovery text</p>")
    )
    footer_pages = [
        published_page(
            title,
            user=user,
            reverse_id=key,
            in_navigation=False,
            content=[{"plugin": "SiteMapPlugin"}] if key == "site-map" else text("<p>x</p>"),
        )
        for key, title in (
            ("site-map", "Site Map"),
            ("terms-of-use", "Terms of Use"),
            ("privacy", "Privacy Statement"),
        )
    ]
    return Site(
        home=home, section=section, procedure=procedure, child=child, footer_pages=footer_pages
    )
