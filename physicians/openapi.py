"""OpenAPI 3 description of the physician search API, served at /api/openapi.json."""

from physicians.forms import MAX_PAGE, PROCEDURES
from physicians.geocoding import MAX_INPUT_LENGTH
from physicians.models import Specialty
from physicians.search import DEFAULT_RADIUS, MAX_RADIUS, MAX_RESULTS, PAGE_SIZE

PROCEDURE_SCHEMA = {
    "type": "object",
    "required": ["code", "label"],
    "properties": {
        "code": {"type": "string", "enum": list(PROCEDURES)},
        "label": {"type": "string", "example": "Balloon kyphoplasty"},
    },
}

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
    "procedures": {
        "type": "array",
        "description": "Procedures the physician data manager confirmed this physician performs",
        "items": PROCEDURE_SCHEMA,
    },
    "accepting_new_patients": {"type": "boolean"},
    "distance_miles": {
        "type": "number",
        "description": "Great-circle (haversine, R = 3958.8 mi) distance from the origin",
    },
    "latitude": {"type": "number"},
    "longitude": {"type": "number"},
}

ORIGIN_PROPERTIES = {
    "query": {
        "type": ["string", "null"],
        "description": "The near parameter as sent; null for a search from lat and lng",
    },
    "label": {
        "type": "string",
        "example": "Minneapolis, MN 55432",
        "description": "The place as understood, or 'your location' for lat and lng",
    },
    "city": {"type": ["string", "null"]},
    "state": {"type": ["string", "null"]},
    "zip": {"type": ["string", "null"], "description": "Set when near was a ZIP code"},
    "latitude": {"type": "number"},
    "longitude": {"type": "number"},
}

SEARCH_PROPERTIES = {
    "origin": {"$ref": "#/components/schemas/Origin"},
    "radius": {"type": "number"},
    "count": {
        "type": "integer",
        "maximum": MAX_RESULTS,
        "description": f"Listed physicians within the radius, counted up to {MAX_RESULTS:,}",
    },
    "count_capped": {
        "type": "boolean",
        "description": f"True when more than {MAX_RESULTS:,} match: count is then "
        f"{MAX_RESULTS:,} and pages reach the nearest {MAX_RESULTS:,}",
    },
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


# Every query parameter, as physicians.api reports them in errors.
PARAMETER_NAMES = [
    "near",
    "lat",
    "lng",
    "radius",
    "specialty",
    "procedure",
    "accepting_new_patients",
    "name",
    "page",
]


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
                            {"type": "string", "maxLength": MAX_INPUT_LENGTH},
                            "5-digit ZIP, ZIP+4 or 'City, ST'. Required unless lat and lng "
                            "are sent instead.",
                        ),
                        _parameter(
                            "lat",
                            {"type": "number", "minimum": -90, "maximum": 90},
                            "Latitude of the visitor's own point, with lng, in place of near. "
                            "Used for this search only: never logged or stored.",
                        ),
                        _parameter(
                            "lng",
                            {"type": "number", "minimum": -180, "maximum": 180},
                            "Longitude of the visitor's own point, with lat, in place of near.",
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
                            "procedure",
                            {"type": "string", "enum": list(PROCEDURES)},
                            "Only physicians confirmed to perform this procedure",
                        ),
                        _parameter(
                            "accepting_new_patients",
                            {"type": "string", "enum": ["true", "false"], "default": "false"},
                            "true: only physicians accepting new patients",
                        ),
                        _parameter(
                            "name",
                            {"type": "string", "maxLength": MAX_INPUT_LENGTH},
                            "Part of a physician's name (each word must match the first or "
                            "last name), or a 10-digit NPI",
                        ),
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
                            "enum": [*PARAMETER_NAMES, None],
                            "description": "The parameter to change; null for a rate limit",
                        },
                    }
                ),
            }
        },
    }


def _json(ref: str) -> dict:
    return {"application/json": {"schema": {"$ref": ref}}}
