// One attached field: it reads the field's text as the user types, checks it
// with the core, draws the findings, tells the host (the `cinplan:findings` event) and
// screen readers, opens the popover, and applies a suggestion the user picks. It only
// listens to the field: it never writes the field's attributes, and writes its value only
// when the user applies a suggestion. `detach()` removes every listener, timer, observer
// and node it made.

import { rootFor } from "./root.js";
import { FieldOverlay, hasRange } from "./overlay.js";
import { readField, isTextControl, isEditable, rangeOf, caretOffset } from "./field-text.js";
import { readContext, rowOf } from "./context.js";

let lastId = 0;

/**
 * A text longer than this (a pasted document) is checked once the user pauses and the
 * browser is idle, not on every frame: checking it takes long enough that doing so on
 * each keystroke would hold up typing.
 */
export const LONG_TEXT = 20000;
/** The pause, in milliseconds, before a long text is checked. */
const LONG_TEXT_PAUSE = 500;
/** The pause, in milliseconds, before the other cells of an edited row are checked again. */
const NEIGHBOUR_PAUSE = 150;
const warned = new Set();

/** Logs a problem once per message: the host page must never break because of cinplan. */
export function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`cinplan: ${message}`);
}

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

export class FieldController {
  /**
   * @param api the wasm functions (checkField, applySuggestion, explain, fields)
   * @param marked the element attached (the field, or a wrapper around a rich-text editor)
   * @param field the element holding the text
   * @param options { field, label?, debounce?, plan?, profile?, today?, context?, row? }
   * @param fieldNameOf the field name of any element of the page, for reading a row
   * @param deferFirstCheck leave the first check to `checkFirst()` (many fields at once)
   */
  constructor({ api, marked, field, options, fieldNameOf, deferFirstCheck = false }) {
    this.api = api;
    this.marked = marked;
    this.field = field;
    this.options = options;
    this.fieldNameOf = fieldNameOf;
    this.id = ++lastId;
    this.name = options.field;
    this.document = field.ownerDocument;
    this.view = this.document.defaultView;
    this.root = rootFor(this.document);
    this.root.add(this);
    this.label = options.label ?? hostLabel(field) ?? fieldLabel(api, this.name);
    this.overlay = new FieldOverlay(this.root, field, { onBadge: () => this.openPopover({ focus: true, at: 0 }) });
    this.text = "";
    this.segments = null;
    this.findings = [];
    this.timer = 0;
    this.microtask = 0;
    this.pendingMicrotask = 0;
    this.idle = 0;
    this.docs = new Map();
    this.awaitingFirstCheck = true;
    this.firstCheckQueued = false;
    this.detached = false;

    this.listeners = [
      ["input", () => this.onInput()],
      ["scroll", () => this.overlay.layout()],
      ["focus", () => this.onFocus()],
      ["click", () => this.onCaret()],
      ["keydown", (event) => this.onKeyDown(event)],
    ];
    for (const [type, listener] of this.listeners) field.addEventListener(type, listener);
    // Observing reports the field's size once at the start: only a real change of size
    // (which may move the fields after it too) lays the marks out again.
    this.resizeObserver = new this.view.ResizeObserver(() => {
      if (!this.awaitingFirstCheck && this.overlay.resized()) this.root.scheduleLayout();
    });
    this.resizeObserver.observe(field);
    if (!deferFirstCheck) this.check();
  }

  /** Whether the user can type in the field now. */
  get active() {
    return isEditable(this.field);
  }

  onInput() {
    if (this.root.popover.controller === this) this.root.popover.close({ restoreFocus: false });
    this.overlay.layout();
    this.scheduleCheck();
    // The other cells of the row read this one as context ("By whom" is empty while the
    // action is filled in): they are checked again too, after this one's marks are drawn.
    const row = rowOf(this.marked, this.options);
    if (!row) return;
    for (const other of this.root.controllers) {
      if (other !== this && rowOf(other.marked, other.options) === row) other.scheduleCheck({ later: true });
    }
  }

