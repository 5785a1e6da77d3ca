// The marks of one field, drawn in the embed's container over the field, never in it.
//
// For a textarea or text input, a "mirror" copies the field's box, font and wrapping and
// holds the same text in transparent ink with the flagged words wrapped in underlined
// spans; it scrolls with the field. For rich text (contenteditable), the flagged ranges'
// own line boxes are measured and underlined. Either way the layer ignores the pointer,
// so the field is typed in and clicked as before; a small badge button gives the count.

import { element } from "./root.js";
import { isTextControl, rangeOf } from "./field-text.js";

/** Computed properties the mirror copies so that its text wraps exactly as the field's. */
const MIRRORED = [
  "direction", "font-family", "font-size", "font-style", "font-variant", "font-weight",
  "font-stretch", "font-kerning", "font-feature-settings", "line-height", "letter-spacing",
  "word-spacing", "text-indent", "text-transform", "text-align", "tab-size", "white-space",
  "overflow-wrap", "word-break", "hyphens", "padding-top", "padding-right", "padding-bottom",
  "padding-left", "border-top-width", "border-right-width", "border-bottom-width",
  "border-left-width", "border-top-left-radius", "border-top-right-radius",
  "border-bottom-left-radius", "border-bottom-right-radius", "writing-mode",
];

/** The badge's height and least width: WCAG 2.2's smallest target size. */
const BADGE_SIZE = 24;

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };

/** The worst severity among findings, or null. */
export function worst(findings) {
  let found = null;
  for (const finding of findings) {
    if (!found || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[found]) found = finding.severity;
  }
  return found;
}

/** Whether a finding has a range of the text to underline. */
export function hasRange(finding) {
  return Number.isInteger(finding.start) && Number.isInteger(finding.end) && finding.end > finding.start;
}

/**
 * The findings with a range (`marked`) and every end of their ranges within the text of
 * length `length`, with the text's own ends, sorted (`points`).
 */
export function cutsOf(length, findings) {
  const marked = findings.filter(hasRange);
  const cuts = new Set([0, length]);
  for (const finding of marked) {
    cuts.add(Math.min(finding.start, length));
    cuts.add(Math.min(finding.end, length));
  }
  return { marked, points: [...cuts].sort((a, b) => a - b) };
}

/**
 * The text of length `length` cut at every end of a flagged range: each run from `start`
 * to `end` with the findings `covering` it, in their order. Each finding adds itself to
 * the runs it spans (its start and end are cuts), rather than every run asking every
 * finding: a long paste has thousands of both, and asking took the page seconds.
 */
export function runsOf(length, findings) {
  const { marked, points } = cutsOf(length, findings);
  const runs = [];
  for (let index = 0; index + 1 < points.length; index++) {
    runs.push({ start: points[index], end: points[index + 1], covering: [] });
  }
  for (const finding of marked) {
    const [start, end] = [Math.min(finding.start, length), Math.min(finding.end, length)];
    // The first run starting at the finding's start: halve the sorted cuts.
    let [low, high] = [0, runs.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (runs[middle].start < start) low = middle + 1;
      else high = middle;
    }
    for (let run = low; run < runs.length && runs[run].end <= end; run++) runs[run].covering.push(finding);
  }
  return runs;
}

/**
 * The mirror's pieces in blocks, one per line of the text (through its newline), from the
 * `runs` of `runsOf`: a piece is { text, className, covering }, `className` null for plain
 * text. The browser lays out a changed block again without the others, so a check redraws
 * only the lines it changed; laying out a whole long paste again took the page half a
 * second and more at every check (measured). A flagged run across a newline stays whole,
 * in a block of several lines. When the field's newlines do not break lines
 * (`keepsLines` false: white-space normal or nowrap) the text is one block. A final line
 * end makes a line in a textarea but not in a div: the last block then ends with a
 * zero-width space.
 */
export function blocksOf(text, runs, keepsLines) {
  const blocks = [[]];
  for (const { start, end, covering } of runs) {
    const piece = text.slice(start, end);
    if (covering.length > 0) {
      blocks.at(-1).push({ text: piece, className: `mark ${worst(covering)}`, covering });
      continue;
    }
    for (const line of keepsLines ? piece.split(/(?<=\n)/) : [piece]) {
      blocks.at(-1).push({ text: line, className: null, covering });
      if (keepsLines && line.endsWith("\n")) blocks.push([]);
    }
  }
  if (text.endsWith("\n") || text.length === 0) blocks.at(-1).push({ text: "\u200b", className: null, covering: [] });
  return blocks;
}

