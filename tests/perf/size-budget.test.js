// Size budgets: fails when a release bundle grows past the budget in budgets.json (which the
// README states), so that a heavy dependency or a forgotten Unicode table shows up in the
// change that adds it. Sizes, not times: this runs in the test suite on any machine.
//
//   node --test tests/perf/size-budget.test.js      (after the release builds)
//
// Only Node built-ins (and the build's own dependency-free scripts/wasm-sections.mjs): the
// suite does not install tests/perf's packages.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { sections } from "../../scripts/wasm-sections.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const budgets = JSON.parse(fs.readFileSync(path.join(here, "budgets.json"), "utf8"));

/** Files a browser may fetch from a bundle folder: not type declarations or source maps. */
function bundleFiles(folder, skipFolders, include, exclude) {
  const files = [];
  const walk = (directory, depth) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!(depth === 0 && skipFolders.includes(entry.name))) walk(full, depth + 1);
      } else if (
        entry.isFile() &&
        !/\.(d\.ts|map)$/.test(entry.name) &&
        (!include || include.test(entry.name)) &&
        !(exclude && exclude.test(entry.name))
      ) {
        files.push(full);
      }
    }
  };
  walk(folder, 0);
  return files.sort();
}

const gzipBytes = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

for (const [name, bundle] of Object.entries(budgets.bundles)) {
  test(`${name} bundle stays within ${bundle.gzip_kib} KiB gzip`, () => {
    const folder = path.join(root, bundle.folder);
    assert.ok(
      fs.existsSync(folder),
      `${bundle.folder}/ does not exist: build the release bundles first (scripts/test.sh does)`,
    );
    const files = bundleFiles(
      folder,
      bundle.skip_folders,
      bundle.include && new RegExp(bundle.include),
      bundle.exclude && new RegExp(bundle.exclude),
    );
    const kinds = new Set(files.map((file) => path.extname(file)));
    assert.ok(
      kinds.has(".wasm") && kinds.has(".js"),
      `${bundle.folder}/ has no .wasm and .js files: is the ${name} built?`,
    );
    const sizes = files.map((file) => ({ file: path.relative(root, file), gzip: gzipBytes(file) }));
    const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
    const table = sizes
      .sort((a, b) => b.gzip - a.gzip)
      .map(({ file, gzip }) => `  ${(gzip / 1024).toFixed(1).padStart(7)} KiB  ${file}`)
      .join("\n");
    const target = bundle.target_kib ? `; target ${bundle.target_kib} KiB` : "";
    console.log(`${name}: ${(total / 1024).toFixed(1)} KiB gzip, budget ${bundle.gzip_kib} KiB${target}\n${table}`);
    assert.ok(
      total <= bundle.gzip_kib * 1024,
      `${bundle.label} is ${(total / 1024).toFixed(1)} KiB gzip, over its budget of ` +
        `${bundle.gzip_kib} KiB (tests/perf/budgets.json). Largest files:\n${table}`,
    );
  });
}

test("the README states the same budgets as budgets.json", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  for (const [name, bundle] of Object.entries(budgets.bundles)) {
    const stated = readme
      .split("\n")
      .some((line) => line.toLowerCase().includes(name) && new RegExp(`\\b${bundle.gzip_kib} KiB\\b`).test(line));
    assert.ok(
      stated,
      `README.md has no line naming the ${name} and its budget "${bundle.gzip_kib} KiB" ` +
        "(tests/perf/budgets.json); keep the two in step",
    );
  }
});

test("the release WebAssembly carries no custom sections, which browsers ignore", () => {
  for (const folder of ["dist", "dist/embed"]) {
    const full = path.join(root, folder);
    assert.ok(fs.existsSync(full), `${folder}/ does not exist: build the release bundles first`);
    const modules = fs.readdirSync(full).filter((name) => name.endsWith(".wasm"));
    assert.ok(modules.length > 0, `${folder}/ has no WebAssembly`);
    for (const name of modules) {
      const custom = [...sections(fs.readFileSync(path.join(full, name)))].filter((section) => section.id === 0);
      assert.deepEqual(custom.map((section) => section.name), [], `${folder}/${name}`);
    }
  }
});
