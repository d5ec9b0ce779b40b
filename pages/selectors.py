"""
Queries on the reference library and the citations in pages.

A page can cite many references in many places; loading the (small) library
once per request keeps the query count flat however many citations a page has.
"""

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import get_language

from .models import Citation, ReferenceContent

_ATTRIBUTE = "_portal_reference_library"
_ON_SCREEN = "_portal_content_on_screen"


def reference_library(request) -> dict[int, ReferenceContent]:
    """Every reference by its library number, loaded once per request.

    Patients get the published version of each; editors in edit or preview mode the draft
    where there is one, as django CMS shows them draft pages and versioning draft aliases.
    """
    library = getattr(request, _ATTRIBUTE, None) if request is not None else None
    if library is None:
        contents = (
            ReferenceContent.admin_manager.latest_content()
            if _shows_drafts(request)
            else ReferenceContent.objects.all()
        )
        library = {c.number: c for c in contents.select_related("reference")}
        if request is not None:
            setattr(request, _ATTRIBUTE, library)
    return library


def _shows_drafts(request) -> bool:
    toolbar = getattr(request, "toolbar", None)
    return bool(toolbar and (toolbar.edit_mode_active or toolbar.preview_mode_active))


def page_content_on_screen(request) -> PageContent | None:
    """The page content a request shows: the toolbar's object, or for apphook views the
    published content of the current page (apphooked views do not register it with the
    toolbar). Looked up once per request: the head, the references and the footer ask."""
    if request is None:
        return None
    if _ON_SCREEN not in request.__dict__:
        request.__dict__[_ON_SCREEN] = _content_on_screen(request)
    return request.__dict__[_ON_SCREEN]


def _content_on_screen(request) -> PageContent | None:
    toolbar = getattr(request, "toolbar", None)
    obj = toolbar.get_object() if toolbar else None
    if isinstance(obj, PageContent):
        return obj
    page = getattr(request, "current_page", None)
    if not page:
        return None
    return PageContent.objects.filter(page=page, language=get_language()).first()


def citations_in_page_contents(content_ids) -> QuerySet[Citation]:
    """The citation plugins in the placeholders of these page contents (ids or a subquery)."""
    return Citation.objects.filter(
        placeholder__content_type=ContentType.objects.get_for_model(PageContent),
        placeholder__object_id__in=content_ids,
    )


def references_cited_on(content: PageContent, *, request=None) -> list[ReferenceContent]:
    """The references cited anywhere on this page content, in library order."""
    citations = citations_in_page_contents([content.pk]).values_list("numbers", flat=True)
    numbers = {n for value in citations for n in Citation(numbers=value).cited_numbers()}
    library = reference_library(request)
    return [library[n] for n in sorted(numbers) if n in library]


def live_pages_citing(number: int) -> list[PageContent]:
    """The published page contents that cite reference `number`: where its edits show."""
    # PageContent's default manager (djangocms-versioning's) holds published contents only,
    # so drafts and archived versions, which may hold most citations, are not read.
    published = PageContent.objects.all()
    cited_in = citations_in_page_contents(published.values("pk")).values_list(
        "numbers", "placeholder__object_id"
    )
    content_ids = {
        pk for numbers, pk in cited_in if number in Citation(numbers=numbers).cited_numbers()
    }
    return list(published.filter(pk__in=content_ids).order_by("title"))
