#!/usr/bin/env bash
# Builds the npm package `unilogin` into bindings/wasm/pkg/:
#   pkg/web/   ES modules for browsers and bundlers (wasm-bindgen --target web): unilogin.js, the
#              form module (the package's main entry), and unilogin_account.js, the account
#              module (`unilogin/account`)
#   pkg/node/  the same two as CommonJS modules for Node.js (wasm-bindgen --target nodejs)
#   pkg/checker/  the export checker module with the checker page
#   pkg/package.json, pkg/README.md
#
# Installs what is missing, from the package registries only:
#   - the wasm32 target: `rustup target add wasm32-unknown-unknown` (the standard path, tried
#     once with a short timeout); where rustup cannot download it, Debian's rustc-web, cargo-web
#     and rust-web-src build std for wasm32 from source;
#   - wasm-bindgen-cli at exactly the version Cargo.toml pins (cargo install);
#   - node packages (npm ci): binaryen's wasm-opt, typescript, playwright-core.
# Size-minded: opt-level "z", fat LTO, one codegen unit, panic=abort (set through
# CARGO_PROFILE_RELEASE_* here, so the workspace's release profile is unchanged), std rebuilt
# with panics that abort at once (rustup's rust-src component or Debian's rust-web-src), then
# wasm-opt.
# A second run rebuilds nothing that is up to date.
#
# Options: --with-chromium also installs Debian's chromium for the browser test when
# /usr/bin/chromium (or $CHROMIUM) is missing.
# Environment: UNILOGIN_WASM_TOOLCHAIN=rustup|debian forces a path; WASM_OPT=0 skips wasm-opt.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PKG="$HERE/pkg"
CRATE=unilogin-wasm
ARTIFACT=unilogin_wasm.wasm
# The account module (bindings/wasm-account): passwords, resets, expiry, provisioning, login
# help and onboarding, `unilogin/account`, packaged beside the form module in web/ and node/.
ACCOUNT_CRATE=unilogin-wasm-account
ACCOUNT_ARTIFACT=unilogin_account.wasm
# The export checker: a module of its own (bindings/wasm-checker), loaded only by the checker
# page, packaged with the page into pkg/checker/.
CHECKER_CRATE=unilogin-wasm-checker
CHECKER_ARTIFACT=unilogin_checker.wasm
CHECKER_PAGE="$HERE/examples/checker"
TARGET=wasm32-unknown-unknown

log() { printf '[wasm build] %s\n' "$*" >&2; }

SUDO=()
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=(sudo); fi

