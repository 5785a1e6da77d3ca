// Finds the fields to check in a document and keeps finding them: fields marked
// `data-cinplan-field` (or matching a configured selector) when the page loads, those the
// host adds later, and those inside same-origin iframes (including frames added or
// reloaded later). A field that is removed, unmarked, disabled or made read-only is let go
// or silenced; one that becomes editable again is checked again.

const WATCHED_ATTRIBUTES = ["data-cinplan-field", "disabled", "readonly", "contenteditable", "inert"];

export class DocumentWatcher {
  /**
   * @param document the document to watch
   * @param hub { candidates(document), autoAttach(element), autoAttached(document), detach(element) }
   */
  constructor(document, hub) {
    this.document = document;
    this.view = document.defaultView;
    this.hub = hub;
    this.frames = new Map();
    this.timer = 0;
    this.observer = new this.view.MutationObserver(() => this.schedule());
    this.observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    this.scan();
  }

  /** Scans once the page has finished its current burst of changes. */
  schedule() {
    if (this.timer) return;
    this.timer = this.view.setTimeout(() => {
      this.timer = 0;
      this.scan();
    }, 30);
  }

  scan() {
    const hub = this.hub;
    const wanted = new Set(hub.candidates(this.document));
    for (const element of hub.autoAttached(this.document)) {
      if (!wanted.has(element)) hub.detach(element);
    }
    for (const element of wanted) hub.autoAttach(element);
    hub.refresh(this.document);
    this.scanFrames();
  }

  scanFrames() {
    const present = new Set(this.hub.frames ? this.document.querySelectorAll("iframe, frame") : []);
    for (const [frame, entry] of this.frames) {
      if (!present.has(frame) || !frame.isConnected) {
        frame.removeEventListener("load", entry.onLoad);
        entry.watcher?.stop();
        this.frames.delete(frame);
      }
    }
    for (const frame of present) {
      if (this.frames.has(frame)) continue;
      const entry = { watcher: null, onLoad: null };
      entry.onLoad = () => this.watchFrame(frame, entry);
      frame.addEventListener("load", entry.onLoad);
      this.frames.set(frame, entry);
      this.watchFrame(frame, entry);
    }
  }

  /** Watches a frame's document if it is same-origin and loaded; a reload gets a new one. */
  watchFrame(frame, entry) {
    let document = null;
    try {
      document = frame.contentDocument;
    } catch {
      document = null;
    }
    if (entry.watcher && entry.watcher.document === document) return;
    entry.watcher?.stop();
    entry.watcher = null;
    // Cross-origin frames give no document: cinplan cannot and does not reach into them.
    if (!document || !document.defaultView || document.readyState === "loading") return;
    if (document.URL === "about:blank" && !document.body?.firstChild) return;
    entry.watcher = new DocumentWatcher(document, this.hub);
  }

  /** Stops watching, here and in every frame, and lets go of every field found. */
  stop() {
    this.observer.disconnect();
    this.view.clearTimeout(this.timer);
    this.timer = 0;
    for (const [frame, entry] of this.frames) {
      frame.removeEventListener("load", entry.onLoad);
      entry.watcher?.stop();
    }
    this.frames.clear();
    for (const element of this.hub.autoAttached(this.document)) this.hub.detach(element);
  }
}
