# Everything a developer or CI needs, from a fresh clone. Python 3.11 or newer.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test lint format makemessages clean bench resilience audit screenshots cjk-font faq-wheel plugin-proof upstream-tests headless-clients

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)" or 0)'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## Set up the database with demo content, print an admin login, and serve the site.
run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py setup_demo

# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
$(CHROMIUM_PATH):
	@command -v apt-get >/dev/null || { echo "No $@: install Chromium or set CHROMIUM_PATH"; exit 1; }
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium

# One pytest-xdist worker per CPU; a module's (or class's) tests stay together, so a fixture it
# builds once is built once. Then the tests that commit (marked serial), in one process.
# PYTEST_WORKERS=0 runs the first part in one process too. Exit status 5 is "none selected".
PYTEST_WORKERS ?= auto

## Lint, then run the whole test suite (DATABASE_URL picks the database; SQLite by default):
## the site's, then the FAQ plugin's own, in its test project without the site (faq/README.md).
test: install lint $(CHROMIUM_PATH)
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=trustcenter.settings.test
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope -m "not serial" $(PYTEST_ARGS) \
		|| [ $$? -eq 5 ]
	$(BIN)/python -m pytest -m serial $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest faq/tests --ds=faq.test.settings

## The FAQ plugin alone as a wheel (packaging/wagtail-faq), in dist/.
faq-wheel: install
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist packaging/wagtail-faq

## That wheel in a brand-new `wagtail start` site, checked over HTTP (.ci/plugin-proof; in CI).
plugin-proof: install
	PYTHON=$(BIN)/python .ci/plugin-proof

## Clients generated from the live v3 OpenAPI document (Python and TypeScript), a round trip
## through them against the demo content (.ci/headless-clients; in CI). Needs npm.
headless-clients: install
	@command -v npm >/dev/null || { echo "The headless clients need Node.js and npm: install them"; exit 1; }
	PYTHON=$(BIN)/python .ci/headless-clients

## wagtail-localize's own tests, with this site's patches of it installed (SQLite): see README.
upstream-tests: install
	$(BIN)/python upstream_tests/run.py $(PYTEST_ARGS)

## The benchmark (not part of test): starts its own services on 127.0.0.1; see docs/performance.md.
bench: install
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { \
		command -v apt-get >/dev/null || { echo "The bench needs wrk and nginx: install them"; exit 1; }; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk nginx-light; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## Readers and a publisher while Redis is killed, frozen and restored (not part of test): see docs/resilience.md.
resilience: install
	@command -v redis-server >/dev/null || { echo "The resilience run needs redis-server: install it"; exit 1; }
	$(BIN)/python bench/resilience.py $(BENCH_ARGS)

## Lighthouse on the demo site, mobile and desktop, into docs/audit.md; then the legacy and new
## screenshots into docs/screenshots/ (not part of test). Lighthouse comes from npm (audit/) and
## runs Debian's Chromium: nothing downloads a browser.
audit: install $(CHROMIUM_PATH) cjk-font
	cd audit && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python audit/run.py $(AUDIT_ARGS)

## Only the legacy and new screenshots (docs/screenshots/).
screenshots: install $(CHROMIUM_PATH) cjk-font
	$(BIN)/python audit/screenshots.py

# Chinese pages drawn in boxes are no screenshots: Debian's Noto CJK fonts, if none is installed.
cjk-font:
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
		command -v apt-get >/dev/null || { echo "Install a CJK font (fonts-noto-cjk)"; exit 1; }; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk fontconfig; }

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

makemessages: install
	cd faq && ../$(BIN)/python ../manage.py makemessages -l zh_Hans
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=faq --ignore=$(VENV)

clean:
	rm -rf $(VENV) db.sqlite3 media static dist .cache
