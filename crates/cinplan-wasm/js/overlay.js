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
    this.current = null;
  }

  /** Draws the findings of `text` (rich text also passes its node map). */
  render(text, findings, segments, label) {
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
    this.layout();
  }

  /** Fills the mirror: plain text, with each flagged stretch in a span of its worst severity. */
  renderMirror() {
    const text = this.text;
    const marked = this.findings.filter(hasRange);
    const cuts = new Set([0, text.length]);
    for (const finding of marked) {
      cuts.add(Math.min(finding.start, text.length));
      cuts.add(Math.min(finding.end, text.length));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    this.spans = new Map();
    for (let index = 0; index + 1 < points.length; index++) {
      const [start, end] = [points[index], points[index + 1]];
      const piece = text.slice(start, end);
      const covering = marked.filter((finding) => finding.start <= start && finding.end >= end);
      if (covering.length === 0) {
        nodes.push(this.document.createTextNode(piece));
        continue;
      }
      const span = element(this.document, "span", `mark ${worst(covering)}`, piece);
      for (const finding of covering) {
        if (!this.spans.has(finding)) this.spans.set(finding, []);
        this.spans.get(finding).push(span);
      }
      nodes.push(span);
    }
    // A final line end makes a line in a textarea but not in a div: keep the heights equal.
    if (text.endsWith("\n") || text.length === 0) nodes.push(this.document.createTextNode("\u200b"));
    this.mirror.replaceChildren(...nodes);
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
    const field = this.field;
    const view = this.document.defaultView;
    const rect = field.getBoundingClientRect();
    const shown = field.isConnected && rect.width > 0 && rect.height > 0;
    const visible = shown ? this.visiblePart(rect) : null;
    if (!visible || this.covered(visible)) {
      this.box.hidden = true;
      this.badge.hidden = true;
      return;
    }
    this.box.hidden = false;
    const origin = this.root.origin();
    const set = (node, name, value) => node.style.setProperty(name, value);
    set(this.box, "left", `${rect.left - origin.left}px`);
    set(this.box, "top", `${rect.top - origin.top}px`);
    set(this.box, "width", `${rect.width}px`);
    set(this.box, "height", `${rect.height}px`);
    const inset = [visible.top - rect.top, rect.right - visible.right, rect.bottom - visible.bottom, visible.left - rect.left];
    set(this.box, "clip-path", `inset(${inset.map((value) => `${value}px`).join(" ")})`);

    const style = view.getComputedStyle(field);
    if (this.isControl) this.layoutMirror(style);
    else this.layoutBoxes(rect);

    // The badge sits in the bottom right corner of the field's visible part, left of any
    // scrollbar, when there is room for it.
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth));
    const right = Math.min(rect.right - scrollbar, visible.right) - 4;
    const bottom = Math.min(rect.bottom, visible.bottom) - 4;
    const width = Math.max(BADGE_SIZE, this.badge.offsetWidth);
    const room = right - width >= visible.left && bottom - BADGE_SIZE >= visible.top;
    this.badge.hidden = this.findings.length === 0 || !room;
    set(this.badge, "left", `${right - width - origin.left}px`);
    set(this.badge, "top", `${bottom - BADGE_SIZE - origin.top}px`);
  }

  /**
   * The part of the field that the scrolled panels around it let be seen, or null when
   * they hide all of it.
   */
  visiblePart(rect) {
    const view = this.document.defaultView;
    let { top, right, bottom, left } = rect;
    for (let node = this.field.parentElement; node; node = node.parentElement) {
      const style = view.getComputedStyle(node);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const outer = node.getBoundingClientRect();
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
    const hit = this.document.elementFromPoint((visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2);
    if (!hit) return false;
    return hit !== this.field && !this.field.contains(hit) && hit !== this.root.host && !hit.contains(this.field);
  }

  layoutMirror(style) {
    const field = this.field;
    const mirror = this.mirror;
    for (const name of MIRRORED) mirror.style.setProperty(name, style.getPropertyValue(name));
    // The field's scrollbars take room from its text: give the mirror the same room.
    const borders = (a, b) => parseFloat(style.getPropertyValue(a)) + parseFloat(style.getPropertyValue(b));
    const scrollbarX = Math.max(0, field.offsetWidth - field.clientWidth - borders("border-left-width", "border-right-width"));
    const scrollbarY = Math.max(0, field.offsetHeight - field.clientHeight - borders("border-top-width", "border-bottom-width"));
    mirror.style.setProperty("padding-right", `${parseFloat(style.paddingRight) + scrollbarX}px`);
    mirror.style.setProperty("padding-bottom", `${parseFloat(style.paddingBottom) + scrollbarY}px`);
    if (field.localName === "input") {
      // A text input keeps one line and centres it vertically.
      const inner = field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      mirror.style.setProperty("white-space", "pre");
      mirror.style.setProperty("line-height", `${inner}px`);
    }
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
  }

  /** Underlines the flagged ranges of rich text, measured from the page's own layout. */
  layoutBoxes(rect) {
    const boxes = [];
    if (this.segments) {
      for (const finding of this.findings.filter(hasRange)) {
        const range = rangeOf(this.document, this.segments, finding.start, finding.end);
        if (!range) continue;
        for (const line of range.getClientRects()) {
          if (line.width === 0) continue;
          const box = element(this.document, "div", `box ${finding.severity}`);
          box.style.setProperty("left", `${line.left - rect.left}px`);
          box.style.setProperty("top", `${line.bottom - rect.top - 2}px`);
          box.style.setProperty("width", `${line.width}px`);
          boxes.push(box);
        }
      }
    }
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
