# The README's two commands: `make grade` and `make test`. Both set up everything on a fresh
# machine with Python 3.11+ and make (a virtual environment in .venv; bubblewrap when root).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
NOTEBOOKS := $(wildcard work/*.ipynb)
ifeq ($(NOTEBOOKS),)
NOTEBOOKS := $(wildcard examples/*.ipynb)
endif

.PHONY: grade test test-fast validate bench sandbox-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "grader needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# bubblewrap is the isolating sandbox on a machine without Docker; install it when we can.
sandbox-deps:
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing bubblewrap (the isolating sandbox)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap) >/dev/null; \
	  else \
	    echo "note: bubblewrap is not installed (apt-get install bubblewrap); grading falls back to the NOT ISOLATED process sandbox"; \
	  fi; }

## grade the notebooks in work/ (on a fresh clone: the demo submissions in examples/)
grade: $(STAMP) sandbox-deps
	@$(BIN)/grader submit $(NOTEBOOKS); rc=$$?; [ $$rc -le 1 ] || exit $$rc

## the whole test suite, then every problem through the real pipeline
test: $(STAMP) sandbox-deps
	$(BIN)/grader validate --all --jobs $(JOBS)
	$(BIN)/python -m pytest

## unit tests only (no real sandbox)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not docker"

validate: $(STAMP) sandbox-deps
	$(BIN)/grader validate --all --jobs $(JOBS)

## performance figures (see README)
bench: $(STAMP) sandbox-deps
	$(BIN)/python -m grader.bench

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
