"""
Per-request access to the reference library.

A page can cite many references in many places; loading the (small) library
once per request keeps the query count flat however many citations a page has.
"""

from .models import Reference

_ATTRIBUTE = "_portal_reference_library"


def reference_library(request) -> dict[int, Reference]:
    library = getattr(request, _ATTRIBUTE, None) if request is not None else None
    if library is None:
        library = {ref.number: ref for ref in Reference.objects.all()}
        if request is not None:
            setattr(request, _ATTRIBUTE, library)
    return library
