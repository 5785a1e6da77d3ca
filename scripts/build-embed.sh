#!/usr/bin/env bash
# Builds the embed (dist/embed/: the ES module cinplan-embed.js, its helper modules, the
# WebAssembly file and the TypeScript declarations, a folder a host serves as it is) and
# the browser extension made from it (dist/extension/, load it unpacked).
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen (the version in Cargo.lock) and
# wasm-opt 132 from tests/node_modules (scripts/setup.sh installs all three).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's wasm-opt 108 silently breaks the output: use binaryen 132 from npm.
export PATH="$PWD/tests/node_modules/.bin:$PATH"
if ! wasm-opt --version | grep -q "version 132"; then
  echo "build-embed: wasm-opt 132 is missing (run scripts/setup.sh)" >&2
  exit 1
fi

say() { printf '\033[1m[build-embed]\033[0m %s\n' "$*"; }

CRATE=crates/cinplan-wasm
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
WASM="$TARGET_DIR/wasm32-unknown-unknown/release/cinplan_wasm.wasm"
OUT=dist/embed
EXTENSION=dist/extension
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

say "compiling cinplan-wasm for wasm32 (release: opt-level z, lto; regex's lazy DFA, its default feature)"
cargo build -p cinplan-wasm --target wasm32-unknown-unknown --release --locked

say "generating the JavaScript bindings"
wasm-bindgen --target web --out-dir "$WORK" --out-name cinplan_wasm "$WASM"

# -Os --converge compresses better than -Oz (measured: 1.9 KiB less gzip, docs/performance.md)
# at the cost of twice wasm-opt's time; the editor gains nothing from it, so Trunk keeps -Oz.
say "shrinking the WebAssembly with wasm-opt -Os --converge"
wasm-opt -Os --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WORK/cinplan_wasm_bg.wasm" -o "$WORK/cinplan_wasm_bg.opt.wasm"

rm -rf "$OUT"
mkdir -p "$OUT"
cp "$WORK/cinplan_wasm.js" "$WORK/cinplan_wasm.d.ts" "$OUT/"
cp "$WORK/cinplan_wasm_bg.opt.wasm" "$OUT/cinplan_wasm_bg.wasm"
cp "$CRATE"/js/*.d.ts "$OUT/"

# cinplan_wasm.js stays a file of its own: the plain API for code that wants only it (the
# extension's options page, the benchmarks). A host page loads the bundle, not this.
say "minifying the plain API's glue with esbuild (a source map beside it)"
node scripts/minify-assets.mjs --maps "$OUT"

say "bundling the embed's modules into one (esbuild, with a source map)"
cp "$CRATE"/js/*.js "$WORK/"
node scripts/minify-assets.mjs --bundle "$WORK/cinplan-embed.js" "$OUT/cinplan-embed.js"

say "building the extension"
rm -rf "$EXTENSION"
mkdir -p "$EXTENSION"
cp "$OUT"/*.js "$OUT"/*.js.map "$OUT"/*.wasm "$EXTENSION/"
cp -r "$CRATE"/extension/. "$EXTENSION/"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed -i "s/__VERSION__/$VERSION/" "$EXTENSION/manifest.json"

# What a page downloads, each file gzipped as a web server sends it.
raw=$(stat -c %s "$OUT/cinplan_wasm_bg.wasm")
gz=$(gzip -9 -c "$OUT/cinplan_wasm_bg.wasm" | wc -c)
js_raw=$(cat "$OUT"/*.js | wc -c)
js_gz=$(for file in "$OUT"/*.js; do gzip -9 -c "$file" | wc -c; done | awk '{ total += $1 } END { print total }')
say "dist/embed: wasm $((raw / 1024)) KB raw, $((gz / 1024)) KB gzip; JavaScript ($(ls "$OUT"/*.js | wc -l) files) $((js_raw / 1024)) KB raw, $((js_gz / 1024)) KB gzip; total $(((gz + js_gz) / 1024)) KB gzip"