  /**
   * Checks after the user's input: with no debounce (the default), at once, once the
   * input events being dispatched are done (a microtask: the events of one task make one
   * check, and the marks are drawn in the frame that shows the typed character); with a
   * debounce, once the user pauses that long. A long text waits for a pause and an idle
   * moment. `later`: once the user pauses (the row's other cells, which read this one
   * only for whether it is filled, after the edited one), then when the browser is idle.
   */
  scheduleCheck({ later = false } = {}) {
    this.cancelScheduled();
    const debounce = this.options.debounce ?? 0;
    const long = this.field.value !== undefined
      ? this.field.value.length > LONG_TEXT
      : (this.field.textContent?.length ?? 0) > LONG_TEXT;
    if (long || later) {
      this.timer = this.view.setTimeout(() => {
        this.timer = 0;
        this.whenIdle(() => this.check());
      }, Math.max(debounce, long ? LONG_TEXT_PAUSE : NEIGHBOUR_PAUSE));
    } else if (debounce > 0) {
      this.timer = this.view.setTimeout(() => this.check(), debounce);
    } else {
      const token = ++this.microtask;
      this.view.queueMicrotask(() => {
        if (this.microtask === token) this.check();
      });
      this.pendingMicrotask = token;
    }
  }

  /** Runs `work` when the browser is idle (soon at the latest). */
  whenIdle(work) {
    const run = () => {
      this.idle = 0;
      work();
    };
    this.idle = this.view.requestIdleCallback
      ? this.view.requestIdleCallback(run, { timeout: 200 })
      : -this.view.setTimeout(run, 50);
  }

  /** Whether a check is waiting to run. */
  get scheduled() {
    return this.timer !== 0 || this.pendingMicrotask !== 0 || this.idle !== 0 || this.awaitingFirstCheck;
  }

  cancelScheduled() {
    this.view.clearTimeout(this.timer);
    this.timer = 0;
    // A microtask cannot be cancelled: a new token makes the one queued do nothing.
    this.microtask += 1;
    this.pendingMicrotask = 0;
    if (this.idle > 0) this.view.cancelIdleCallback?.(this.idle);
    else if (this.idle < 0) this.view.clearTimeout(-this.idle);
    this.idle = 0;
  }

  /**
   * Checks the field now and draws the result; `place: false` leaves placing the marks
   * to the caller (`checkTogether`, which measures many fields before placing any).
   */
  check({ place = true } = {}) {
    if (this.detached) return;
    this.cancelScheduled();
    this.awaitingFirstCheck = false;
    const before = this.findings.length;
    let text = "";
    let segments = null;
    let findings = [];
    if (this.active) {
      ({ text, segments } = readField(this.field));
      try {
        findings = this.api.checkField(text, {
          field: this.name,
          plan: this.options.plan ?? undefined,
          profile: this.options.profile ?? undefined,
          today: this.options.today ?? undefined,
          context: this.readContext(),
        });
      } catch (error) {
        warnOnce(`the ${this.label} field could not be checked: ${error?.message ?? error}`);
      }
    }
    this.text = text;
    this.segments = segments;
    this.findings = findings;
    this.overlay.render(text, findings, segments, this.label, { place });
    this.refreshPopover();
    this.dispatch();
    if (this.hasFocus() && findings.length !== before) this.announceCount();
  }

  /**
   * The context around the field: from `options.context` when it is a function (the
   * host computes it), otherwise read from the page (marks and configured selectors).
   */
  readContext() {
    const given = this.options.context;
    if (typeof given === "function") {
      try {
        return given(this.marked) ?? undefined;
      } catch (error) {
        warnOnce(`the context function failed: ${error?.message ?? error}`);
        return undefined;
      }
    }
    return readContext(this.field, this.marked, this.options, this.fieldNameOf);
  }

  /** Runs a pending check now, so what the user acts on matches the text. */
  flush() {
    if (this.scheduled || readField(this.field).text !== this.text) this.check();
  }

