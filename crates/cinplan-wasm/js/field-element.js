// <cinplan-field field="outcome"><textarea name="outcome"></textarea></cinplan-field>
//
// For hosts that can change their markup: wraps a textarea (or text input, or rich-text
// editor), checks it like an attached field, and adds after it a line that says how many
// suggestions there are, with a button to review them that is in the page's tab order
// right after the field.

const SHEET = `
:host { display: block; }
.status { display: flex; gap: 8px; align-items: center; margin-top: 4px; font: 13px/1.4 system-ui, sans-serif; color: #3d3d3d; }
.status[hidden] { display: none; }
button { padding: 2px 8px; border: 1px solid #174ea6; border-radius: 4px; background: #eef3fc; color: #0b2a5c; font: inherit; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 1px; }
`;

export function defineFieldElement({ attach, detach }) {
  // Content scripts of browser extensions have no custom element registry.
  const registry = globalThis.customElements;
  if (!registry || registry.get("cinplan-field")) return;

  class CinplanFieldElement extends HTMLElement {
    static observedAttributes = ["field", "label"];

    constructor() {
      super();
      const shadow = this.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SHEET);
      shadow.adoptedStyleSheets = [sheet];
      this.status = document.createElement("div");
      this.status.className = "status";
      this.status.hidden = true;
      this.count = document.createElement("span");
      this.review = document.createElement("button");
      this.review.type = "button";
      this.review.textContent = "Review";
      this.review.addEventListener("click", () => this.handle?.review());
      this.status.append(this.count, this.review);
      shadow.append(document.createElement("slot"), this.status);
      this.onFindings = (event) => this.show(event.detail);
      this.childWatcher = null;
      this.control = null;
    }

    /** The findings on the wrapped field now. */
    get findings() {
      return this.handle?.findings ?? [];
    }

    connectedCallback() {
      this.connect();
    }

    disconnectedCallback() {
      this.disconnect();
    }

    attributeChangedCallback() {
      if (!this.isConnected) return;
      this.disconnect();
      this.connect();
    }

    connect() {
      const control = this.querySelector("textarea, input, [contenteditable]:not([contenteditable='false'])");
      if (!control) {
        // The control may come later (a framework rendering its children).
        this.childWatcher ??= new MutationObserver(() => {
          if (this.control) return;
          this.childWatcher?.disconnect();
          this.childWatcher = null;
          this.connect();
        });
        this.childWatcher.observe(this, { childList: true, subtree: true });
        return;
      }
      const field = this.getAttribute("field") ?? control.getAttribute("data-cinplan-field");
      if (!field) {
        console.warn('cinplan: <cinplan-field> needs a field attribute, e.g. field="outcome"');
        return;
      }
      this.control = control;
      this.addEventListener("cinplan:findings", this.onFindings);
      this.handle = attach(control, { field, label: this.getAttribute("label") ?? undefined });
    }

    disconnect() {
      this.childWatcher?.disconnect();
      this.childWatcher = null;
      if (this.control) detach(this.control);
      this.removeEventListener("cinplan:findings", this.onFindings);
      this.control = null;
      this.handle = null;
      this.status.hidden = true;
    }

    show(detail) {
      const count = detail.findings.length;
      this.status.hidden = count === 0;
      this.count.textContent = `${count} ${count === 1 ? "suggestion" : "suggestions"} for ${detail.label}`;
      this.review.setAttribute("aria-label", `Review ${this.count.textContent}`);
    }
  }

  registry.define("cinplan-field", CinplanFieldElement);
}
