# `make run` and `make test` do all set-up themselves on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO ?= build/demo-workspace
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	bash scripts/system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ocr]'
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	test -f $(DEMO)/workspace.json || $(BIN)/materials-review demo $(DEMO)
	$(BIN)/materials-review gui $(DEMO)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/ingest_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ui_lag.py

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) build
