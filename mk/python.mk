# The Python package (bindings/python): built with maturin into a virtual environment, then
# pytest (shared vectors, Hypothesis, doctests of the stubs, README tour), mypy's stubtest
# against the compiled module and mypy --strict. Works on a fresh machine with python3 + pip;
# a second run skips the installs (stamp files) and only rebuilds what changed.
PYTHON ?= python3
PY_VENV := .venv
PY_BIN := $(PY_VENV)/bin
PY_DIR := bindings/python
PY_DEV_STAMP := $(PY_VENV)/.unilogin-dev-deps
PY_BENCH_STAMP := $(PY_VENV)/.unilogin-bench-deps

EXTRA_TESTS += python-test

.PHONY: python-test python-build python-bench

$(PY_BIN)/python:
	$(PYTHON) -m venv $(PY_VENV)

$(PY_DEV_STAMP): $(PY_DIR)/requirements-dev.txt | $(PY_BIN)/python
	$(PY_BIN)/python -m pip install -q --disable-pip-version-check -r $(PY_DIR)/requirements-dev.txt
	touch $@

$(PY_BENCH_STAMP): benches/python/requirements.txt $(PY_DEV_STAMP)
	$(PY_BIN)/python -m pip install -q --disable-pip-version-check -r benches/python/requirements.txt
	touch $@

# An editable install: the extension is built into bindings/python/python/unilogin/.
python-build: $(PY_DEV_STAMP)
	VIRTUAL_ENV=$(abspath $(PY_VENV)) PATH=$(abspath $(PY_BIN)):$$PATH \
		$(PY_BIN)/maturin develop --release --locked -q -m $(PY_DIR)/Cargo.toml

python-test: python-build
	cd $(PY_DIR) && ../../$(PY_BIN)/python -m pytest -q -p no:cacheprovider \
		--doctest-modules --doctest-glob='*.pyi' tests python/unilogin
	cd $(PY_DIR) && ../../$(PY_BIN)/python -m mypy.stubtest unilogin \
		--allowlist stubtest-allowlist.txt
	cd $(PY_DIR) && ../../$(PY_BIN)/python -m mypy --strict --no-incremental \
		python/unilogin tests/typed_usage.py

# The benchmarks of benches/python (not part of `make test`): CVR checks, records and CSV
# against python-stdnum and a pydantic model, on the corpus of the Rust benches; data frames
# and Arrow against the register rules as polars expressions, on 1,000,000 rows.
python-bench: python-build $(PY_BENCH_STAMP)
	$(PY_BIN)/python benches/python/bench.py
	$(PY_BIN)/python benches/python/frames.py
	$(PY_BIN)/python -m pytest -q -p no:cacheprovider benches/python --benchmark-only \
		--benchmark-columns=min,median,rounds
