"""
JSON search API: GET /api/physicians/?near=&radius=&specialty=&procedure=
&accepting_new_patients=&name=&page=, or lat=&lng= in place of near.

The same form and search as the finder page, so both accept and refuse exactly
the same input. Bad input is a 400 with {"error": ..., "field": ...}.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from physicians.forms import KYPHOPLASTY, PROCEDURES, ApiSearchForm
from physicians.openapi import openapi_document
from physicians.search import PageOutOfRange, ResultPage, find_physicians

# API parameter -> form field, in the order errors are reported.
PARAMETERS = {
    "near": "location",
    "lat": "lat",
    "lng": "lng",
    "radius": "radius",
    "specialty": "specialty",
    "procedure": "procedure",
    "accepting_new_patients": "accepting_new_patients",
    "name": "name",
    "page": "page",
}


@require_GET
def search(request):
    form = ApiSearchForm(
        {field: request.GET[p] for p, field in PARAMETERS.items() if p in request.GET}
    )
    if not form.is_valid():
        return _form_error(form)
    data = form.cleaned_data
    try:
        page = find_physicians(
            origin=form.origin, miles=data["radius"], filters=form.filters, page=data["page"]
        )
    except PageOutOfRange as exc:
        return bad_request(f"page must be between 1 and {exc.pages}.", "page")
    return JsonResponse(serialize(page, query=data["location"] or None))


@require_GET
def openapi(request):
    return JsonResponse(openapi_document())


def bad_request(message: str, field: str) -> JsonResponse:
    return JsonResponse({"error": message, "field": field}, status=400)


def _form_error(form) -> JsonResponse:
    for parameter, field in PARAMETERS.items():
        if field in form.errors:
            message = form.errors[field][0]
            if field == "location" and form.suggestions:
                message = f"{message} Did you mean: {'; '.join(form.suggestions)}?"
            return bad_request(message, parameter)
    raise AssertionError("invalid form without a field error")  # every rule is a field rule


def serialize(page: ResultPage, *, query: str | None) -> dict:
    origin = page.origin
    return {
        "origin": {
            "query": query,
            "label": origin.label,
            "city": origin.city or None,
            "state": origin.state or None,
            "zip": origin.zip_code or None,
            "latitude": origin.point.latitude,
            "longitude": origin.point.longitude,
        },
        "radius": int(page.miles) if float(page.miles).is_integer() else page.miles,
        "count": page.count,
        "count_capped": page.capped,
        "page": page.number,
        "pages": page.pages,
        "results": [
            {
                "npi": p.npi,
                "name": p.full_name,
                "credentials": p.credentials,
                "practice": p.practice_name,
                "address": p.address,
                "city": p.city,
                "state": p.state,
                "zip": p.zip_code,
                "phone": p.phone,
                "specialties": [{"code": s.code, "label": s.label} for s in p.specialty_list],
                "procedures": _procedures(p),
                "accepting_new_patients": p.accepting_new_patients,
                "distance_miles": round(p.distance_miles, 2),
                "latitude": p.latitude,
                "longitude": p.longitude,
            }
            for p in page.physicians
        ],
    }


def _procedures(physician) -> list[dict]:
    """The curated procedures a physician performs, as the `procedure` filter names them."""
    if not physician.performs_kyphoplasty:
        return []
    return [{"code": KYPHOPLASTY, "label": PROCEDURES[KYPHOPLASTY]}]
