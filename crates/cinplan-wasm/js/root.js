// One container per document for everything the embed draws: a `<cinplan-overlay>`
// element with a shadow root holding the marks of every field, the popover and a live
// region for screen readers. It is the only node the embed adds to a host page; it is
// created with the first attached field and removed with the last.

import { CSS } from "./styles.js";
import { Popover } from "./popover.js";

const roots = new WeakMap();
/** The containers now open, in every document. */
const openRoots = new Set();

/**
 * A change in a host field that is not checked itself (the child's name, a plan date)
 * may change the findings of the fields that are: they are checked again.
 */
function onHostChange(event) {
  for (const root of openRoots) {
    for (const controller of root.controllers) {
      if (controller.field !== event.target && controller.marked !== event.target) controller.scheduleCheck({ later: true });
    }
  }
}

/** The container of `document`, created when first needed. */
export function rootFor(document) {
  let root = roots.get(document);
  if (!root) {
    root = new Root(document);
    roots.set(document, root);
  }
  return root;
}

/** Creates an element of the embed (in the embed's own document). */
export function element(document, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class Root {
  constructor(document) {
    this.document = document;
    this.view = document.defaultView;
    this.controllers = new Set();
    this.host = null;
    this.frame = 0;
    this.onViewportChange = () => this.scheduleLayout();
  }

  /** Builds the container on first use. */
  open() {
    if (this.host) return;
    const document = this.document;
    const host = document.createElement("cinplan-overlay");
    // Inline styles through the CSSOM (allowed by a strict style-src), important so that
    // no host rule can move or hide the container.
    for (const [name, value] of [
      ["all", "initial"],
      ["position", "absolute"],
      ["top", "0"],
      ["left", "0"],
      ["width", "0"],
      ["height", "0"],
      ["overflow", "visible"],
      ["z-index", "2147483000"],
      ["display", "block"],
    ]) {
      host.style.setProperty(name, value, "important");
    }
    const shadow = host.attachShadow({ mode: "open" });
    const sheet = new this.view.CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];

    this.layer = element(document, "div", "layer");
    this.live = element(document, "div", "visually-hidden");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.popover = new Popover(this);
    shadow.append(this.layer, this.popover.node, this.live);
    // What happens in cinplan's popover is cinplan's: the host's keyboard shortcuts and
    // click handlers do not see it.
    for (const type of ["keydown", "keyup", "keypress", "click", "input"]) {
      shadow.addEventListener(type, (event) => event.stopPropagation());
    }
    this.host = host;
    this.shadow = shadow;
    this.reattach();

    // Capture: scrolling of any element (a scrolled panel moves the fields in it).
    this.view.addEventListener("scroll", this.onViewportChange, { capture: true, passive: true });
    this.view.addEventListener("resize", this.onViewportChange, { passive: true });
    this.document.addEventListener("change", onHostChange, true);
    openRoots.add(this);
  }

  /** Puts the container back if the host page replaced the body. */
  reattach() {
    if (this.host && !this.host.isConnected) {
      (this.document.body ?? this.document.documentElement).append(this.host);
    }
  }

  add(controller) {
    this.open();
    this.controllers.add(controller);
  }

  /** Forgets a field; the last one takes the container and its listeners away. */
  remove(controller) {
    this.controllers.delete(controller);
    if (this.popover?.controller === controller) this.popover.close({ restoreFocus: false });
    if (this.controllers.size > 0 || !this.host) return;
    this.view.removeEventListener("scroll", this.onViewportChange, { capture: true });
    this.view.removeEventListener("resize", this.onViewportChange);
    this.document.removeEventListener("change", onHostChange, true);
    openRoots.delete(this);
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.view.clearTimeout(this.announceTimer);
    this.popover.destroy();
    this.host.remove();
    this.host = null;
    roots.delete(this.document);
  }

  /** Where the container's origin is on screen: positions inside it are relative to it. */
  origin() {
    const rect = this.host.getBoundingClientRect();
    return { left: rect.left, top: rect.top };
  }

  /** Lays every field out again at the next frame (scrolling, resizing, page changes). */
  scheduleLayout() {
    if (this.frame || !this.host) return;
    this.frame = this.view.requestAnimationFrame(() => {
      this.frame = 0;
      // A field still waiting for its first check is placed by that check.
      this.layoutFields([...this.controllers].filter((controller) => !controller.awaitingFirstCheck));
      this.popover.reposition();
    });
  }

  /**
   * Lays out the marks of some fields: all measured first, then all placed, so that the
   * browser lays the page out once and not once per field.
   */
  layoutFields(controllers) {
    if (!this.host) return;
    this.reattach();
    const origin = this.origin();
    const clips = new Map();
    const measured = [];
    for (const controller of controllers) measured.push([controller, controller.overlay.measure(origin, clips)]);
    for (const [controller, size] of measured) controller.overlay.place(size);
    for (const [controller, size] of measured) controller.overlay.scroll(size);
  }

  /** Says something to screen readers, politely. */
  announce(message) {
    if (!this.live) return;
    // Clearing first makes a repeated message be read again.
    this.live.textContent = "";
    this.view.clearTimeout(this.announceTimer);
    this.announceTimer = this.view.setTimeout(() => {
      if (this.live) this.live.textContent = message;
    }, 50);
  }
}
