// The sections of a WebAssembly module, read from its bytes (no dependencies): the build
// drops the custom ones (scripts/minify-assets.mjs), and the size test checks that no
// release module still carries one (tests/perf/size-budget.test.js).

/**
 * Each section of `bytes` in order, as `{ id, start, end, name }`: `start` and `end` span
 * the whole section (its id and size too), `name` is a custom section's (id 0) name.
 * Throws on anything that is not a well-formed module, so that a build never ships a
 * mangled one.
 */
export function* sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || magic.some((byte, index) => bytes[index] !== byte)) {
    throw new Error("not a WebAssembly module (version 1)");
  }
  let at = 8;
  // An unsigned LEB128 of at most five bytes, from `at`.
  const leb = (start) => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= bytes.length || shift > 28) throw new Error(`a bad size at byte ${start}`);
      const byte = bytes[at];
      at += 1;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    at += 1;
    const size = leb(start);
    const end = at + size;
    if (end > bytes.length) throw new Error(`section ${id} at byte ${start} runs past the end`);
    let name = null;
    if (id === 0) {
      const length = leb(start);
      name = Buffer.from(bytes.subarray(at, at + length)).toString("utf8");
    }
    yield { id, start, end, name };
    at = end;
  }
}

/** `bytes` (a WebAssembly module) without its custom sections; every other section as it is. */
export function stripCustomSections(bytes) {
  const kept = [bytes.subarray(0, 8)];
  for (const section of sections(bytes)) {
    if (section.id !== 0) kept.push(bytes.subarray(section.start, section.end));
  }
  return Buffer.concat(kept);
}
