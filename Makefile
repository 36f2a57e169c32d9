# One command each: every target creates .venv and installs the project when needed.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
NEWSQA := $(VENV)/bin/newsqa
STAMP := $(VENV)/.installed-stamp
# The UI's port for `make run` (`make run PORT=7870` when 7860 is taken).
PORT ?= 7860

# llama.cpp for the `local` backend and the tests' model server (`make local-llm`), compiled once
# per machine into our own wheelhouse and installed from there. Not -march=native: a native build
# only works on CPUs like the build machine's (on a Xeon with AMX, ggml's AMX kernels segfault on
# any multi-token prompt), and pip's cache keys a built wheel by the sdist's URL, not CMAKE_ARGS,
# so a native wheel cached once would be reused silently. The wheel's directory is named by version
# and flags, and only the recipe below writes it. Without GGML_NATIVE, ggml targets x86-64 with
# AVX2/FMA/F16C (any x86-64 CPU since 2013); LLAVA_BUILD=OFF skips the vision library (unused).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF
LLAMA_VERSION := $(shell sed -n 's/.*"llama-cpp-python\[server\]==\([0-9.]*\)".*/\1/p' pyproject.toml)
WHEELHOUSE ?= $(HOME)/.cache/newsqa/wheels
LLAMA_WHEELS := $(WHEELHOUSE)/llama-cpp-python-$(LLAMA_VERSION)-$(shell printf '%s' '$(LLAMA_CMAKE_ARGS)' | sha256sum | cut -c1-12)
LLAMA_STAMP := $(VENV)/.local-llm-stamp
# While a build runs: its shell's pid (the local backend reads it to say "being built") and log.
LLAMA_BUILDING := $(VENV)/local-llm.building
LLAMA_LOG := $(VENV)/local-llm.log
LOCAL_REQS = $(PY) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["local"])'

.PHONY: install local-llm local-llm-background run test test-all eval bench train reproduce-reader lint browser clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q -e '.[dev]'
	@# Export the bundled embedder to ONNX now (once, ~10 s) rather than in the first question.
	$(PY) -c "from index import make_embedder; make_embedder()" || \
	  echo "warning: the ONNX export failed; set NEWSQA_EMBED_RUNTIME=torch (same vectors)"
	@touch $(STAMP)

install: $(STAMP)

# ~5 minutes on 2 idle cores the first time (the compile: ~400 CPU-seconds); seconds after
# that (a cached wheel).
# flock: `make run`'s background build and a `make test` never build into one venv at once.
$(LLAMA_STAMP): $(STAMP)
	@set -e; exec 9>$(VENV)/.local-llm.lock; flock 9; echo $$$$ > $(LLAMA_BUILDING); \
	trap 'rm -f $(LLAMA_BUILDING)' EXIT; \
	if [ ! -f $(LLAMA_WHEELS)/.complete ]; then \
	  command -v c++ >/dev/null || { echo "error: compiling llama.cpp needs a C++ compiler:" \
	    "apt-get install g++ (Debian/Ubuntu), then run make again" >&2; exit 1; }; \
	  echo "Compiling llama.cpp (llama-cpp-python $(LLAMA_VERSION), $(LLAMA_CMAKE_ARGS)) into $(LLAMA_WHEELS): ~5 min on 2 idle cores, once per machine"; \
	  rm -rf $(LLAMA_WHEELS).part; \
	  CMAKE_ARGS='$(LLAMA_CMAKE_ARGS)' $(PY) -m pip wheel -q --no-deps --no-cache-dir \
	    --no-binary llama-cpp-python -w $(LLAMA_WHEELS).part 'llama-cpp-python==$(LLAMA_VERSION)'; \
	  touch $(LLAMA_WHEELS).part/.complete; rm -rf $(LLAMA_WHEELS); \
	  mv $(LLAMA_WHEELS).part $(LLAMA_WHEELS); \
	fi; \
	echo "Installing llama-cpp-python $(LLAMA_VERSION) from $(LLAMA_WHEELS)"; \
	$(PY) -m pip install -q --no-deps --force-reinstall --no-index --find-links $(LLAMA_WHEELS) \
	  'llama-cpp-python==$(LLAMA_VERSION)'; \
	$(PY) -m pip install -q --only-binary llama-cpp-python --find-links $(LLAMA_WHEELS) \
	  $$($(LOCAL_REQS)); \
	$(PY) -c 'from assistant.backends.llama_check import check_or_exit; check_or_exit()'
	@touch $@

local-llm: $(LLAMA_STAMP)

# `make run` needs no compiler: when llama.cpp is not built yet, it builds in the background
# (niced, logged) while the UI is up; until it is done the local backend says so.
local-llm-background: install
	@$(MAKE) -s -q $(LLAMA_STAMP) 2>/dev/null || \
	  { [ -f $(LLAMA_BUILDING) ] && kill -0 "$$(cat $(LLAMA_BUILDING))" 2>/dev/null; } || \
	  { echo "Building llama.cpp for the local backend in the background (~5 min on 2 idle cores the first time, seconds from a wheel built before; log: $(LLAMA_LOG)). The other backends work meanwhile."; \
	    nohup nice -n 10 $(MAKE) --no-print-directory local-llm > $(LLAMA_LOG) 2>&1 & }

# Browser tests drive Debian's chromium; install it when we may (root), else they skip saying why.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install local-llm-background
	$(NEWSQA) ui --ingest-samples --port $(PORT)

test: install local-llm browser
	$(PY) -m pytest -q

# Everything, including the slow tests (RealTime QA subsets, big-corpus checks).
test-all: install local-llm browser
	NEWSQA_SLOW=1 $(PY) -m pytest -q

# Reproduce the shipped reader model (assistant/models/) from ../shared/benchmarks/realtimeqa-train:
# ~58 minutes from nothing on 2 AVX-512 cores (bfloat16 forward passes), ~71 on CPUs without
# native bfloat16; resumable (train/out/). CI does not train; it tests the shipped model.
train: install
	$(NEWSQA) train

# The shipped reader is its predecessor (git c2c2b41) plus the phrase stage: this retrains that
# stage on the predecessor's dequantized weights and says whether the file is the shipped one,
# byte for byte (it is on a CPU with native bfloat16; train/shipped.py). Writes train/out/shipped/.
reproduce-reader: install
	$(PY) -m train.shipped

eval: install
	$(NEWSQA) eval --out eval-out

bench: install local-llm
	$(NEWSQA) bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
