// Reading a field's text, and finding where a range of that text is on screen, without
// touching the field. A textarea or text input gives its value; a contenteditable
// element (a host's rich-text editor) gives the text a reader sees, read from its text
// nodes, with a map back to those nodes so a range can be drawn and replaced.
//
// Offsets here are JavaScript string indices (UTF-16 code units), which is what the
// findings count. Nothing here converts to bytes: the core does that.

/** Tags that start a new line in rich text. */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER",
  "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL",
]);

/** Tags whose content is not text a reader sees. */
const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG"]);

/** Whether the element is a form control whose text is its `value`. */
export function isTextControl(element) {
  if (element.localName === "textarea") return true;
  if (element.localName !== "input") return false;
  const type = (element.getAttribute("type") || "text").toLowerCase();
  return type === "text" || type === "search";
}

/**
 * The element that holds the text, given the element the host marked: the element
 * itself, or (for a wrapper around a rich-text editor) the first textarea, text input
 * or contenteditable element inside it.
 */
export function editableTarget(marked) {
  if (isTextControl(marked) || marked.isContentEditable) return marked;
  return (
    marked.querySelector("textarea, input, [contenteditable]:not([contenteditable='false'])") ??
    null
  );
}

/** Whether the user can type in the element now (not disabled, read-only or inert). */
export function isEditable(element) {
  if (!element.isConnected) return false;
  if (isTextControl(element)) {
    return !element.disabled && !element.readOnly && !element.matches(":disabled") && !element.closest("[inert]");
  }
  return element.isContentEditable && !element.closest("[inert]");
}

/**
 * The text of a contenteditable element, and the text nodes it came from. Runs of
 * whitespace collapse to one space outside `pre`-like elements, as a browser shows them;
 * `<br>` and the boundaries of blocks are line ends.
 */
export function readRichText(root) {
  const segments = [];
  let text = "";
  const view = root.ownerDocument.defaultView;

  const preservesSpace = (node) => {
    const parent = node.parentElement;
    if (!parent || !view) return false;
    const whiteSpace = view.getComputedStyle(parent).whiteSpace;
    return whiteSpace.startsWith("pre") || whiteSpace === "break-spaces";
  };

  const lineBreak = () => {
    if (text.length > 0 && !text.endsWith("\n")) text += "\n";
  };

  const visit = (node) => {
    if (node.nodeType === 3) {
      const data = node.data;
      if (preservesSpace(node)) {
        segments.push({ node, start: text.length, offsets: null });
        text += data;
        return;
      }
      // Collapse whitespace, remembering where each kept character was in the node.
      const offsets = [];
      let kept = "";
      for (let index = 0; index < data.length; index++) {
        const character = data[index];
        if (/[ \t\n\r\f]/.test(character)) {
          const before = kept.length > 0 ? kept[kept.length - 1] : text[text.length - 1];
          if (before === undefined || before === " " || before === "\n") continue;
          kept += " ";
        } else {
          kept += character;
        }
        offsets.push(index);
      }
      if (kept.length === 0) return;
      segments.push({ node, start: text.length, offsets });
      text += kept;
      return;
    }
    if (node.nodeType !== 1 || SKIPPED_TAGS.has(node.tagName)) return;
    if (node.tagName === "BR") {
      text += "\n";
      return;
    }
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) lineBreak();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) lineBreak();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  // A space before a line end or at the very end is not shown.
  return { text: text.replace(/\n$/, ""), segments };
}

/** Reads the field's current text; for rich text, also the map back to its nodes. */
export function readField(element) {
  if (isTextControl(element)) return { text: element.value, segments: null };
  return readRichText(element);
}

/** The DOM position of a text offset in rich text, or null past the text. */
function positionOf(segments, offset, isEnd) {
  // The segment holding the character at `offset` (for an end, the one before it).
  const wanted = isEnd ? offset - 1 : offset;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    const length = segment.offsets ? segment.offsets.length : segment.node.data.length;
    if (wanted < segment.start) high = middle - 1;
    else if (wanted >= segment.start + length) low = middle + 1;
    else {
      const inside = wanted - segment.start;
      const nodeOffset = segment.offsets ? segment.offsets[inside] : inside;
      return { node: segment.node, offset: isEnd ? nodeOffset + 1 : nodeOffset };
    }
  }
  return null;
}

/** A DOM Range over `start..end` of rich text read by `readRichText`, or null. */
export function rangeOf(document, segments, start, end) {
  if (end <= start) return null;
  const from = positionOf(segments, start, false);
  const to = positionOf(segments, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, Math.min(to.offset, to.node.data.length));
  } catch {
    return null;
  }
  return range;
}

/** The text offset of the caret in rich text, or null when it is not in the field. */
export function caretOffset(element, segments) {
  const selection = element.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const { focusNode, focusOffset } = selection;
  if (!focusNode || !element.contains(focusNode)) return null;
  for (const segment of segments) {
    if (segment.node !== focusNode) continue;
    if (!segment.offsets) return segment.start + focusOffset;
    const inside = segment.offsets.findIndex((nodeOffset) => nodeOffset >= focusOffset);
    return segment.start + (inside === -1 ? segment.offsets.length : inside);
  }
  return null;
}
