"""`.env.example` lists every environment variable the settings and gunicorn read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = ["portal/settings.py", "portal/gunicorn.conf.py", "benchmarks/settings.py"]
READ = re.compile(r"""(?:env\.\w+|environ\.get|environ\[)\(?["']([A-Z][A-Z0-9_]+)["']""")
# Set by `make bench-pages` for one of its servers, never by a deployment.
BENCHMARK_ONLY = {"PORTAL_BENCH_NO_CACHE"}


def listed_variables() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


def test_every_variable_read_is_listed_in_env_example():
    read = {name for path in READERS for name in READ.findall((ROOT / path).read_text())}

    assert read - BENCHMARK_ONLY - listed_variables() == set()
