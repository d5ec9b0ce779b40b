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
from pages.library import create_reference
from pages.models import Reference, ReferenceContent

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
    """Create a page with plugins in its placeholders and publish it.

    It has a description for search engines, as every page must to be published
    (seo.descriptions), unless the test passes ``meta_description=""``.
    """
    page_kwargs.setdefault("meta_description", f"About {title.lower()}, for patients.")
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
    # Pages that present the therapy carry a risk list (editorial.fair_balance).
    safety = [
        {
            "plugin": "RiskListPlugin",
            "title": "Risks",
            "lead_in": "Serious adverse events can occur including:",
            "children": [{"plugin": "RiskItemPlugin", "term": "death"}],
        }
    ]
    home = published_page(
        "Welcome",
        user=user,
        template="cms/home.html",
        is_home=True,
        reverse_id="home",
        content=text("<p>Home text</p>"),
        safety=safety,
    )
    section = published_page("Patients", user=user, content=text("<p>Section text</p>"))
    procedure = published_page(
        "Balloon Kyphoplasty",
        user=user,
        parent=section,
        template="cms/procedure.html",
        content=text("<p>Procedure text</p>"),
        safety=safety,
    )
    child = published_page(
        "After the Procedure",
        user=user,
        parent=procedure,
        content=text("<p>Recovery text</p>"),
        safety=safety,
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


class ReferenceFactory(factory.Factory):
    """A reference with a published version 1, as the demo loader and a publisher leave it."""

    class Meta:
        model = ReferenceContent

    number = factory.Sequence(lambda n: n + 1)
    authors = "Wardlaw D, Cummings SR"
    title = factory.Sequence(lambda n: f"A randomised trial of balloon kyphoplasty, part {n}")
    journal = "The Lancet"
    year = 2009
    volume = "373"
    issue = "9668"
    pages = "1016-1024"
    pmid = factory.Sequence(lambda n: str(19246088 + n))

    @classmethod
    def _build(cls, model_class, *args, number, **fields):
        return model_class(reference=Reference(number=number), **fields)

    @classmethod
    def _create(cls, model_class, *args, number, **fields):
        existing = ReferenceContent.objects.filter(reference__number=number).first()
        if existing is not None:
            return existing
        return create_reference(number=number, user=demo.demo_user(), publish=True, **fields)


def references() -> list[ReferenceContent]:
    """Library entries 17, 19 and 29; 19 carries both disclosure flags."""
    return [
        ReferenceFactory(number=17),
        ReferenceFactory(number=19, author_was_paid_consultant=True, funded_by_manufacturer=True),
        ReferenceFactory(number=29, doi="10.1007/s00586-012-2314-z", pmid=""),
    ]


RISKS = [
    ("myocardial infarction", "heart attack"),
    ("cerebrovascular accident", "stroke"),
    ("death", ""),
]


def risk_list_alias(*, user, code: str = "serious-adverse-events", risks=RISKS):
    """A published risk-list alias, as editors keep them in the "Safety information" category."""
    from djangocms_alias.models import Alias

    spec = {
        "category": "Safety information",
        "aliases": {
            code: {
                "name": "Serious adverse events",
                LANGUAGE: [
                    {
                        "plugin": "RiskListPlugin",
                        "title": "Serious adverse events",
                        "lead_in": "Serious adverse events can occur including:",
                        "closing": "Patients should consult with their doctor.",
                        "children": [
                            {"plugin": "RiskItemPlugin", "term": term, "gloss": gloss}
                            for term, gloss in risks
                        ],
                    }
                ],
            }
        },
    }
    demo.load_aliases(spec=spec, user=user, report=demo.LoadReport())
    return Alias.objects.get(static_code=code)


def published_translation(page: Page, language: str, *, user, title: str | None = None):
    """Publish `page` in another region, copying its plugins, as an editor translating it does."""
    from cms.api import create_page_content
    from cms.utils.plugins import copy_plugins_to_placeholder

    source = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    content = create_page_content(
        language,
        title or source.title,
        page,
        template=source.template,
        in_navigation=source.in_navigation,
        created_by=user,
    )
    for placeholder in source.get_placeholders():
        target = content.get_placeholders().get(slot=placeholder.slot)
        copy_plugins_to_placeholder(
            list(placeholder.get_plugins(LANGUAGE)), target, language=language
        )
    demo.publish(content, user=user)
    return content


def notice(static_code: str, language: str, text: str, *, user) -> None:
    """Publish a site notice's content for one region."""
    spec = {
        "category": "Site notices",
        "aliases": {static_code: {"name": static_code, language: f"<p>{text}</p>"}},
    }
    demo.load_aliases(spec=spec, user=user, report=demo.LoadReport())


def staff_in_role(role: str, username: str | None = None):
    """A staff login in one of the editorial groups (created by editorial.roles on migrate)."""
    from django.contrib.auth.models import Group

    user = UserFactory(username=username or role.lower().replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


# --- Media library ------------------------------------------------------------


def png_bytes(width: int = 40, height: int = 30, color=(40, 110, 160)) -> bytes:
    """A real PNG, as a drawing program saves one."""
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def library_folder(name: str = "Illustrations", *, parent=None):
    """A folder of the media library (top-level ones are made by a superuser)."""
    from filer.models import Folder

    return Folder.objects.get_or_create(name=name, parent=parent)[0]


def library_image(name: str = "spine.png", *, folder=None, owner=None, data: bytes | None = None):
    """A filer Image holding real PNG bytes, stored as an upload would be."""
    import io

    from django.core.files import File as DjangoFile
    from filer.models import Image

    image = Image(
        file=DjangoFile(io.BytesIO(data or png_bytes()), name=name),
        original_filename=name,
        folder=folder,
        owner=owner,
    )
    image.save()
    return image


def page_with_picture(title: str, *, user, image, alt_text: str = "A spine", parent=None) -> Page:
    """A published page showing `image` in a Picture plugin."""
    from cms.api import add_plugin

    page = create_page(
        title=title,
        template="cms/content.html",
        language=LANGUAGE,
        parent=parent,
        created_by=user,
        meta_description=f"{title}, illustrated.",
    )
    page_content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    placeholder = page_content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "PicturePlugin", LANGUAGE, image=image, alt_text=alt_text)
    demo.publish(page_content, user=user)
    return page