  dispatch() {
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const finding of this.findings) {
      if (finding.severity === "error") counts.errors++;
      else if (finding.severity === "warning") counts.warnings++;
      else counts.infos++;
    }
    const event = new this.view.CustomEvent("cinplan:findings", {
      bubbles: true,
      composed: true,
      detail: { field: this.name, label: this.label, text: this.text, findings: this.findings, ...counts },
    });
    this.marked.dispatchEvent(event);
  }

  hasFocus() {
    return this.document.activeElement === this.field || this.field.contains(this.document.activeElement);
  }

  onFocus() {
    if (this.findings.length > 0) this.announceCount();
  }

  announceCount() {
    const count = this.findings.length;
    this.root.announce(
      count === 0
        ? `${this.label}: no suggestions.`
        : `${this.label}: ${plural(count, "suggestion")} from cinplan. Press Alt+Enter to review.`,
    );
  }

  /** The caret's offset in the text, or null. */
  caret() {
    if (isTextControl(this.field)) return this.field.selectionStart;
    return this.segments ? caretOffset(this.field, this.segments) : null;
  }

  /** A click in the field: on flagged words, show their finding without taking the focus. */
  onCaret() {
    const offset = this.caret();
    if (offset === null) return;
    if (this.scheduled) this.check();
    const index = this.findings.findIndex((finding) => hasRange(finding) && finding.start <= offset && offset <= finding.end);
    if (index >= 0) this.openPopover({ focus: false, at: index });
    else if (this.root.popover.controller === this) this.root.popover.close({ restoreFocus: false });
  }

  onKeyDown(event) {
    if (event.key === "Enter" && event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.check();
      if (this.findings.length === 0) {
        this.announceCount();
        return;
      }
      const offset = this.caret() ?? 0;
      let at = this.findings.findIndex((finding) => hasRange(finding) && finding.end >= offset);
      if (at < 0) at = 0;
      this.openPopover({ focus: true, at });
    } else if (event.key === "Escape" && this.root.popover.controller === this) {
      event.preventDefault();
      this.root.popover.close({ restoreFocus: false });
    }
  }

  openPopover({ focus, at }) {
    // Checked again now: the text, or the form around it (the child's name, the plan's
    // dates), may have changed since the last check.
    this.check();
    if (this.findings.length === 0) return;
    this.root.popover.open(this, this.findings, at, { focus });
  }

  /** After a new check, keeps the popover on the same finding if it is still there. */
  refreshPopover() {
    const popover = this.root.popover;
    if (popover.controller !== this) return;
    const shown = popover.finding;
    const index = this.findings.findIndex((finding) => shown && finding.rule === shown.rule && finding.start === shown.start && finding.message === shown.message);
    if (index < 0) popover.close({ restoreFocus: false });
    else popover.open(this, this.findings, index, { focus: false });
  }

  /** The rule's documentation, for the popover. */
  explain(rule) {
    if (!this.docs.has(rule)) {
      let docs = null;
      try {
        docs = this.api.explain(rule);
      } catch (error) {
        warnOnce(error?.message ?? String(error));
      }
      this.docs.set(rule, docs);
    }
    return this.docs.get(rule);
  }

  focusField() {
    this.field.focus({ preventScroll: true });
  }

  /** Applies a finding's suggestion: the one change cinplan ever makes to a field. */
  apply(finding, index) {
    const popover = this.root.popover;
    const current = readField(this.field).text;
    if (current !== this.text) {
      popover.close({ restoreFocus: true });
      this.check();
      this.root.announce("The text has changed: the suggestions were checked again.");
      return;
    }
    let result;
    try {
      result = this.api.applySuggestion(current, finding, index);
    } catch (error) {
      this.root.announce(error?.message ?? String(error));
      return;
    }
    const suggestion = finding.suggestions[index];
    const whole = suggestion.target === "field" || !hasRange(finding);
    const [start, end] = whole ? [0, current.length] : [finding.start, finding.end];
    popover.close({ restoreFocus: false });
    if (isTextControl(this.field)) this.replaceInControl(start, end, suggestion.replacement, result.text);
    else this.replaceInRichText(start, end, whole, suggestion.replacement);
    this.check();
    this.selectAfterApplying(result);
    this.root.announce(`Replaced with: ${suggestion.replacement}`);
  }

  /**
   * Replaces text in a textarea or input the way typing does (undo works, and the host's
   * framework sees an input event); if the browser cannot, sets the value through the
   * element's own setter (which frameworks such as React track) and fires `input`. Then
   * fires `change`, as a user leaving the field would.
   */
  replaceInControl(start, end, replacement, expected) {
    const field = this.field;
    field.focus({ preventScroll: true });
    field.setSelectionRange(start, end);
    let done = false;
    try {
      done = replacement === ""
        ? this.document.execCommand("delete", false)
        : this.document.execCommand("insertText", false, replacement);
    } catch {
      done = false;
    }
    if (!done) {
      const prototype = Object.getPrototypeOf(field);
      const setter = Object.getOwnPropertyDescriptor(prototype, "value")?.set;
      if (setter) setter.call(field, expected);
      else field.value = expected;
      field.dispatchEvent(new this.view.InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: replacement }));
    }
    field.dispatchEvent(new this.view.Event("change", { bubbles: true }));
  }

  /** Replaces rich text through the editing commands, so the host's editor sees a normal edit. */
  replaceInRichText(start, end, whole, replacement) {
    const field = this.field;
    const document = this.document;
    let range = whole ? null : rangeOf(document, this.segments, start, end);
    if (!range) {
      range = document.createRange();
      range.selectNodeContents(field);
    }
    field.focus({ preventScroll: true });
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    let done = false;
    try {
      done = document.execCommand("insertText", false, replacement);
    } catch {
      done = false;
    }
    if (!done) {
      range.deleteContents();
      range.insertNode(document.createTextNode(replacement));
      field.dispatchEvent(new this.view.InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: replacement }));
    }
  }

  /** Selects the first [placeholder] of the applied text (for typing over), or puts the caret after it. */
  selectAfterApplying(result) {
    const [start, end] = result.placeholders.length > 0
      ? [result.placeholders[0].start, result.placeholders[0].end]
      : [result.end, result.end];
    if (isTextControl(this.field)) {
      this.field.setSelectionRange(start, end);
      return;
    }
    const range = this.segments && (rangeOf(this.document, this.segments, start, Math.max(end, start + 1)));
    if (!range) return;
    if (start === end) range.collapse(false);
    const selection = this.document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  layout() {
    this.overlay.layout();
  }

  /** Takes away everything this attachment made; tells the host there are no findings left. */
  detach() {
    this.cancelScheduled();
    this.detached = true;
    this.awaitingFirstCheck = false;
    for (const [type, listener] of this.listeners) this.field.removeEventListener(type, listener);
    this.resizeObserver.disconnect();
    this.overlay.remove();
    this.root.remove(this);
    this.findings = [];
    this.text = "";
    this.dispatch();
  }
}

