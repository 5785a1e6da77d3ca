#!/usr/bin/env bash
# Sets up (when missing) and runs every test of cinplan: formatting, lints, the core's unit,
# corpus and property tests, the CLI, the core built for wasm32, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "lints (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "native tests: core, CLI"
cargo test --workspace --locked

step "the core builds for the browser (wasm32-unknown-unknown)"
cargo build -p cinplan-core --target wasm32-unknown-unknown --locked

step "embed: the JavaScript API's logic, UTF-16 positions and TypeScript types (native)"
cargo test -p cinplan-wasm --locked

step "lints (editor, wasm32)"
cargo clippy -p cinplan-web --target wasm32-unknown-unknown --locked -- -D warnings

step "build the editor (release, dist/)"
bash scripts/build-web.sh --locked

step "build the embed (dist/embed) and the extension (dist/extension)"
bash scripts/build-embed.sh

step "browser tests: editor, family views, embed, extension (headless Chromium, strict CSP)"
(cd tests && npm test)

step "download sizes of the release bundles against their budgets (tests/perf/budgets.json)"
node --test tests/perf/size-budget.test.js
