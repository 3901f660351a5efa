# Two commands for a new machine: `make demo` and `make test`. Both create the virtual
# environment in .venv on first use (Python 3.11+ and its venv module are all they need).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser).
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint install run clean chromium poppler

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m bot demo

test: $(STAMP) chromium poppler
	$(PY) -m pytest $(PYTEST_ARGS)

# Installs Chromium from Debian's packages when it is missing and we are root; otherwise
# says how (the browser tests then fail, they are never skipped).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "$(CHROMIUM) is missing: sudo apt-get install -y chromium (browser tests need it)" >&2; \
	  fi; \
	fi

# The briefing tests render its PDF with poppler's pdftoppm (Debian's poppler-utils); installed
# the same way as Chromium.
poppler:
	@if ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils; \
	  else \
	    echo "pdftoppm is missing: sudo apt-get install -y poppler-utils (briefing tests need it)" >&2; \
	  fi; \
	fi

# ruff, formatting, mypy, then the layer check (which layer may import which: README,
# "Architecture") and the duplicate check (no run of six identical lines in bot/handlers).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy bot storage tools
	$(PY) tools/check_layers.py
	$(PY) tools/check_duplicates.py

run: $(STAMP)
	$(PY) -m bot run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
