# Two commands: `make run` serves Palermo with demo data; `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test lint typecheck pytest messages bench clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Palermo needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(DEV): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@ $(RUNTIME)

run: $(RUNTIME)
	$(BIN)/palermo demo
	$(BIN)/palermo serve

# Style, the import contracts of importlinter.toml, and no model change without its migration.
lint: $(DEV)
	$(BIN)/ruff check palermo tests bench
	$(BIN)/lint-imports importlinter.toml
	DJANGO_SETTINGS_MODULE=palermo.settings_test $(BIN)/palermo makemigrations --check --dry-run --skip-checks

typecheck: $(DEV)
	$(BIN)/mypy palermo

# The accessibility engine the browser tests inject (a test dependency from npm, pinned).
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts
	@touch $@

pytest: $(DEV) $(AXE)
	$(BIN)/pytest

test: lint typecheck pytest

messages: $(DEV)
	$(BIN)/python -m palermo.web.messages

bench: $(DEV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	$(BIN)/python bench/bench_http.py
	$(BIN)/python bench/bench_audit.py
	$(BIN)/python bench/bench_names.py
	$(BIN)/python bench/bench_overview.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_screening_http.py
	$(BIN)/python bench/bench_library.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
