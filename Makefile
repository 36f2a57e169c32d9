# One command each: every target creates .venv and installs the project when needed.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
NEWSQA := $(VENV)/bin/newsqa
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test test-all eval bench lint browser clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q -e '.[dev]'
	@# Export the bundled embedder to ONNX now (once, ~10 s) rather than in the first question.
	$(PY) -c "from index import make_embedder; make_embedder()" || \
	  echo "warning: the ONNX export failed; set NEWSQA_EMBED_RUNTIME=torch (same vectors)"
	@touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's chromium; install it when we may (root), else they skip saying why.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	$(NEWSQA) ui --ingest-samples

test: install browser
	$(PY) -m pytest -q

# Everything, including the slow tests (RealTime QA subsets, big-corpus checks).
test-all: install browser
	NEWSQA_SLOW=1 $(PY) -m pytest -q

eval: install
	$(NEWSQA) eval --out eval-out

bench: install
	$(NEWSQA) bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
