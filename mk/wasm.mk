# WASM binding (bindings/wasm): the npm package `unilogin` built by bindings/wasm/build.sh
# (which installs the wasm32 toolchain, wasm-bindgen-cli, node packages and chromium when
# missing), its Node tests (shared vectors, random arguments, README snippet), the TypeScript
# check, and the example form in headless Chromium.
.PHONY: wasm-build wasm-test wasm-serve wasm-serve-checker wasm-bench wasm-bench-checker
EXTRA_TESTS += wasm-test

WASM_DIR := bindings/wasm

wasm-build:
	$(WASM_DIR)/build.sh

wasm-test:
	$(WASM_DIR)/build.sh --with-chromium
	cd $(WASM_DIR) && node --test tests/*.test.mjs
	cd $(WASM_DIR) && node_modules/.bin/tsc -p tests/types
	cd $(WASM_DIR) && node --test tests/browser/

# The example form on http://127.0.0.1:8080/ (PORT=… to change).
wasm-serve: wasm-build
	node $(WASM_DIR)/examples/form/server.mjs $(or $(PORT),8080)

# The export checker page on http://127.0.0.1:8081/ (PORT=… to change).
wasm-serve-checker: wasm-build
	node $(WASM_DIR)/examples/checker/server.mjs $(or $(PORT),8081)

# The benchmark corpus (gen_corpus, default seed) validated in Node and Chromium.
wasm-bench:
	$(WASM_DIR)/build.sh --with-chromium
	cd $(WASM_DIR) && node bench/corpus.mjs

# The checker page on a 1,000,000-row register export in Chromium, beside the command on one
# thread (bench/checker.mjs).
wasm-bench-checker:
	$(WASM_DIR)/build.sh --with-chromium
	cd $(WASM_DIR) && node bench/checker.mjs
