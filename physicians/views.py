"""
The finder page, served by django CMS as the apphook of the "Physician Finder" page.

The CMS page supplies the title and the editors' text (its "content"
placeholder); this view adds the search form and results below that text.
"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse

from physicians.forms import FinderForm
from physicians.results_map import results_map
from physicians.search import PageOutOfRange, find_physicians

SEARCH_FIELDS = (
    "location",
    "lat",
    "lng",
    "radius",
    "specialty",
    "procedure",
    "accepting_new_patients",
    "name",
    "page",
)
DIRECTIONS_URL = "https://www.google.com/maps/search/?"


def finder(request):
    bound = any(name in request.GET for name in SEARCH_FIELDS)
    form = FinderForm(request.GET if bound else None)
    results = None
    if bound and form.is_valid():
        data = form.cleaned_data
        try:
            results = find_physicians(
                origin=form.origin, miles=data["radius"], filters=form.filters, page=data["page"]
            )
        except PageOutOfRange as exc:
            form.add_error(
                "page", f"There is no page {data['page']}: results end at page {exc.pages}."
            )
    context = {
        "form": form,
        "results": results,
        "suggestions": [(text, _search_url(form, location=text)) for text in form.suggestions],
        "first_page_url": _search_url(form, page=1),
    }
    if results is not None:
        context.update(_result_links(form, results))
        context["results_map"] = results_map(results)
        for physician in results.physicians:
            physician.directions_url = _directions_url(physician)
    status = 400 if bound and form.errors else 200
    return TemplateResponse(request, "physicians/finder.html", context, status=status)


def _search_url(form, **changes) -> str:
    """This search's query string with `changes`, keeping the visitor's valid choices."""
    cleaned = getattr(form, "cleaned_data", {})
    params = dict.fromkeys(name for name in SEARCH_FIELDS if name != "page")
    for name in params:
        if name not in form.errors:
            value = cleaned.get(name, form.data.get(name))
            params[name] = getattr(value, "code", value)  # a Specialty goes by its code
    if params["accepting_new_patients"] in (True, "on"):
        params["accepting_new_patients"] = "on"  # as the ticked box sends it
    params.update(changes)
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None, False)})


def _result_links(form, results) -> dict:
    pages = [
        (number, _search_url(form, page=number))
        for number in range(max(1, results.number - 2), min(results.pages, results.number + 2) + 1)
    ]
    return {
        "page_links": pages,
        "previous_url": _search_url(form, page=results.number - 1),
        "next_url": _search_url(form, page=results.number + 1),
        "next_radius_url": _search_url(form, radius=results.next_radius),
    }


def _directions_url(physician) -> str:
    """A maps search for the practice address: no API key, and nothing about the visitor."""
    address = f"{physician.address}, {physician.city}, {physician.state} {physician.zip_code}"
    return DIRECTIONS_URL + urlencode({"api": 1, "query": address})
