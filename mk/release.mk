# Releasable crates (issue 14 item 3): the crates as crates.io and docs.rs receive them.
#
#   make doc-check   the core's docs as docs.rs builds them, every rustdoc warning an error
#                    (broken or private intra-doc links fail)
#   make msrv        the core and the command built with the declared minimum Rust version (`rust-version` in
#                    Cargo.toml), installed with rustup when missing
#   make package     `cargo package` of `unilogin` and `unilogin-cli`, verified: each package is
#                    unpacked and built alone under $(CARGO_TARGET_DIR)/package (the command
#                    against the packaged core); crates/unilogin/tests/release.rs checks the file
#                    lists
#
# All three are part of `make test`.

# The one place the MSRV is declared: the workspace's `rust-version`.
MSRV ?= $(shell sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
# A target directory of its own: another compiler's artifacts never mix with the usual ones.
MSRV_TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/msrv
# Uncommitted changes are packaged as they are (the check is of what the package holds and
# builds); a real `cargo publish` runs without this from a clean checkout.
PACKAGE_FLAGS ?= --allow-dirty

EXTRA_TESTS += doc-check msrv package

.PHONY: doc-check msrv msrv-toolchain package

doc-check:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p unilogin --locked

msrv-toolchain:
	@test -n "$(MSRV)" || { echo "no rust-version in Cargo.toml"; exit 1; }
	@rustup run $(MSRV) rustc --version >/dev/null 2>&1 || \
		rustup toolchain install $(MSRV) --profile minimal

msrv: msrv-toolchain
	CARGO_TARGET_DIR=$(MSRV_TARGET_DIR) rustup run $(MSRV) cargo build -p unilogin -p unilogin-cli --locked

# cargo verifies the command against the packaged core through a local registry that it
# unpacks into $CARGO_HOME/registry/src once per version and then reuses: on a machine that
# packaged this version before, the command would be built against that older core. The
# stale unpacked copies go first (no crate of these names comes from crates.io).
package:
	rm -rf $(wildcard $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src/*/unilogin-$(VERSION)) \
		$(wildcard $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src/*/unilogin-cli-$(VERSION))
	$(CARGO) package -p unilogin -p unilogin-cli --locked $(PACKAGE_FLAGS)
