#!/usr/bin/env bash
# Builds the editor for release into dist/ and checks the result: no inline script or
# style (the page must run under a strict Content Security Policy), and the size of what a
# browser downloads. Needs the tools from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-opt 132 from npm must come first: Debian's older wasm-opt silently breaks the app.
export PATH="$PWD/tests/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

trunk build --release --offline "$@"
# Trunk's minifier cannot read wasm-bindgen's glue: esbuild minifies it and the views'
# stylesheet, and the integrity hashes in index.html are written again
# (scripts/minify-assets.mjs says why).
node scripts/minify-assets.mjs dist
node scripts/check-dist.mjs dist
