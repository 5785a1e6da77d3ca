// What a WebAssembly file is made of: bytes per section, and code bytes per crate and per
// function (from the name section, so give it the file rustc wrote, before wasm-bindgen
// and wasm-opt strip names, e.g. target/wasm32-unknown-unknown/release/cinplan_wasm.wasm).
// Read-only data (string tables, Unicode tables) sits in the data section: its total is
// shown, it cannot be split by crate.
//
//   node tests/perf/wasm-sizes.js FILE.wasm [--top 25]
import fs from "node:fs";
import zlib from "node:zlib";

const file = process.argv[2];
const topIndex = process.argv.indexOf("--top");
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
if (!file) {
  console.error("usage: node tests/perf/wasm-sizes.js FILE.wasm [--top 25]");
  process.exit(2);
}
const bytes = fs.readFileSync(file);

let offset = 8; // magic and version
const readU32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
};
const readName = () => {
  const length = readU32();
  const name = bytes.subarray(offset, offset + length).toString("utf8");
  offset += length;
  return name;
};

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"];
const sections = [];
let importedFunctions = 0;
let codeBodies = [];
let functionNames = new Map();
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = readU32();
  const start = offset;
  let name = SECTION_NAMES[id] ?? `section ${id}`;
  if (id === 0) {
    name = `custom "${readName()}"`;
    if (name === 'custom "name"') {
      while (offset < start + size) {
        const subsection = bytes[offset++];
        const subsectionSize = readU32();
        const subsectionEnd = offset + subsectionSize;
        if (subsection === 1) {
          const count = readU32();
          for (let index = 0; index < count; index += 1) {
            const functionIndex = readU32();
            functionNames.set(functionIndex, readName());
          }
        }
        offset = subsectionEnd;
      }
    }
  } else if (id === 2) {
    const count = readU32();
    for (let index = 0; index < count; index += 1) {
      readName();
      readName();
      const kind = bytes[offset++];
      if (kind === 0) {
        readU32();
        importedFunctions += 1;
      } else if (kind === 1) {
        offset += 1;
        const flags = readU32();
        readU32();
        if (flags & 1) readU32();
      } else if (kind === 2) {
        const flags = readU32();
        readU32();
        if (flags & 1) readU32();
      } else if (kind === 3) {
        offset += 2;
      } else {
        offset += 2;
      }
    }
  } else if (id === 10) {
    const count = readU32();
    for (let index = 0; index < count; index += 1) {
      const bodySize = readU32();
      codeBodies.push({ index: importedFunctions + index, size: bodySize });
      offset += bodySize;
    }
  }
  sections.push({ name, size });
  offset = start + size;
}

/** The crate a (mangled or demangled) Rust symbol belongs to. */
function crateOf(name) {
  if (!name) return "(no name)";
  const v0 = name.match(/^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)/);
  if (v0) {
    const start = v0.index + v0[0].length;
    return name.slice(start, start + Number(v0[1]));
  }
  let text = demangle(name).replace(/^_</, "<");
  text = text.replace(/^<(&|\*const |\*mut |mut |\[|\(|dyn )*/, "");
  const plain = text.match(/^([A-Za-z_][A-Za-z0-9_]*)(::|$| )/);
  return plain ? plain[1] : "(other)";
}

function demangle(name) {
  const legacy = name?.match(/^_ZN(.*)E$/);
  if (!legacy) return name;
  const parts = [];
  let rest = legacy[1];
  while (rest.length > 0) {
    const match = rest.match(/^(\d+)/);
    if (!match) break;
    const length = Number(match[1]);
    parts.push(rest.slice(match[0].length, match[0].length + length));
    rest = rest.slice(match[0].length + length);
  }
  return parts.filter((part) => !/^h[0-9a-f]{16}$/.test(part)).join("::").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/\$u20\$/g, " ").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}").replace(/\.\./g, "::").replace(/^_</, "<");
}

const kib = (size) => `${(size / 1024).toFixed(1)} KiB`;
const total = bytes.length;
console.log(`${file}: ${kib(total)} raw, ${kib(zlib.gzipSync(bytes, { level: 9 }).length)} gzip -9`);
console.log("\nSections:");
for (const section of sections.sort((a, b) => b.size - a.size)) {
  console.log(`  ${kib(section.size).padStart(11)}  ${((100 * section.size) / total).toFixed(1).padStart(5)}%  ${section.name}`);
}
if (functionNames.size === 0) {
  console.log("\nNo name section: give the file rustc wrote (before wasm-bindgen / wasm-opt) to see crates.");
  process.exit(0);
}
const byCrate = new Map();
for (const body of codeBodies) {
  const crate = crateOf(functionNames.get(body.index));
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + body.size);
}
if (process.env.WASM_SIZES_OTHER) {
  for (const body of codeBodies) {
    if (crateOf(functionNames.get(body.index)) === "(other)") console.log(body.size, functionNames.get(body.index));
  }
}
const codeTotal = codeBodies.reduce((sum, body) => sum + body.size, 0);
console.log(`\nCode by crate (of ${kib(codeTotal)}):`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${kib(size).padStart(11)}  ${((100 * size) / codeTotal).toFixed(1).padStart(5)}%  ${crate}`);
}
console.log(`\nLargest functions:`);
for (const body of [...codeBodies].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${kib(body.size).padStart(11)}  ${demangle(functionNames.get(body.index) ?? `#${body.index}`).slice(0, 140)}`);
}