apt_install() {
  log "apt-get install $*"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null ||
    { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}

# The wasm-bindgen version pinned in the workspace Cargo.toml (`version = "=X.Y.Z"`).
WB_VERSION="$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"
[ -n "$WB_VERSION" ] || { log "no exact wasm-bindgen pin in Cargo.toml"; exit 1; }

# ---- node packages -----------------------------------------------------------------------------
ensure_node_packages() {
  local stamp="$HERE/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$HERE/package-lock.json" -nt "$stamp" ]; then
    log "npm ci"
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# ---- chromium for the browser test (playwright-core drives it; no browser download) -----------
ensure_chromium() {
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    apt_install chromium
  fi
}

# ---- wasm-bindgen-cli --------------------------------------------------------------------------
ensure_wasm_bindgen() {
  local bin
  for bin in "$(command -v wasm-bindgen || true)" "$HOME/.cargo/bin/wasm-bindgen"; do
    if [ -n "$bin" ] && [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; then
      WASM_BINDGEN="$bin"
      return
    fi
  done
  log "cargo install wasm-bindgen-cli --version $WB_VERSION (about 2 minutes, once)"
  # Not --locked: the crate index here lacks one of its locked dependencies.
  cargo install -q wasm-bindgen-cli --version "$WB_VERSION" --force
  WASM_BINDGEN="$HOME/.cargo/bin/wasm-bindgen"
}

# ---- the wasm32 toolchain ----------------------------------------------------------------------
# rustup: the standard path. debian: Debian's Rust with its std source, std built for wasm32.
choose_toolchain() {
  local marker="$ROOT/target/wasm-rustup-unavailable"
  if [ -n "${UNILOGIN_WASM_TOOLCHAIN:-}" ]; then
    TOOLCHAIN="$UNILOGIN_WASM_TOOLCHAIN"
  elif command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    TOOLCHAIN=rustup
  elif [ ! -e "$marker" ] && command -v rustup >/dev/null &&
    { log "rustup target add $TARGET (20 s at most)"; timeout 20 rustup target add "$TARGET" >/dev/null 2>&1; }; then
    TOOLCHAIN=rustup
  else
    [ -e "$marker" ] || { mkdir -p "$ROOT/target" && touch "$marker"; log "rustup cannot add $TARGET here; using Debian's rustc-web"; }
    TOOLCHAIN=debian
  fi
}

# rustup's std source (the rust-src component), added once with a short timeout, lets the
# rustup path rebuild std for size as the Debian path does.
has_rust_src() {
  rustup component list --installed 2>/dev/null | grep -q '^rust-src' && return 0
  log "rustup component add rust-src (60 s at most)"
  timeout 60 rustup component add rust-src >/dev/null 2>&1
}

# The checker module reads whole exports: its hot loop needs the small functions inlined that
# opt-level "z" leaves as calls (about 1.4 times the speed for 3% more bytes; higher thresholds
# are faster still, but 100 and up take the module over its 150 KB budget by Node's gzip). An explicit LLVM
# inline threshold applies to size-optimised functions too; it is set for the checker's own
# build only, so the form and account modules keep "z" as it is.
CHECKER_INLINE_THRESHOLD=80

# cargo build for wasm32 with the chosen toolchain: $1 the target directory, $2 extra
# RUSTFLAGS, then the packages.
cargo_wasm() {
  local dir="$1" extra="$2" packages=() p
  shift 2
  for p in "$@"; do packages+=(-p "$p"); done
  case "$TOOLCHAIN" in
    rustup)
      if [ "$HAS_RUST_SRC" = 1 ]; then
        # As on the Debian path: std rebuilt for size, panics that abort at once.
        (cd "$ROOT" && CARGO_TARGET_DIR="$dir" RUSTC_BOOTSTRAP=1 \
          RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $extra" \
          cargo build -q --locked --release --target "$TARGET" "${packages[@]}" -Z build-std=std,panic_abort)
      else
        (cd "$ROOT" && CARGO_TARGET_DIR="$dir" RUSTFLAGS="$extra" \
          cargo build -q --locked --release --target "$TARGET" "${packages[@]}")
      fi
      ;;
    debian)
      # std is rebuilt with panics that abort at once: no panic messages or formatting in the
      # module (the bindings never panic).
      (cd "$ROOT" && CARGO_TARGET_DIR="$dir" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$LLD" \
        RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $extra" \
        /usr/bin/cargo build -q --locked --release --target "$TARGET" "${packages[@]}" \
        -Z build-std=std,panic_abort)
      ;;
  esac
}

build_wasm() {
  # Size-minded settings for this build only (the workspace's release profile stays as it is).
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
  export CARGO_PROFILE_RELEASE_LTO=fat
  export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
  export CARGO_PROFILE_RELEASE_PANIC=abort
  export CARGO_PROFILE_RELEASE_DEBUG=false
  export CARGO_PROFILE_RELEASE_INCREMENTAL=false
  local dir
  case "$TOOLCHAIN" in
    rustup)
      dir="$ROOT/target/wasm-rustup"
      HAS_RUST_SRC=0
      if has_rust_src; then
        HAS_RUST_SRC=1
      else
        log "rustup has no rust-src here: std is not rebuilt for size (larger modules)"
      fi
      ;;
    debian)
      if [ ! -x /usr/bin/rustc ] || [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
        apt_install rustc-web cargo-web rust-web-src
      fi
      # Debian's rustc has no wasm linker; rustup's rust-lld (any installed toolchain) links.
      LLD=""
      if command -v rustc >/dev/null; then
        LLD="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
      fi
      if [ ! -x "$LLD" ]; then
        LLD="$(ls "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld 2>/dev/null | head -n 1)"
      fi
      [ -x "$LLD" ] || { log "no rust-lld found (install a Rust toolchain with rustup)"; exit 1; }
      dir="$ROOT/target/wasm-debian"
      ;;
    *)
      log "unknown toolchain $TOOLCHAIN"
      exit 1
      ;;
  esac
  cargo_wasm "$dir" "" "$CRATE" "$ACCOUNT_CRATE"
  cargo_wasm "$dir-checker" "-Cllvm-args=-inline-threshold=$CHECKER_INLINE_THRESHOLD" "$CHECKER_CRATE"
  WASM="$dir/$TARGET/release/$ARTIFACT"
  ACCOUNT_WASM="$dir/$TARGET/release/$ACCOUNT_ARTIFACT"
  CHECKER_WASM="$dir-checker/$TARGET/release/$CHECKER_ARTIFACT"
}