/** Whether two blocks lay out alike: the same pieces of text with the same classes. */
function sameLook(drawn, wanted) {
  return (
    drawn.length === wanted.length &&
    drawn.every((piece, index) => piece.text === wanted[index].text && piece.className === wanted[index].className)
  );
}

export class FieldOverlay {
  constructor(root, field, { onBadge }) {
    this.root = root;
    this.field = field;
    this.document = root.document;
    this.isControl = isTextControl(field);
    this.box = element(this.document, "div", "field");
    this.box.setAttribute("aria-hidden", "true");
    if (this.isControl) {
      this.mirror = element(this.document, "div", "mirror");
      this.box.append(this.mirror);
    }
    this.badge = element(this.document, "button", "badge");
    this.badge.type = "button";
    this.badge.hidden = true;
    this.badge.addEventListener("click", onBadge);
    root.layer.append(this.box, this.badge);
    this.text = "";
    this.findings = [];
    this.segments = null;
    this.spans = new Map();
    /** The mirror's blocks as drawn: each its pieces (see `blocksOf`) and its element. */
    this.drawn = null;
    this.current = null;
    /** The inline styles this overlay last set, per node. */
    this.applied = new Map();
    /** The field's size when last measured. */
    this.size = null;
    /** Whether the mirror has been scrolled away from the top left. */
    this.scrolled = false;
  }

  /**
   * Draws the findings of `text` (rich text also passes its node map). `place: false`
   * leaves the layout to the caller, which measures many fields before placing any.
   */
  render(text, findings, segments, label, { place = true } = {}) {
    this.text = text;
    this.findings = findings;
    this.segments = segments;
    if (this.isControl) this.renderMirror();
    const count = findings.length;
    this.badge.hidden = count === 0;
    this.badge.textContent = String(count);
    this.badge.className = `badge ${worst(findings) ?? ""}`;
    this.badge.setAttribute(
      "aria-label",
      `cinplan: ${count} ${count === 1 ? "suggestion" : "suggestions"} for ${label}`,
    );
    if (place) this.layout();
  }

  /**
   * Fills the mirror: plain text, with each flagged stretch in a span of its worst
   * severity, in blocks (`blocksOf`). The blocks that look as drawn at the start and the
   * end of the text stay; those between are drawn anew.
   */
  renderMirror() {
    const style = this.document.defaultView.getComputedStyle(this.field);
    const collapsing = style.getPropertyValue("white-space-collapse") || style.getPropertyValue("white-space");
    const wanted = blocksOf(this.text, runsOf(this.text.length, this.findings), !/^(collapse|normal|nowrap)$/.test(collapsing));
    // The elements drawn, one per block (none when the mirror was emptied since).
    const drawn = this.drawn && this.mirror.childElementCount === this.drawn.length ? this.drawn : [];
    if (drawn.length === 0) this.mirror.replaceChildren();
    const most = Math.min(drawn.length, wanted.length);
    let before = 0;
    while (before < most && sameLook(drawn[before].pieces, wanted[before])) before++;
    let after = 0;
    while (after < most - before && sameLook(drawn[drawn.length - 1 - after].pieces, wanted[wanted.length - 1 - after])) after++;
    const next = drawn[drawn.length - after]?.element ?? null;
    for (const { element: old } of drawn.slice(before, drawn.length - after)) old.remove();
    // Each finding's spans, in the blocks kept as in those drawn anew.
    this.spans = new Map();
    this.drawn = wanted.map((pieces, index) => {
      const kept = index < before ? drawn[index] : index >= wanted.length - after ? drawn[index - wanted.length + drawn.length] : null;
      const block = kept?.element ?? element(this.document, "div");
      pieces.forEach((piece, place) => {
        const node = kept ? block.childNodes[place] : piece.className ? element(this.document, "span", piece.className, piece.text) : this.document.createTextNode(piece.text);
        if (!kept) block.append(node);
        for (const finding of piece.covering) {
          if (this.spans.has(finding)) this.spans.get(finding).push(node);
          else this.spans.set(finding, [node]);
        }
      });
      if (!kept) this.mirror.insertBefore(block, next);
      return { pieces, element: block };
    });
    this.highlight(this.current);
  }

