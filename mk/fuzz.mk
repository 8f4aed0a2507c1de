# Fuzzing (issue 7 item 4): cargo-fuzz targets in fuzz/ for every public parser of the core,
# the record validators, the agreement, reset and onboarding replays, and the export reader.
#
#   make fuzz                 each target for FUZZ_SECONDS (default 60) seconds
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=export
#   make fuzz-smoke           each target for FUZZ_SMOKE_SECONDS (part of `make test`)
#
# Needs a nightly toolchain and cargo-fuzz; both are installed when missing. A crash leaves its
# input in fuzz/artifacts/<target>/; reproduce it with
# `cargo +nightly fuzz run -s none <target> fuzz/artifacts/<target>/<file>` and turn it into a
# regression test in crates/unilogin/tests/fuzz_regressions.rs.

FUZZ_TARGETS ?= values records export agreement_ledger reset_store onboarding_progress passwords
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 6
FUZZ_TOOLCHAIN ?= nightly
# Safe Rust only (the core forbids unsafe code): no sanitizer, so builds and runs are faster.
# Debug assertions and overflow checks stay on.
FUZZ_FLAGS ?= -s none
CARGO_FUZZ = $(CARGO) +$(FUZZ_TOOLCHAIN) fuzz

# Seeds per target, read but never written (the corpus grows in fuzz/corpus/<target>).
FUZZ_SEEDS_values := fuzz/seeds/values
FUZZ_SEEDS_records := fuzz/seeds/records
FUZZ_SEEDS_export := fuzz/seeds/export examples
FUZZ_SEEDS_agreement_ledger := tests/vectors/agreements
FUZZ_SEEDS_reset_store := tests/vectors/reset
FUZZ_SEEDS_onboarding_progress := tests/vectors/onboarding
FUZZ_SEEDS_passwords := fuzz/seeds/passwords

EXTRA_TESTS += fuzz-smoke

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-tools

fuzz-tools:
	@rustup run $(FUZZ_TOOLCHAIN) rustc --version >/dev/null 2>&1 || \
		rustup toolchain install $(FUZZ_TOOLCHAIN) --profile minimal
	@$(CARGO) fuzz --version >/dev/null 2>&1 || $(CARGO) install cargo-fuzz

# Every target is built once; each run then reuses the build.
fuzz-build: fuzz-tools
	$(CARGO_FUZZ) build $(FUZZ_FLAGS)

# $(1): seconds per target. Stops at the first target that finds a crash.
define fuzz_run
	@set -o pipefail; for target in $(FUZZ_TARGETS); do \
		echo "fuzz: $$target for $(1) s"; \
		mkdir -p fuzz/corpus/$$target; \
		$(CARGO_FUZZ) run $(FUZZ_FLAGS) $$target fuzz/corpus/$$target \
			$(foreach t,$(FUZZ_TARGETS),$$(test $$target = $(t) && echo $(FUZZ_SEEDS_$(t)))) \
			-- -max_total_time=$(1) -rss_limit_mb=2048 2>&1 \
			| { grep -E '^(Done|thread|SUMMARY)|panicked|[Cc]rash|artifact' || true; } \
			|| exit 1; \
	done
endef

fuzz: fuzz-build
	$(call fuzz_run,$(FUZZ_SECONDS))

fuzz-smoke: fuzz-build
	$(call fuzz_run,$(FUZZ_SMOKE_SECONDS))
