"""OpenAPI 3 description of the physician search API, served at /api/openapi.json."""

from physicians.forms import MAX_PAGE
from physicians.models import Specialty
from physicians.search import DEFAULT_RADIUS, MAX_RADIUS, PAGE_SIZE

RESULT_PROPERTIES = {
    "npi": {"type": "string", "pattern": "^[0-9]{10}$", "description": "National Provider ID"},
    "name": {"type": "string", "example": "Jane Doe"},
    "credentials": {"type": "string", "example": "MD"},
    "practice": {"type": "string"},
    "address": {"type": "string", "description": "Street address, with line 2 if any"},
    "city": {"type": "string"},
    "state": {"type": "string", "description": "USPS two-letter code"},
    "zip": {"type": "string", "example": "55432"},
    "phone": {"type": "string", "example": "612-555-0100"},
    "specialties": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["code", "label"],
            "properties": {
                "code": {"type": "string", "description": "NUCC taxonomy code"},
                "label": {"type": "string"},
            },
        },
    },
    "distance_miles": {
        "type": "number",
        "description": "Great-circle (haversine, R = 3958.8 mi) distance from the origin",
    },
    "latitude": {"type": "number"},
    "longitude": {"type": "number"},
}

ORIGIN_PROPERTIES = {
    "query": {"type": "string", "description": "The near parameter as sent"},
    "label": {"type": "string", "example": "Minneapolis, MN 55432"},
    "city": {"type": "string"},
    "state": {"type": "string"},
    "zip": {"type": ["string", "null"], "description": "Set when near was a ZIP code"},
    "latitude": {"type": "number"},
    "longitude": {"type": "number"},
}

SEARCH_PROPERTIES = {
    "origin": {"$ref": "#/components/schemas/Origin"},
    "radius": {"type": "number"},
    "count": {"type": "integer", "description": "Listed physicians within the radius"},
    "page": {"type": "integer"},
    "pages": {"type": "integer"},
    "results": {
        "type": "array",
        "maxItems": PAGE_SIZE,
        "items": {"$ref": "#/components/schemas/Physician"},
    },
}


def _object(properties: dict) -> dict:
    return {"type": "object", "required": list(properties), "properties": properties}


def _parameter(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }


def openapi_document() -> dict:
    codes = list(Specialty.objects.order_by("code").values_list("code", flat=True))
    error = {"description": "Bad input", "content": _json("#/components/schemas/Error")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Physician finder API",
            "version": "1.0",
            "description": "Listed physicians who perform balloon kyphoplasty, nearest first.",
        },
        "paths": {
            "/api/physicians/": {
                "get": {
                    "summary": "Search physicians near a ZIP code or city",
                    "operationId": "searchPhysicians",
                    "parameters": [
                        _parameter(
                            "near",
                            {"type": "string", "maxLength": 100},
                            "5-digit ZIP, ZIP+4 or 'City, ST'",
                            required=True,
                        ),
                        _parameter(
                            "radius",
                            {
                                "type": "number",
                                "exclusiveMinimum": 0,
                                "maximum": MAX_RADIUS,
                                "default": DEFAULT_RADIUS,
                            },
                            "Miles from the origin",
                        ),
                        _parameter("specialty", {"type": "string", "enum": codes}, "NUCC code"),
                        _parameter(
                            "page",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
                            f"Page of {PAGE_SIZE} results",
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "One page of results",
                            "content": _json("#/components/schemas/SearchResult"),
                        },
                        "400": error,
                        "429": {
                            "description": "Too many searches from this address; see Retry-After",
                            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                            "content": _json("#/components/schemas/Error"),
                        },
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "SearchResult": _object(SEARCH_PROPERTIES),
                "Origin": _object(ORIGIN_PROPERTIES),
                "Physician": _object(RESULT_PROPERTIES),
                "Error": _object(
                    {
                        "error": {"type": "string", "description": "What to change"},
                        "field": {
                            "type": ["string", "null"],
                            "enum": ["near", "radius", "specialty", "page", None],
                            "description": "The parameter to change; null for a rate limit",
                        },
                    }
                ),
            }
        },
    }


def _json(ref: str) -> dict:
    return {"application/json": {"schema": {"$ref": ref}}}
