# One entry point for people and CI. `make test` runs every test on a fresh machine.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: test fmt-check lint rust-test demo bench doc bless

# Each binding or tool adds its own targets in mk/<name>.mk and appends its test target to
# EXTRA_TESTS (e.g. `EXTRA_TESTS += python-test`), so `make test` runs every test.
EXTRA_TESTS :=
-include $(filter-out mk/dist.mk,$(wildcard mk/*.mk))
# The release artifacts last: they are built from the bindings' variables and targets.
-include mk/dist.mk

test: fmt-check lint rust-test $(EXTRA_TESTS)

fmt-check:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Unit, integration, property and vector tests, doctests (README included), and every
# benchmark once in test mode so the benches keep compiling and running.
rust-test:
	$(CARGO) test --workspace --all-targets --locked
	# The Python binding's docs are Python docstrings (their examples run in pytest).
	$(CARGO) test --workspace --doc --locked --exclude unilogin-python

# The main job: validate the example register export (exit code 1: it has problems on purpose).
demo:
	$(CARGO) run --locked -q -p unilogin-cli -- validate --kind register examples/register.csv

bench:
	$(CARGO) bench -p unilogin-benches

doc:
	$(CARGO) doc --workspace --no-deps

# Rewrite the generated table in docs/errors.md after changing a message template.
bless:
	UNILOGIN_BLESS=1 $(CARGO) test -p unilogin --test catalogue
