# The two commands a newcomer needs are `make run` and `make test`.
# Everything else is a helper for them or for operations.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
EDGE_PORT ?= 6081
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test lint format check editor demo clean backup restore serve edge bench-pages bench-faults bench-finder bench-search lighthouse loadtest screenshots worker

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)  ## Set up everything and serve on http://127.0.0.1:$(PORT)/ (SQLite unless DATABASE_URL)
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo_content
	@echo ""
	@echo "  Patient portal: http://127.0.0.1:$(PORT)/"
	@echo "  Editor login:   run 'make editor' in another terminal, then open http://127.0.0.1:$(PORT)/admin/"
	@echo ""
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)  ## Run the whole test suite (SQLite unless DATABASE_URL)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)  ## ruff for Python, djLint for templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint $(wildcard templates */templates) --lint

format: $(STAMP)  ## Apply ruff's formatting and fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(STAMP)  ## Django system checks and the missing-migrations check
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py check
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py makemigrations --check --dry-run

editor: $(STAMP)  ## Create an editor login: a superuser, or ROLE="Content author" USERNAME=alice EMAIL=…
ifdef ROLE
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py create_editor "$(USERNAME)" --role "$(ROLE)" --email "$(EMAIL)"
else
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py createsuperuser
endif

demo: $(STAMP)  ## Load the demo content (skips what exists)
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo_content

screenshots: $(STAMP)  ## Save PNGs of the demo site to docs/screenshots/ (needs Chromium)
	$(BIN)/python -m tests.browser.screenshots

backup: $(STAMP)  ## Dump PostgreSQL (pg_dump -Fc) and copy media to var/backups/<timestamp>/
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py backup

restore: $(STAMP)  ## Restore BACKUP=var/backups/<timestamp> into an empty PostgreSQL database
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/<timestamp>"; exit 2; }
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py restore "$(BACKUP)"

# `make serve` and `make bench-pages` run as production does: DEBUG off, a real
# SECRET_KEY (from the environment, else one generated once into var/secret_key).
# Plain HTTP on 127.0.0.1, so the HTTPS redirect and secure cookies default off
# here; behind the TLS proxy set them as .env.example says.
var/secret_key:
	@mkdir -p var && umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

PROD_ENV = DEBUG=false SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-false} CSRF_COOKIE_SECURE=$${CSRF_COOKIE_SECURE:-false}

serve: $(STAMP) var/secret_key  ## Serve like production: gunicorn (WEB_CONCURRENCY workers), DEBUG off, hashed static files
	$(PROD_ENV) $(BIN)/python manage.py migrate --noinput
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) PORT=$(PORT) $(BIN)/gunicorn -c portal/gunicorn.conf.py portal.wsgi

worker: $(STAMP) var/secret_key  ## Run admin imports queued by `make serve`: re-queue interrupted ones, then the django-tasks worker
	$(PROD_ENV) $(BIN)/python manage.py recover_import_jobs
	$(PROD_ENV) $(BIN)/python manage.py db_worker --no-reload

edge: $(STAMP) var/secret_key  ## Varnish (deploy/varnish) on EDGE_PORT (6081) in front of the app server on PORT; starts `make serve` if none answers
	@command -v varnishd >/dev/null || apt-get install -y -qq varnish varnish-modules >/dev/null || { echo "edge needs Varnish (apt-get install varnish varnish-modules)"; exit 2; }
	PORT=$(PORT) EDGE_PORT=$(EDGE_PORT) deploy/varnish/edge.sh

bench-pages: $(STAMP) var/secret_key  ## Benchmark page serving (cached, uncached, Django's floor, through Varnish); writes benchmarks/results/
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || { echo "bench-pages needs wrk (apt-get install wrk)"; exit 2; }
	@command -v varnishd >/dev/null || apt-get install -y -qq varnish varnish-modules >/dev/null || { echo "bench-pages needs Varnish (apt-get install varnish varnish-modules)"; exit 2; }
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.pages

bench-faults: $(STAMP) var/secret_key  ## What worker recycling and a Redis outage cost, side by side; writes benchmarks/results/
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || { echo "bench-faults needs wrk (apt-get install wrk)"; exit 2; }
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.faults

lighthouse: $(STAMP) var/secret_key  ## Lighthouse's SEO audit on every page of the site map (DATABASE_URL with the demo content); writes benchmarks/results/
	@command -v npm >/dev/null || { echo "lighthouse needs Node.js and npm"; exit 2; }
	cd tools/lighthouse && npm ci --no-audit --no-fund --silent
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.lighthouse

loadtest: $(STAMP) var/secret_key  ## 100 visitors browsing and searching for 60 s against the production server
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || { echo "loadtest needs wrk (apt-get install wrk)"; exit 2; }
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.loadtest $(LOADTEST_ARGS)

ROWS ?= 1000000
bench-finder: $(STAMP) var/secret_key  ## Time every finder query kind through HTTP at 10k and ROWS rows vs a naive scan (scratch DBs named after DATABASE_URL); writes benchmarks/results/
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.finder --rows $(ROWS)

bench-search: $(STAMP) var/secret_key  ## Time site searches on a 2,000-page tree through HTTP (a scratch PostgreSQL DATABASE_URL); writes benchmarks/results/
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python -m benchmarks.search

clean:  ## Remove the virtualenv and local data under var/
	rm -rf $(VENV) var staticfiles
