# Release artifacts (issue 14), built into dist/ as a user would download them:
#
#   make dist        the wheel (abi3, CPython 3.9+, manylinux2014 = glibc 2.17, linked with
#                    maturin's zig linker), the sdist and the npm tarball
#   make dist-test   checks each artifact and installs it into a fresh environment: the wheel
#                    into a new virtual environment (offline, nothing else installed) and the
#                    tarball into a new npm project, then uses it there: from Node, and bundled
#                    by esbuild into a page opened in Chromium (part of `make test`)
#   make man         the command's manual page (dist/man/unilogin.1) and its completions for
#                    bash, zsh, fish and PowerShell (dist/completions/), from its clap definition
#                    (`unilogin man`, `unilogin completions SHELL`, so `cargo install` users have
#                    them too)
.PHONY: dist dist-test python-dist npm-dist python-dist-test npm-dist-test man
EXTRA_TESTS += dist-test

DIST := dist
VERSION := $(shell sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
PY_DIST_STAMP := $(PY_VENV)/.unilogin-dist-deps

$(PY_DIST_STAMP): $(PY_DIR)/requirements-dist.txt $(PY_DEV_STAMP)
	$(PY_BIN)/python -m pip install -q --disable-pip-version-check -r $(PY_DIR)/requirements-dist.txt
	touch $@

dist: python-dist npm-dist man

man:
	mkdir -p $(DIST)/man $(DIST)/completions
	$(CARGO) run --locked -q -p unilogin-cli -- man > $(DIST)/man/unilogin.1
	$(CARGO) run --locked -q -p unilogin-cli -- completions bash > $(DIST)/completions/unilogin.bash
	$(CARGO) run --locked -q -p unilogin-cli -- completions zsh > $(DIST)/completions/_unilogin
	$(CARGO) run --locked -q -p unilogin-cli -- completions fish > $(DIST)/completions/unilogin.fish
	$(CARGO) run --locked -q -p unilogin-cli -- completions powershell > $(DIST)/completions/_unilogin.ps1

python-dist: $(PY_DIST_STAMP)
	mkdir -p $(DIST) && rm -f $(DIST)/unilogin-*.whl $(DIST)/unilogin-*.tar.gz
	PATH=$(abspath $(PY_BIN)):$$PATH $(PY_BIN)/maturin build --release --locked -q --zig \
		--compatibility manylinux2014 -m $(PY_DIR)/Cargo.toml -o $(DIST)
	PATH=$(abspath $(PY_BIN)):$$PATH $(PY_BIN)/maturin sdist -m $(PY_DIR)/Cargo.toml -o $(DIST)

npm-dist: wasm-build
	mkdir -p $(DIST) && rm -f $(DIST)/unilogin-*.tgz
	cd $(WASM_DIR)/pkg && npm pack --silent --pack-destination $(abspath $(DIST)) >/dev/null

dist-test: python-dist-test npm-dist-test

python-dist-test: python-dist
	$(PY_BIN)/python $(PY_DIR)/smoke/check_dist.py $(DIST) $(VERSION)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
		$(PYTHON) -m venv "$$tmp/venv"; \
		"$$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check --no-index \
			$(abspath $(DIST))/unilogin-$(VERSION)-*.whl; \
		cd "$$tmp" && "$$tmp/venv/bin/python" $(abspath $(PY_DIR))/smoke/installed.py \
			$(VERSION) $(abspath .)

# Chromium for the bundled page (installed when missing; the build is up to date by then).
npm-dist-test: npm-dist
	$(WASM_DIR)/build.sh --with-chromium
	node $(WASM_DIR)/smoke/installed.mjs $(DIST)/unilogin-$(VERSION).tgz
