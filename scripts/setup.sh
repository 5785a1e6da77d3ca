#!/usr/bin/env bash
# Installs everything cinplan needs to build, serve and test, skipping what is already
# present. Safe to run again. Everything comes from the package registries this project
# may reach (crates.io, Debian, npm): no tool downloads its own binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, or Trunk tries to
# download its own copy (which cannot work here).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

# 1. Rust target for the browser builds.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, pinned: 0.22 needs a newer rustc than this machine has.
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen CLI matching Cargo.lock (--locked fails: a locked dependency is not served).
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# 4. Chromium and its driver from Debian, for the browser tests; chromium-l10n so that
#    the browser can run in British English (dates in date inputs read dd/mm/yyyy).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -f /usr/lib/chromium/locales/en-GB.pak ]; then
  say "installing Debian's chromium, chromium-driver and chromium-l10n"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver chromium-l10n >/dev/null
fi

# 5. npm packages: playwright-core (drives Debian's Chromium), axe-core, and wasm-opt 132
#    from binaryen (Debian's wasm-opt 108 silently breaks the app).
if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "installing npm packages for the tests and the build"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
