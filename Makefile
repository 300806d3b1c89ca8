# make run   — set everything up on first use, then start the app
# make test  — set everything up, then lint, type-check and run the whole test suite
# make help  — every target, with one line each
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: help run test test-fast fmt lint typecheck pytest bench bench-scale bench-dist screenshots clean venv dist dist-check translations

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1|/' | column -t -s '|'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create .venv and install the app with its dev tools

# Translations. Sources: resources/translations/smsoat_<lang>.ts (Qt Linguist); the compiled .qm files
# are build products (not committed). `run`, `test` and `dist` only compile a .qm that is missing or
# older than its .ts; `make translations` (for developers) first re-reads app/ui into every .ts, and
# `make translations NEW_LANG=fr` starts a new language. smsoat_en.ts holds only the plural forms
# of the `%n` messages (English needs no other translation), so lupdate keeps it plural-only.
# See docs/translations.md.
TS_DIR := resources/translations
TS_EN := $(TS_DIR)/smsoat_en.ts
TS_FILES := $(filter-out $(TS_EN),$(wildcard $(TS_DIR)/*.ts))
QM_FILES := $(TS_FILES:.ts=.qm) $(TS_EN:.ts=.qm)
LUPDATE := $(VENV)/bin/pyside6-lupdate
LRELEASE := $(VENV)/bin/pyside6-lrelease

translations: $(STAMP) ## re-read app/ui into every .ts, then compile (NEW_LANG=xx starts one)
	$(LUPDATE) app/ui/*.py -no-obsolete -locations none -source-language en \
		-ts $(TS_FILES) $(if $(NEW_LANG),$(TS_DIR)/smsoat_$(NEW_LANG).ts)
	$(LUPDATE) app/ui/*.py -no-obsolete -locations none -source-language en -target-language en \
		-pluralonly -ts $(TS_EN)
	$(LRELEASE) $(TS_DIR)/*.ts

$(TS_DIR)/%.qm: $(TS_DIR)/%.ts | $(STAMP)
	@build/check-system.sh test
	$(LRELEASE) -silent $< -qm $@

run: $(STAMP) $(QM_FILES) ## set up on first use, then start the app (ARGS=... passes options)
	@build/check-system.sh run
	$(PY) -m app $(ARGS)

test: $(STAMP) $(QM_FILES) ## lint, format check, mypy, then the whole test suite
	@build/check-system.sh test
	$(PY) build/ci.py lint types tests

# Only the tests below the GUI: no Qt window (tests/gui), no X server (tests/x11), no stress tests.
test-fast: $(STAMP) ## the tests below the GUI only (no GUI, no X11, no stress): quick feedback
	$(PY) -m pytest -q --ignore=tests/gui --ignore=tests/x11 -m "not slow"

fmt: $(STAMP) ## format the code and apply ruff's safe fixes
	$(PY) -m ruff format app tests benchmarks
	$(PY) -m ruff check --fix app tests benchmarks

lint: $(STAMP) ## ruff check and ruff format --check
	$(PY) -m ruff check app tests benchmarks
	$(PY) -m ruff format --check app tests benchmarks

typecheck: $(STAMP) ## mypy, strict for all of app
	$(PY) -m mypy

pytest: $(STAMP) $(QM_FILES) ## the whole test suite only
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --cov=app --cov-report=

# Benchmarks print medians against the issues' budgets; `make bench-dist` builds the installer if needed and times it.
bench: $(STAMP) $(QM_FILES) ## every benchmark, medians against the budgets
	@build/check-system.sh run
	$(PY) benchmarks/bench_engine.py
	$(PY) benchmarks/bench_reports.py
	$(PY) benchmarks/bench_import.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_startup.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_gui.py
	$(PY) benchmarks/stress_kill.py
	@if [ -x $(DIST_EXE) ]; then QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_dist.py; \
	else echo "frozen start and bundle size: make bench-dist (builds the installer first)"; fi

# Screenshots at 1366x768 under Xvfb into docs/screenshots/, English then Spanish.
screenshots: $(STAMP) $(QM_FILES) ## redraw docs/screenshots under Xvfb, English then Spanish
	@build/check-system.sh screens
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) build/screenshots.py
	SMSOAT_SHOT_LANG=es xvfb-run -a -s "-screen 0 1366x768x24" $(PY) build/screenshots.py

PYINSTALLER := $(VENV)/bin/pyinstaller
DIST_EXE := dist/smsoat/smsoat
DIST_SOURCES := $(shell find app instruments resources build/stubs -type f -not -name '*.pyc' 2>/dev/null) build/smsoat.spec build/startup_modules.py build/trim_icu.py build/make_archive.py

$(PYINSTALLER): $(STAMP)
	$(PY) -m pip install -q --disable-pip-version-check 'pyinstaller>=6.10,<7'

$(DIST_EXE): $(PYINSTALLER) $(DIST_SOURCES) $(QM_FILES)
	@build/check-system.sh dist
	$(PY) build/ci.py dist

dist: $(DIST_EXE) ## build the installer folder with PyInstaller

dist-check: $(DIST_EXE) ## check the frozen app
	$(PY) build/ci.py dist-check

# Data files of 1,000 and 10,000 rounds written in SQL; SIZES="1000 10000 100000" adds the whole
# country (about 15 minutes more, most of it writing the 100,000-round file).
SIZES ?= 1000 10000
bench-scale: $(STAMP) $(QM_FILES) ## roll-up, coordinator view and home at 1,000-100,000 rounds
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_scale.py --sizes $(SIZES)

bench-dist: $(DIST_EXE) ## time the frozen app
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_dist.py

clean: ## remove the venv, caches, build products and compiled catalogues
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .build-work dist
	rm -f $(TS_DIR)/*.qm
