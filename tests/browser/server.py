"""
The demo site in a child process, for the browser tests and `make screenshots`.

It runs on its own throwaway SQLite database, built the way `make run` builds
one: migrations, the product's own demo loader (`load_demo_content`), and an
editor login created the way `make editor` creates one. Keeping the site out of
the test process means the browser never touches the test database (or, by
mistake, the developer's), nothing has to be flushed afterwards, and no ORM call
has to share a thread with Playwright's event loop, which Django refuses.

The child uses the test settings (DEBUG off, plain HTTP), so visitors' pages
carry the same strict Content-Security-Policy as in production.
"""

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[2]
EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "browser-tests-only-password"


@dataclass(frozen=True)
class Site:
    url: str
    editor_username: str = EDITOR_USERNAME
    editor_password: str = EDITOR_PASSWORD


class SiteError(RuntimeError):
    """The demo site could not be built or did not start; the message carries its log."""


@contextmanager
def demo_site() -> Iterator[Site]:
    with tempfile.TemporaryDirectory(prefix="portal-browser-") as tmp:
        env = _environment(Path(tmp))
        log_path = Path(tmp) / "site.log"
        with open(log_path, "w+", encoding="utf-8") as log:
            _manage(env, log, "migrate", "--noinput")
            _manage(env, log, "load_demo_content")
            _manage(
                env,
                log,
                "createsuperuser",
                "--noinput",
                f"--username={EDITOR_USERNAME}",
                "--email=editor@example.org",
            )
            port = _free_port()
            server = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", str(port)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_stop_with_parent,
            )
            try:
                url = f"http://127.0.0.1:{port}"
                _wait_until_serving(server, url, log_path)
                yield Site(url=url)
            finally:
                server.terminate()
                server.wait()


def _environment(tmp: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # The suite's own database and cache are not the site's.
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{tmp / 'site.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        DJANGO_SUPERUSER_PASSWORD=EDITOR_PASSWORD,
        # Every search in the suite comes from one visitor, 127.0.0.1.
        SEARCH_RATE_LIMIT_ENABLED="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def _manage(env: dict, log, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    if result.returncode != 0:
        log.seek(0)
        raise SiteError(f"manage.py {args[0]} failed:\n{log.read()[-4000:]}")


def _stop_with_parent() -> None:
    """On Linux, a test run that is killed takes its server with it instead of orphaning it."""
    pr_set_pdeathsig = 1
    # Elsewhere (no glibc), terminate() in demo_site() still stops it on a normal exit.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(server: subprocess.Popen, url: str, log_path: Path) -> None:
    """Until /healthz answers; a server that exits instead fails with its log."""
    while server.poll() is None:
        try:
            with urlopen(f"{url}/healthz"):
                return
        except (URLError, ConnectionError):
            time.sleep(0.1)
    raise SiteError(f"the site exited with {server.returncode}:\n{log_path.read_text()[-4000:]}")