# ---- bindings, wasm-opt, package ---------------------------------------------------------------
WASM_FEATURES=(--strip-debug --strip-producers
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
WASM_OPT_FLAGS=(-Oz "${WASM_FEATURES[@]}")
# The checker module: wasm-opt's speed passes (7% faster on a register export, 0.2 KB more).
CHECKER_WASM_OPT_FLAGS=(-O3 "${WASM_FEATURES[@]}")

package() {
  local target dir module
  for target in web nodejs; do
    dir="$PKG/${target%js}"
    rm -rf "$dir.tmp"
    for module in "unilogin:$WASM" "unilogin_account:$ACCOUNT_WASM"; do
      "$WASM_BINDGEN" --target "$target" --out-dir "$dir.tmp" --out-name "${module%%:*}" "${module#*:}"
      if [ "${WASM_OPT:-1}" != 0 ]; then
        "$HERE/node_modules/.bin/wasm-opt" "${WASM_OPT_FLAGS[@]}" \
          "$dir.tmp/${module%%:*}_bg.wasm" -o "$dir.tmp/${module%%:*}_bg.wasm"
      fi
    done
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  done
  # The Node build is CommonJS inside a package of ES modules.
  printf '{\n  "type": "commonjs"\n}\n' >"$PKG/node/package.json"
  cp "$HERE/npm/package.json" "$HERE/npm/README.md" "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$PKG/"
  echo "$WASM $ACCOUNT_WASM" >"$PKG/.stamp"
}

# pkg/checker/: the checker module (browser build) and the checker page beside it, so the
# folder works from any static host as it is.
package_checker() {
  local dir="$PKG/checker" stamp="$PKG/.checker-stamp" file
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$CHECKER_WASM" ] && [ "$stamp" -nt "$CHECKER_WASM" ] &&
    [ "$stamp" -nt "$0" ] && [ -z "$(find "$CHECKER_PAGE" -newer "$stamp" -print -quit)" ]; then
    return
  fi
  rm -rf "$dir.tmp"
  "$WASM_BINDGEN" --target web --out-dir "$dir.tmp" --out-name unilogin_checker "$CHECKER_WASM"
  if [ "${WASM_OPT:-1}" != 0 ]; then
    "$HERE/node_modules/.bin/wasm-opt" "${CHECKER_WASM_OPT_FLAGS[@]}" \
      "$dir.tmp/unilogin_checker_bg.wasm" -o "$dir.tmp/unilogin_checker_bg.wasm"
  fi
  for file in index.html app.js worker.js report.js style.css; do
    cp "$CHECKER_PAGE/$file" "$dir.tmp/"
  done
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  echo "$CHECKER_WASM" >"$stamp"
}

main() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --with-chromium) ensure_chromium ;;
      *) log "unknown option $arg"; exit 2 ;;
    esac
  done
  ensure_node_packages
  ensure_wasm_bindgen
  choose_toolchain
  log "building $CRATE for $TARGET ($TOOLCHAIN toolchain)"
  build_wasm
  # pkg/.stamp names the module it was made from: a switch of toolchain repackages too.
  if [ -f "$PKG/.stamp" ] && [ "$(cat "$PKG/.stamp")" = "$WASM $ACCOUNT_WASM" ] && [ "$PKG/.stamp" -nt "$WASM" ] &&
    [ "$PKG/.stamp" -nt "$ACCOUNT_WASM" ] && [ "$PKG/.stamp" -nt "$0" ] &&
    [ "$PKG/.stamp" -nt "$HERE/npm/package.json" ] && [ "$PKG/.stamp" -nt "$HERE/npm/README.md" ]; then
    log "pkg/ is up to date"
  else
    package
  fi
  package_checker
  log "$(wc -c <"$PKG/web/unilogin_bg.wasm") bytes, $(gzip -9c "$PKG/web/unilogin_bg.wasm" | wc -c) gzipped: $PKG/web/unilogin_bg.wasm"
  log "$(wc -c <"$PKG/web/unilogin_account_bg.wasm") bytes, $(gzip -9c "$PKG/web/unilogin_account_bg.wasm" | wc -c) gzipped: $PKG/web/unilogin_account_bg.wasm"
  log "$(wc -c <"$PKG/checker/unilogin_checker_bg.wasm") bytes, $(gzip -9c "$PKG/checker/unilogin_checker_bg.wasm" | wc -c) gzipped: $PKG/checker/unilogin_checker_bg.wasm"
}

main "$@"
