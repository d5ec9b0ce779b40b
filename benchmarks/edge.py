"""
The edge in `make bench-pages`: Varnish with deploy/varnish/portal.vcl in front of the
cached server, and "edit to edge": how long after a publish Varnish serves the new page.

Edit to edge publishes a change of the procedure page's meta description through
djangocms-versioning (the admin's publish, without its review conditions) in this
process, whose purge goes to Varnish once the change commits (delivery.edge_purge),
then asks Varnish for the page until the change shows. The median of 20 publishes is
reported; a last publish puts the original description back.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.request import Request, urlopen

from benchmarks.results_file import ROOT

VCL_DIR = ROOT / "deploy" / "varnish"
PUBLISHES = 20
STALE_LIMIT_SECONDS = 30  # a purge that never arrived: stop, do not report


def start_varnish(*, port: int, backend_port: int, log_dir: Path) -> subprocess.Popen:
    """varnishd in the foreground with the shipped VCL; only the backend port differs."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-varnish-"))
    workdir.chmod(0o755)  # varnishd reads the VCL as its own user
    shutil.copy(VCL_DIR / "portal.vcl", workdir / "portal.vcl")
    backend = (VCL_DIR / "backend.vcl").read_text()
    (workdir / "backend.vcl").write_text(backend.replace('"8000"', f'"{backend_port}"'))
    command = [
        "varnishd", "-F",
        "-a", f"127.0.0.1:{port}",
        "-n", str(workdir / "instance"),
        "-f", str(workdir / "portal.vcl"),
        "-s", "malloc,256m",
    ]  # fmt: skip
    with (log_dir / "varnish.log").open("wb") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)


def edit_to_edge(*, edge_port: int, path: str) -> dict:
    """Seconds from each publish to the first fresh response through Varnish."""
    os.environ["EDGE_PURGE_URL"] = f"http://127.0.0.1:{edge_port}/"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from cms.models import Page, PageContent
    from django.conf import settings

    language = settings.LANGUAGE_CODE  # the unprefixed path is the default region's
    page = Page.objects.get(urls__path=path.strip("/"), urls__language=language)
    content = PageContent.objects.get(page=page, language=language)
    original = content.meta_description
    totals, after_commit = [], []
    for number in range(1, PUBLISHES + 1):
        marker = f"Balloon kyphoplasty, edge benchmark {number}."
        started = time.perf_counter()
        content = _publish_description(content, marker)
        committed = time.perf_counter()
        while marker.encode() not in _fetch(edge_port, path):
            if time.perf_counter() - committed > STALE_LIMIT_SECONDS:
                raise SystemExit(f"bench-pages: Varnish still serves {path} from before a publish")
        fresh = time.perf_counter()
        totals.append(fresh - started)
        after_commit.append(fresh - committed)
    _publish_description(content, original)
    return {
        "publishes": PUBLISHES,
        "median_ms": round(_median(totals) * 1000, 1),
        "max_ms": round(max(totals) * 1000, 1),
        "median_after_publish_returned_ms": round(_median(after_commit) * 1000, 1),
    }


def _publish_description(content, description: str):
    from django.db import transaction
    from djangocms_versioning.models import Version

    published = Version.objects.get_for_content(content)
    with transaction.atomic():  # the purge is sent when this commits
        draft = published.copy(published.created_by)
        draft.content.meta_description = description
        draft.content.save()
        draft.publish(published.created_by)
    return draft.content


def _fetch(port: int, path: str) -> bytes:
    with urlopen(Request(f"http://127.0.0.1:{port}{path}"), timeout=10) as response:
        return response.read()


def _median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
