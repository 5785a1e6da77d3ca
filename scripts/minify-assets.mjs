// Minifies the JavaScript and CSS Trunk leaves in a built editor (dist/), then writes again
// the Subresource Integrity hashes that index.html holds for the files it changed.
//
// Why here and not in Trunk: Trunk 0.21's own minifier gives up on wasm-bindgen's glue
// ("Failed to minify JS" in its log: it cannot parse `export { … as default }`), so the
// glue, the largest JavaScript of the first download, shipped with every space and comment
// (9.1 KiB of gzip; minified, 6.8). esbuild parses all of modern JavaScript; it renames
// local names only, never an export or a property, so the names the WebAssembly imports
// by (`imports.wbg.__wbg_…`) and the module's exports stay as they are. The views'
// stylesheet (cinplan-views.css) is copied by Trunk as it is, so it is minified here too.
//
// It also drops the WebAssembly's custom sections (which toolchain built it, its target
// features, a splitting tool's marker): a browser ignores them, and they are 226 bytes of
// gzip in each of the editor's two modules, where the first download must stay under
// 600 KB. wasm-opt has flags for two of them, but running it again re-encodes the module
// larger than Trunk's run left it; cutting the sections out of the bytes changes nothing
// else.
//
// Usage (each prints every file's size before and after):
//   node scripts/minify-assets.mjs dist                  the editor, then its integrity hashes
//   node scripts/minify-assets.mjs --maps dist/embed     a folder of modules a host serves, each
//                                                   with a source map beside it for the
//                                                   host's engineers (browsers fetch a map
//                                                   only when the developer tools open)
//   node scripts/minify-assets.mjs --bundle ENTRY OUT    the module ENTRY and everything it
//                                                   imports as one minified module OUT, with
//                                                   its source map (the embed: see bundle())
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

import { stripCustomSections } from "./wasm-sections.mjs";

// esbuild comes with the tests' npm packages (tests/package.json), as wasm-opt does.
const require = createRequire(new URL("../tests/package.json", import.meta.url));
const esbuild = require("esbuild");

/** The files a page would load: .js and .css under dist/, not the embed's or the extension's. */
export function assetFiles(dist) {
  return fs
    .readdirSync(dist, { recursive: true })
    .filter((name) => /\.(js|css)$/.test(name) && !/^(embed|extension)\//.test(name))
    .map((name) => path.join(dist, name));
}

/** `{ code, map }`: the map is empty unless `withMap`. */
export function minify(source, file, withMap = false) {
  return esbuild.transformSync(source, {
    loader: file.endsWith(".css") ? "css" : "js",
    minify: true,
    // Keep the module's syntax as written (top-level await in loader.js, classes, …):
    // the editor already needs a browser with WebAssembly reference types.
    target: "esnext",
    legalComments: "none",
    sourcefile: path.basename(file),
    sourcemap: withMap ? "external" : false,
    sourcesContent: true,
  });
}

/**
 * Writes `entry` and every module it imports as one minified ES module `outfile`, with a
 * source map of the original files beside it. The embed is eleven modules: served apart, a
 * browser learns of the WebAssembly only once it has fetched them all, a round of requests
 * later (about 50 ms on a busy page, measured in docs/performance.md); one file compresses
 * better too. `import.meta.url` is kept, so the WebAssembly is still found beside it.
 */
export function bundle(entry, outfile) {
  return esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    minify: true,
    target: "esnext",
    legalComments: "none",
    sourcemap: "linked",
    sourcesContent: true,
    logLevel: "warning",
  });
}

/** The .wasm files under `dist`, not the embed's or the extension's (as `assetFiles`). */
function wasmFiles(dist) {
  return fs
    .readdirSync(dist, { recursive: true })
    .filter((name) => name.endsWith(".wasm") && !/^(embed|extension)\//.test(name))
    .map((name) => path.join(dist, name));
}

const gzipSize = (text) => zlib.gzipSync(text, { level: 9 }).length;

export function sha384(bytes) {
  return `sha384-${crypto.createHash("sha384").update(bytes).digest("base64")}`;
}

/**
 * index.html with each `integrity` written again from the file its tag points at (href or
 * src, relative to dist/). Trunk writes the attributes unquoted after minifying the HTML,
 * quoted before; both are read. A tag whose file is not in dist/ is an error: a stale
 * hash would make the browser refuse the file and the editor would not start.
 */
export function rewriteIntegrity(html, dist) {
  const value = String.raw`(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`;
  const urlAttribute = new RegExp(String.raw`\s(?:href|src)=${value}`, "i");
  const integrityAttribute = new RegExp(String.raw`(\sintegrity=)${value}`, "i");
  return html.replace(/<(?:link|script)\b[^>]*>/gi, (tag) => {
    if (!integrityAttribute.test(tag)) return tag;
    const url = tag.match(urlAttribute);
    if (!url) throw new Error(`a tag with an integrity hash but no file: ${tag}`);
    const file = path.join(dist, decodeURI((url[1] ?? url[2] ?? url[3]).split(/[?#]/)[0]));
    if (!fs.existsSync(file)) throw new Error(`${file} (from ${tag}) is not in ${dist}`);
    return tag.replace(integrityAttribute, (_, name) => `${name}${sha384(fs.readFileSync(file))}`);
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;

if (isMain && process.argv[2] === "--bundle") {
  const [entry, outfile] = process.argv.slice(3);
  bundle(entry, outfile);
  console.log(`${path.basename(outfile).padEnd(52)} ${String(fs.statSync(outfile).size).padStart(7)} B, one module from ${path.basename(entry)} and its imports`);
} else if (isMain) {
  const withMaps = process.argv[2] === "--maps";
  const dist = process.argv[withMaps ? 3 : 2] ?? "dist";
  for (const file of assetFiles(dist)) {
    const before = fs.readFileSync(file, "utf8");
    const { code, map } = minify(before, file, withMaps);
    // Trunk's CSS is minified already (by lightningcss): keep whichever a server sends smaller.
    if (gzipSize(code) >= gzipSize(before)) {
      console.log(`${path.relative(dist, file).padEnd(52)} ${String(before.length).padStart(7)} B, kept as it was`);
      continue;
    }
    if (withMaps) {
      fs.writeFileSync(`${file}.map`, map);
      fs.writeFileSync(file, `${code}//# sourceMappingURL=${path.basename(file)}.map\n`);
    } else {
      fs.writeFileSync(file, code);
    }
    console.log(`${path.relative(dist, file).padEnd(52)} ${String(before.length).padStart(7)} → ${String(code.length).padStart(7)} B`);
  }
  for (const file of wasmFiles(dist)) {
    const before = fs.readFileSync(file);
    const after = stripCustomSections(before);
    fs.writeFileSync(file, after);
    console.log(`${path.relative(dist, file).padEnd(52)} ${String(before.length).padStart(7)} → ${String(after.length).padStart(7)} B (custom sections dropped)`);
  }
  const index = path.join(dist, "index.html");
  if (fs.existsSync(index)) fs.writeFileSync(index, rewriteIntegrity(fs.readFileSync(index, "utf8"), dist));
}
