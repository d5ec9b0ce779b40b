"""
The citation picker: editors choose references by number, author or title.

The Citation plugin keeps storing library numbers ("17,19,29"), so no citation changes;
only the form's widget is new. It is Select2 as django.contrib.admin ships it (its
autocomplete widget's own files, served from this site: the CSP allows no other host),
fed by a small JSON view in the reference admin. The stock admin autocomplete view
cannot serve it, as it only answers for relation fields and a citation stores numbers.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from djangocms_versioning.constants import PUBLISHED

from .models import ReferenceContent

PAGE_SIZE = 20
VIEW_PERMISSION = "pages.view_reference"


def latest_versions(**filters):
    """The latest version (draft, else published) of each reference, marked when it is live."""
    live = ReferenceContent.admin_manager.filter(
        reference=OuterRef("reference"), versions__state=PUBLISHED
    )
    return (
        ReferenceContent.admin_manager.latest_content(**filters)
        .select_related("reference")
        .annotate(is_live=Exists(live))
    )


def label(content) -> str:
    """What the picker shows: the entry, and whether patients can see the reference yet."""
    text = str(content)
    if not content.is_live:
        text += " " + _("(not yet published: patients do not see it)")
    return text


def matching(term: str):
    """The references whose number, authors or title match `term`, in library order."""
    contents = latest_versions()
    term = term.strip().strip("[]")
    if term:
        found = Q(authors__icontains=term) | Q(title__icontains=term)
        if term.isdigit() and len(term) <= 9:  # a longer one overflows the number column
            found |= Q(reference__number=int(term))
        contents = contents.filter(found)
    return contents.order_by("reference__number")


@require_GET
def search_view(request):
    """Select2's AJAX source: ``?term=…&page=…`` -> ``{"results": […], "pagination": …}``."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1
    start = (page - 1) * PAGE_SIZE
    contents = list(matching(request.GET.get("term", "")[:100])[start : start + PAGE_SIZE + 1])
    results = [{"id": str(c.number), "text": label(c)} for c in contents[:PAGE_SIZE]]
    return JsonResponse({"results": results, "pagination": {"more": len(contents) > PAGE_SIZE}})


class ReferencePicker(forms.SelectMultiple):
    """A multiple select of library numbers that Select2 turns into a search box.

    Posted as one value per chosen reference; joined here into the stored "17,19".
    """

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "citation-picker", **(attrs or {})})

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                "admin/js/jquery.init.js",
                "pages/js/citation-picker.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                    "pages/css/citation-picker.css",
                )
            },
        )

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-url"] = reverse("admin:pages_reference_picker")
        attrs["data-placeholder"] = _("Search by number, author or title")
        attrs["lang"] = "en"
        return attrs

    def format_value(self, value):
        if isinstance(value, str):
            value = value.split(",")
        return [str(v).strip() for v in value or [] if str(v).strip()]

    def get_context(self, name, value, attrs):
        """Only the chosen references are options; Select2 fetches the rest as the editor types."""
        numbers = [int(n) for n in self.format_value(value) if n.isdigit()]
        latest = {c.number: label(c) for c in latest_versions(reference__number__in=numbers)}
        self.choices = [
            (str(n), latest.get(n, _("[%(number)s] not in the reference library") % {"number": n}))
            for n in numbers
        ]
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if isinstance(chosen, str):
            return chosen
        return ",".join(chosen or [])