  /** Marks one finding as the one the popover is about. */
  highlight(finding) {
    this.current = finding;
    if (!this.isControl) return;
    for (const span of this.mirror.querySelectorAll(".current")) span.classList.remove("current");
    for (const span of this.spans.get(finding) ?? []) span.classList.add("current");
  }

  /** Follows the field: its place, size, font and scrolling. */
  layout() {
    const measured = this.measure();
    this.place(measured);
    this.scroll(measured);
  }

  /**
   * Reads from the page all that placing the marks needs, and writes nothing: the fields
   * of a form are all measured, then all placed, so the browser lays the page out once
   * rather than once per field. Null when the field is not to be seen.
   */
  measure(origin = this.root.origin(), clips = new Map()) {
    const field = this.field;
    const rect = field.getBoundingClientRect();
    this.size = { width: rect.width, height: rect.height };
    const shown = field.isConnected && rect.width > 0 && rect.height > 0;
    const visible = shown ? this.visiblePart(rect, clips) : null;
    // Without findings there is nothing to hide: no hit test for whether it is covered.
    if (!visible || (this.findings.length > 0 && this.covered(visible))) return null;
    const style = this.document.defaultView.getComputedStyle(field);
    const px = (name) => parseFloat(style.getPropertyValue(name));
    const scrollbarX = Math.max(0, field.offsetWidth - field.clientWidth - px("border-left-width") - px("border-right-width"));
    const measured = {
      rect,
      visible,
      origin,
      scrollbarX,
      badgeWidth: this.badge.offsetWidth,
    };
    if (this.isControl) {
      const mirrored = {};
      for (const name of MIRRORED) mirrored[name] = style.getPropertyValue(name);
      // The field's scrollbars take room from its text: give the mirror the same room.
      const scrollbarY = Math.max(0, field.offsetHeight - field.clientHeight - px("border-top-width") - px("border-bottom-width"));
      mirrored["padding-right"] = `${px("padding-right") + scrollbarX}px`;
      mirrored["padding-bottom"] = `${px("padding-bottom") + scrollbarY}px`;
      if (field.localName === "input") {
        // A text input keeps one line and centres it vertically.
        mirrored["white-space"] = "pre";
        mirrored["line-height"] = `${field.clientHeight - px("padding-top") - px("padding-bottom")}px`;
      }
      measured.mirrored = mirrored;
      measured.scrollTop = field.scrollTop;
      measured.scrollLeft = field.scrollLeft;
    } else {
      measured.lines = this.flaggedLines();
    }
    return measured;
  }

