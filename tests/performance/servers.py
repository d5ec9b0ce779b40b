"""
The portal as `make serve` ships it (gunicorn, DEBUG off) and a Redis of the test's own,
for tests of faults only a running server shows: Redis dying, oversized requests.

Each server logs to a file the test reads back; each Redis is a child process the test
may kill and restart, on a port of its own, never the Redis other tests share.
"""

import functools
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.processes import postgres_url

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Response:
    def __init__(self, response: http.client.HTTPResponse):
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    @property
    def text(self) -> str:
        return self.body.decode()


@functools.cache
def collect_static() -> None:
    """Production servers serve hashed static files: collect them once, as a deploy does."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "false"}
    env["SECRET_KEY"] = "fault-tests-only"
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", "--skip-checks"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


class AppServer:
    """One gunicorn worker on the test database; `env` adds to or overrides production's."""

    def __init__(self, *, redis_url: str, **env: str):
        collect_static()
        self.port = free_port()
        self.log_path = Path(tempfile.mkstemp(prefix="portal-server-", suffix=".log")[1])
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",  # not the tests' (a local cache)
            "DATABASE_URL": postgres_url(),
            "REDIS_URL": redis_url,
            "DEBUG": "false",
            "SECRET_KEY": "fault-tests-only",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": HOST,
            "WEB_CONCURRENCY": "1",
            "PORT": str(self.port),
            **env,
        }
        command = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
            )

    def request(self, method: str, path: str, **headers: str) -> Response:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request(method, path, headers={"Host": HOST, **headers})
            return Response(connection.getresponse())
        finally:
            connection.close()

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, **headers)

    def wait(self, path: str = "/healthz") -> Response:
        for _ in range(300):
            assert self.process.poll() is None, f"the app server exited:\n{self.log()}"
            try:
                return self.get(path)
            except ConnectionError:
                time.sleep(0.1)
        raise AssertionError(f"the app server on port {self.port} did not answer")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log_path.unlink(missing_ok=True)


class RedisServer:
    """A throwaway redis-server; with `persist`, it comes back from a kill with its data."""

    def __init__(self, *, persist: bool = False):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="portal-redis-")
        self.persist = persist
        self.process = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        durability = ["--appendonly", "yes", "--appendfsync", "always"] if self.persist else []
        command = ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", ""]
        command += ["--appendonly", "no"] if not self.persist else durability
        self.process = subprocess.Popen(
            [*command, "--dir", self.dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def kill(self) -> None:
        """As a crash or an OOM kill does: no shutdown, connections reset."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


VCL_DIR = ROOT / "deploy" / "varnish"


def varnish_available() -> bool:
    """Debian's varnishd with the xkey vmod (varnish-modules), installed when missing,
    as `make edge` does."""
    if shutil.which("varnishd") is None or not list(
        Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")
    ):
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "varnish", "varnish-modules"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return shutil.which("varnishd") is not None and bool(
        list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so"))
    )


class VarnishServer:
    """varnishd running deploy/varnish/portal.vcl as shipped, in front of `backend_port`.

    Both files are copied to a folder of its own (Varnish resolves an include next to the
    including file); only the backend's port differs from the shipped backend.vcl.
    """

    def __init__(self, *, backend_port: int, port: int | None = None):
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
        self.dir.chmod(0o755)  # run as root, varnishd reads the VCL as its own user
        shipped = (VCL_DIR / "backend.vcl").read_text()
        assert '.port = "8000";' in shipped
        (self.dir / "backend.vcl").write_text(
            shipped.replace('.port = "8000";', f'.port = "{backend_port}";')
        )
        shutil.copy(VCL_DIR / "portal.vcl", self.dir / "portal.vcl")
        self.log_path = self.dir / "varnishd.log"
        command = [
            "varnishd", "-F",
            "-a", f"{HOST}:{self.port}",
            "-n", str(self.dir / "instance"),
            "-f", str(self.dir / "portal.vcl"),
            "-s", "malloc,64m",
        ]  # fmt: skip
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def request(self, method: str, path: str, *, source: str | None = None, **headers: str):
        connection = http.client.HTTPConnection(
            HOST, self.port, timeout=30, source_address=(source, 0) if source else None
        )
        try:
            connection.request(method, path, headers={"Host": HOST, **headers})
            return Response(connection.getresponse())
        finally:
            connection.close()

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, **headers)

    def wait(self) -> None:
        for _ in range(300):
            assert self.process.poll() is None, f"varnishd exited:\n{self.log()}"
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"varnishd on port {self.port} did not answer:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)
