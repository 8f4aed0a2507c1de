# Mutation testing (issue 12 item 18): cargo-mutants on the core's rule modules, as configured in
# .cargo/mutants.toml. Slow (one build and test run per mutant), so not part of `make test`;
# docs/mutation-testing.md says when to run it and has the last run's numbers.
#
#   make mutants                                   every configured module, one mutant at a time
#   make mutants MUTANTS_FILES='identifiers/cvr\.rs'    one file
#   make mutants MUTANTS_FILES='agreement/|credentials/reset/'
#   make mutants-list                              the mutants, without running them
#   make mutants-summary                           the last run's table per module group
#
# MUTANTS_FILES is a regular expression for paths under crates/unilogin/src/ (cargo-mutants'
# `--re`: its `--file` would add to the configured files instead of narrowing them).
#
# Two passes: every mutant against the unit tests alone (MUTANTS_FAST_TESTS; a mutant then
# builds in seconds, without the integration-test binaries), then `--iterate`: the mutants the
# unit tests missed (or that timed out) against every test (MUTANTS_TESTS). A mutant caught by the
# first pass is caught by the whole suite, so the two passes give the whole suite's result.
# `MUTANTS_FAST_TESTS=` skips the first pass. Results: $(MUTANTS_OUT)mutants.out/ (the second
# pass) and $(MUTANTS_OUT)mutants.out.old/ (the first).

MUTANTS_FILES ?=
MUTANTS_JOBS ?= 1
MUTANTS_ARGS ?=
# Where mutants.out/ is written (cargo-mutants' --output), ending in a slash; default: here.
MUTANTS_OUT ?=
# The mutants' own build directory. Never the one of ordinary builds: cargo names the artifacts
# of cargo-mutants' copy of the tree as those of the tree itself, so a `cargo test` run meanwhile
# would put the unmutated code in place of a mutant. One run at a time.
MUTANTS_TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/mutants
MUTANTS_FAST_TESTS ?= --lib
MUTANTS_TESTS ?= --lib --tests
# Passed to every cargo command, so the build of each mutant is limited to these targets too.
mutants_tests = $(foreach a,$(1),--cargo-arg=$(a))
mutants = CARGO_TARGET_DIR=$(MUTANTS_TARGET_DIR) $(CARGO) mutants
MUTANTS_FLAGS = --package unilogin --jobs $(MUTANTS_JOBS) --no-shuffle \
	$(if $(MUTANTS_OUT),--output $(MUTANTS_OUT)) \
	$(if $(MUTANTS_FILES),--re '^crates/unilogin/src/($(MUTANTS_FILES))') $(MUTANTS_ARGS)

# Both passes' outcomes, the second's overriding the first's.
mutants_summary = python3 tools/mutants_summary.py $(MUTANTS_OUT)mutants.out.old/outcomes.json \
	$(MUTANTS_OUT)mutants.out/outcomes.json

.PHONY: mutants mutants-list mutants-tools mutants-summary

mutants-tools:
	@$(CARGO) mutants --version >/dev/null 2>&1 || $(CARGO) install --locked cargo-mutants

# cargo-mutants exits with 2 when a mutant was missed and 3 when one timed out.
mutants: mutants-tools
	$(if $(MUTANTS_FAST_TESTS),$(mutants) $(MUTANTS_FLAGS) \
		$(call mutants_tests,$(MUTANTS_FAST_TESTS)); rc=$$?; \
		[ $$rc -eq 0 ] || [ $$rc -eq 2 ] || [ $$rc -eq 3 ] || exit $$rc)
	$(mutants) $(MUTANTS_FLAGS) $(if $(MUTANTS_FAST_TESTS),--iterate) \
		$(call mutants_tests,$(MUTANTS_TESTS)); rc=$$?; $(mutants_summary); exit $$rc

mutants-list: mutants-tools
	$(CARGO) mutants --list $(MUTANTS_FLAGS)

mutants-summary:
	@$(mutants_summary)
