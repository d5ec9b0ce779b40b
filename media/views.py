"""Library files served by the app, for deployments where no proxy serves MEDIA_ROOT."""

from django.conf import settings
from django.views.static import serve

# filer stores every upload under a new random folder, so a path never changes meaning, and
# a file that pages use cannot be swapped for other bytes (media.admin): a day is safe.
MAX_AGE = 60 * 60 * 24


def serve_upload(request, path: str):
    """An uploaded file, as bytes only: sandboxed, never a document that can run script."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