/** How long one idle slice of first checks may take, in milliseconds, before yielding. */
const FIRST_CHECK_SLICE = 8;

/**
 * The first check of many fields of one document at once (a form when cinplan starts):
 * the fields on screen and the focused one at once, so that their findings show in the
 * first frame; the others after it, a slice at a time when the browser is idle, in the
 * order of the page.
 */
export function checkFirst(controllers) {
  const waiting = controllers.filter(
    (controller) => controller.awaitingFirstCheck && !controller.detached && !controller.firstCheckQueued,
  );
  if (waiting.length === 0) return;
  const view = waiting[0].view;
  const now = [];
  const later = [];
  for (const controller of waiting) {
    (controller.hasFocus() || onScreen(controller.field, view) ? now : later).push(controller);
  }
  checkTogether(now);
  if (later.length === 0) return;
  for (const controller of later) controller.firstCheckQueued = true;
  checkWhenIdle(later, view);
}

/** Whether any of an element is inside the window's viewport. */
function onScreen(element, view) {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.right > 0 && rect.top < view.innerHeight && rect.left < view.innerWidth;
}

/** Checks fields, then places all their marks in one go (the page is laid out once). */
function checkTogether(controllers) {
  const checked = [];
  for (const controller of controllers) {
    if (!controller.awaitingFirstCheck || controller.detached) continue;
    controller.check({ place: false });
    checked.push(controller);
  }
  if (checked.length > 0) checked[0].root.layoutFields(checked);
}

function checkWhenIdle(queue, view) {
  const slice = () => {
    const until = performance.now() + FIRST_CHECK_SLICE;
    const batch = [];
    while (queue.length > 0 && (batch.length === 0 || performance.now() < until)) {
      const controller = queue.shift();
      if (controller.awaitingFirstCheck && !controller.detached) {
        batch.push(controller);
        controller.check({ place: false });
      }
    }
    if (batch.length > 0) batch[0].root.layoutFields(batch);
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (view.requestIdleCallback) view.requestIdleCallback(slice, { timeout: 100 });
    else view.setTimeout(slice, 0);
  };
  schedule();
}

/** The host's own name for the field (its label, aria-label or aria-labelledby), if any. */
function hostLabel(field) {
  const fromLabel = field.labels?.[0]?.textContent?.trim();
  if (fromLabel) return fromLabel;
  const aria = field.getAttribute("aria-label")?.trim();
  if (aria) return aria;
  const labelledBy = (field.getAttribute("aria-labelledby") ?? "")
    .split(/\s+/)
    .map((id) => id && field.ownerDocument.getElementById(id)?.textContent?.trim())
    .filter(Boolean)
    .join(" ");
  return labelledBy || null;
}

function fieldLabel(api, name) {
  try {
    return api.fields().find((field) => field.id === name)?.label ?? name;
  } catch {
    return name;
  }
}
