# `make run` and `make test` do all set-up themselves on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO ?= build/demo-workspace
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint bench screenshots clean wheels bundle deb test-bundle

$(STAMP): pyproject.toml
	bash scripts/system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ocr,bundle]'
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	test -f $(DEMO)/workspace.json || $(BIN)/materials-review demo --quick $(DEMO)
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

# 安装包: the offline wheel folder, the one-folder application, the .deb (README, 安装包).
wheels: $(STAMP)
	bash scripts/build-wheels.sh $(BIN)/python dist/wheels

bundle: $(STAMP)
	bash scripts/build-bundle.sh $(BIN)/python dist

deb: bundle
	bash scripts/build-deb.sh dist/materials-review dist

# Prints how long each part takes (the bundle's and the .deb's builds, each test) and their sizes.
test-bundle: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s --durations=0 -m bundle

clean:
	rm -rf $(VENV) build dist
