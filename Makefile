# The README's two commands: `make grade` and `make test`. Both set up everything on a fresh
# machine with Python 3.11+ and make (a virtual environment in .venv; bubblewrap when root).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
# Bank validation grades ~950 notebooks: `auto` picks the bulk order (kernels forked from a warm
# template when root, else docker-fork, docker, bwrap); every backend has its own tests in the suite.
VALIDATE_SANDBOX ?= auto
# Every `make test` re-runs the mutation of this many problems (with rules), picked at random, against
# the target (issue 16): a problem's recorded result is trusted only while it can fail for real.
# `make mutate` re-runs all of them and rewrites every problem's mutation.json.
MUTATE_SAMPLE ?= 3
NOTEBOOKS := $(wildcard work/*.ipynb)
# The demo submissions never touch the learner's record: they are graded into a throwaway database.
DEMO :=
ifeq ($(NOTEBOOKS),)
NOTEBOOKS := $(wildcard examples/*.ipynb)
DEMO := 1
endif

.PHONY: grade test test-fast lint validate mutate bench sandbox-deps docker clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "grader needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[docker,dask,dev]'
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

# Docker: install the engine (root on Debian), start dockerd, build the sandbox image offline.
# Best effort: where Docker cannot run, the docker tests are skipped with the printed reason.
docker: $(STAMP)
	@if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing docker.io and debootstrap"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap) >/dev/null || true; \
	  fi; fi
	@if command -v dockerd >/dev/null 2>&1 && ! docker info >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "starting dockerd"; (dockerd >/var/log/dockerd.log 2>&1 &); \
	  for i in $$(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done; fi
	@if docker info >/dev/null 2>&1; then $(BIN)/grader sandbox build; \
	else echo "note: no Docker daemon can run here; docker tests will be skipped (see 'grader sandbox status')"; fi

## grade the notebooks in work/ into the learner's database (on a fresh clone: the demos in examples/, into a
## throwaway database that is removed afterwards)
grade: $(STAMP) sandbox-deps
ifeq ($(DEMO),1)
	@tmp=$$(mktemp -d) || exit 3; echo "no notebooks in work/: grading the demo submissions in examples/ into a throwaway database ($$tmp/demo.db, removed afterwards); your own record is not touched"; \
	$(BIN)/grader submit --db "$$tmp/demo.db" $(NOTEBOOKS); rc=$$?; rm -rf "$$tmp"; [ $$rc -le 1 ] || exit $$rc
else
	@$(BIN)/grader submit $(NOTEBOOKS); rc=$$?; [ $$rc -le 1 ] || exit $$rc
endif

## ruff and mypy (configured in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check grader tests
	$(BIN)/mypy

## lint, then every problem through the real pipeline (rules, records, a sample re-mutated), then the test suite
test: lint sandbox-deps docker
	$(BIN)/grader validate --all --jobs $(JOBS) --sandbox $(VALIDATE_SANDBOX) --sample $(MUTATE_SAMPLE)
	$(BIN)/grader quiz validate
	$(BIN)/python -m pytest

## unit tests only (no real sandbox)
test-fast: lint
	$(BIN)/python -m pytest -m "not slow and not docker"

validate: $(STAMP) sandbox-deps
	$(BIN)/grader validate --all --jobs $(JOBS) --sandbox $(VALIDATE_SANDBOX)

## generated mutants of every solution through the real sandbox; rewrites each problem's mutation.json
mutate: $(STAMP) sandbox-deps
	$(BIN)/grader validate --all --mutate --jobs $(JOBS) --sandbox $(VALIDATE_SANDBOX)

## performance figures (see README): one submission, a class, memory; then Dask workers; then the similarity report
bench: $(STAMP) sandbox-deps docker
	$(BIN)/python -m grader.bench
	$(BIN)/python -m grader.bench_cluster --sandbox auto
	$(BIN)/python -m grader.bench_similarity

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