  /** Places the marks and the badge as `measure()` found the field (null: hides them). */
  place(measured) {
    if (!measured) {
      this.box.hidden = true;
      this.badge.hidden = true;
      return;
    }
    const { rect, visible, origin } = measured;
    this.box.hidden = false;
    const inset = [visible.top - rect.top, rect.right - visible.right, rect.bottom - visible.bottom, visible.left - rect.left];
    this.setStyles(this.box, {
      left: `${rect.left - origin.left}px`,
      top: `${rect.top - origin.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      "clip-path": `inset(${inset.map((value) => `${value}px`).join(" ")})`,
    });
    if (this.isControl) {
      this.setStyles(this.mirror, measured.mirrored);
    } else {
      this.placeLines(rect, measured.lines);
    }

    // The badge sits in the bottom right corner of the field's visible part, left of any
    // scrollbar, when there is room for it.
    const right = Math.min(rect.right - measured.scrollbarX, visible.right) - 4;
    const bottom = Math.min(rect.bottom, visible.bottom) - 4;
    const width = Math.max(BADGE_SIZE, measured.badgeWidth);
    const room = right - width >= visible.left && bottom - BADGE_SIZE >= visible.top;
    this.badge.hidden = this.findings.length === 0 || !room;
    this.setStyles(this.badge, {
      left: `${right - width - origin.left}px`,
      top: `${bottom - BADGE_SIZE - origin.top}px`,
    });
  }

  /**
   * Scrolls the mirror with the field. Apart from `place()` because setting a scroll
   * position makes the browser lay out what was written before: the fields of a form are
   * all placed first, then all scrolled. A mirror never scrolled is left alone while its
   * field is not scrolled either.
   */
  scroll(measured) {
    if (!measured || !this.isControl) return;
    const { scrollTop, scrollLeft } = measured;
    if (scrollTop === 0 && scrollLeft === 0 && !this.scrolled) return;
    this.mirror.scrollTop = scrollTop;
    this.mirror.scrollLeft = scrollLeft;
    this.scrolled = scrollTop !== 0 || scrollLeft !== 0;
  }

  /** Whether the field's size differs from when it was last measured. */
  resized() {
    const rect = this.field.getBoundingClientRect();
    return !this.size || rect.width !== this.size.width || rect.height !== this.size.height;
  }

  /**
   * Sets inline styles through the CSSOM (a strict style-src allows it), only those that
   * changed since this overlay last set them: scrolling lays every field out again, and
   * mostly nothing moves.
   */
  setStyles(node, styles) {
    let applied = this.applied.get(node);
    if (!applied) {
      applied = new Map();
      this.applied.set(node, applied);
    }
    for (const [name, value] of Object.entries(styles)) {
      if (applied.get(name) === value) continue;
      node.style.setProperty(name, value);
      applied.set(name, value);
    }
  }

  /**
   * The part of the field that the scrolled panels around it let be seen, or null when
   * they hide all of it. `clips` remembers, for a batch of fields measured together,
   * each ancestor's clipping box (null: it does not clip): the fields of a form share
   * most of their ancestors.
   */
  visiblePart(rect, clips = new Map()) {
    const view = this.document.defaultView;
    let { top, right, bottom, left } = rect;
    for (let node = this.field.parentElement; node; node = node.parentElement) {
      let outer = clips.get(node);
      if (outer === undefined) {
        const style = view.getComputedStyle(node);
        outer = style.overflowX === "visible" && style.overflowY === "visible" ? null : node.getBoundingClientRect();
        clips.set(node, outer);
      }
      if (!outer) continue;
      top = Math.max(top, outer.top);
      left = Math.max(left, outer.left);
      bottom = Math.min(bottom, outer.bottom);
      right = Math.min(right, outer.right);
    }
    return bottom > top && right > left ? { top, right, bottom, left } : null;
  }

  /**
   * Whether something of the page's own lies over the middle of the field's visible part
   * (a dialog, a menu): the marks are then hidden rather than drawn over it.
   */
  covered(visible) {
    const [x, y] = [(visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2];
    const view = this.document.defaultView;
    // Outside the window nothing is hit (and asking costs a hit test per field).
    if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
    const hit = this.document.elementFromPoint(x, y);
    if (!hit) return false;
    return hit !== this.field && !this.field.contains(hit) && hit !== this.root.host && !hit.contains(this.field);
  }

  /** The line boxes of the flagged ranges of rich text, from the page's own layout. */
  flaggedLines() {
    const lines = [];
    if (!this.segments) return lines;
    for (const finding of this.findings.filter(hasRange)) {
      const range = rangeOf(this.document, this.segments, finding.start, finding.end);
      if (!range) continue;
      for (const line of range.getClientRects()) {
        if (line.width > 0) lines.push({ severity: finding.severity, left: line.left, bottom: line.bottom, width: line.width });
      }
    }
    return lines;
  }

  /** Underlines the flagged line boxes of rich text. */
  placeLines(rect, lines) {
    const boxes = lines.map((line) => {
      const box = element(this.document, "div", `box ${line.severity}`);
      box.style.setProperty("left", `${line.left - rect.left}px`);
      box.style.setProperty("top", `${line.bottom - rect.top - 2}px`);
      box.style.setProperty("width", `${line.width}px`);
      return box;
    });
    this.box.replaceChildren(...boxes);
  }

  /** Where a finding's words are on screen (for placing the popover), or the field's box. */
  anchorOf(finding) {
    if (finding && hasRange(finding)) {
      if (this.isControl) {
        const span = this.spans.get(finding)?.[0];
        if (span) {
          const rect = span.getBoundingClientRect();
          const fieldRect = this.field.getBoundingClientRect();
          if (rect.bottom > fieldRect.top && rect.top < fieldRect.bottom) return rect;
        }
      } else if (this.segments) {
        const range = rangeOf(this.document, this.segments, finding.start, finding.end);
        const rect = range?.getClientRects()[0];
        if (rect) return rect;
      }
    }
    return this.field.getBoundingClientRect();
  }

  remove() {
    this.box.remove();
    this.badge.remove();
  }
}
