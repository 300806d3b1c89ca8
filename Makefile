# make run   — set everything up on first use, then start the app
# make test  — set everything up, then lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench screenshots clean venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@build/check-system.sh run
	$(PY) -m app $(ARGS)

test: $(STAMP)
	@build/check-system.sh test
	$(PY) -m ruff check app tests benchmarks
	$(PY) -m ruff format --check app tests benchmarks
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check app tests benchmarks
	$(PY) -m ruff format --check app tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/bench_engine.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
