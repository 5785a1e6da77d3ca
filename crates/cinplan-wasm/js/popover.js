// The popover: one finding at a time, with what is wrong, why it matters (the rule's own
// documentation), the suggested rewrites as buttons, and the way to the field's other
// findings. It opens under the flagged words when they are clicked (without taking the
// focus from the field), or with the focus in it from the keyboard (Alt+Enter in the
// field) or the badge. Escape closes it and puts the focus back in the field.
// Every piece of text is set with textContent: nothing the user typed becomes markup.

import { element } from "./root.js";

const GAP = 6;

export class Popover {
  constructor(root) {
    this.root = root;
    const document = root.document;
    this.node = element(document, "div", "popover");
    this.node.hidden = true;
    this.node.setAttribute("role", "dialog");
    this.node.setAttribute("aria-label", "cinplan suggestion");
    this.node.addEventListener("keydown", (event) => this.onKeyDown(event));
    this.controller = null;
    this.findings = [];
    this.index = 0;
    this.onOutsidePointer = (event) => {
      if (event.target === root.host || event.target === this.controller?.field) return;
      this.close({ restoreFocus: false });
    };
  }

  get isOpen() {
    return !this.node.hidden;
  }

  /** Shows `findings[index]` of a field's controller. */
  open(controller, findings, index, { focus }) {
    if (findings.length === 0) return;
    if (this.controller && this.controller !== controller) this.controller.overlay.highlight(null);
    this.controller = controller;
    this.findings = findings;
    this.index = Math.max(0, Math.min(index, findings.length - 1));
    this.render();
    if (this.node.hidden) {
      this.node.hidden = false;
      this.root.document.addEventListener("pointerdown", this.onOutsidePointer, true);
    }
    this.reposition();
    if (focus) this.focusFirst();
  }

  /** The finding shown, if any. */
  get finding() {
    return this.isOpen ? this.findings[this.index] : null;
  }

  close({ restoreFocus }) {
    if (this.node.hidden) return;
    this.node.hidden = true;
    this.root.document.removeEventListener("pointerdown", this.onOutsidePointer, true);
    const controller = this.controller;
    this.controller = null;
    this.node.replaceChildren();
    if (controller) {
      controller.overlay.highlight(null);
      if (restoreFocus) controller.focusField();
    }
  }

  destroy() {
    this.close({ restoreFocus: false });
    this.node.remove();
  }

  render() {
    const document = this.root.document;
    const controller = this.controller;
    const finding = this.findings[this.index];
    controller.overlay.highlight(finding);
    const messageId = `cinplan-message-${controller.id}`;

    const head = element(document, "div", "head");
    head.append(element(document, "span", `severity ${finding.severity}`, finding.severity));
    if (this.findings.length > 1) {
      head.append(element(document, "span", "count", `${this.index + 1} of ${this.findings.length}`));
    }
    const message = element(document, "p", "message", finding.message);
    message.id = messageId;
    this.node.setAttribute("aria-describedby", messageId);
    this.node.setAttribute("aria-label", `cinplan: ${controller.label}`);
    const parts = [head, message];

    const docs = controller.explain(finding.rule);
    if (docs) {
      const details = element(document, "details");
      details.append(element(document, "summary", "", "Why this matters"));
      if (docs.why) details.append(element(document, "p", "", docs.why));
      if (docs.instead) {
        const instead = element(document, "p");
        instead.append(element(document, "strong", "", "Instead: "), document.createTextNode(docs.instead));
        details.append(instead);
      }
      if (docs.source) details.append(element(document, "p", "rule", `Guidance: ${docs.source}`));
      parts.push(details);
    }

    const suggestions = finding.suggestions ?? [];
    if (suggestions.length > 0) {
      const group = element(document, "div", "suggestions");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Suggested rewrites");
      suggestions.forEach((suggestion, number) => {
        if (suggestion.applicability === "display-only") {
          const advice = element(document, "p", "advice");
          advice.append(element(document, "span", "label", suggestion.label), document.createTextNode(suggestion.replacement));
          group.append(advice);
          return;
        }
        const button = element(document, "button", "suggestion");
        button.type = "button";
        button.append(element(document, "span", "label", suggestion.label), document.createTextNode(suggestion.replacement));
        button.addEventListener("click", () => controller.apply(finding, number));
        group.append(button);
      });
      parts.push(group);
    }

    parts.push(element(document, "p", "rule rule-id", `Rule: ${finding.rule}`));

    const actions = element(document, "div", "actions");
    if (this.findings.length > 1) {
      actions.append(
        this.button("Previous", () => this.step(-1)),
        this.button("Next", () => this.step(1)),
      );
    }
    actions.append(this.button("Close", () => this.close({ restoreFocus: true })));
    parts.push(actions);
    this.node.replaceChildren(...parts);
  }

  button(text, onClick) {
    const button = element(this.root.document, "button", "", text);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  step(direction) {
    const count = this.findings.length;
    this.index = (this.index + direction + count) % count;
    this.render();
    this.reposition();
    this.focusFirst();
  }

  focusables() {
    return [...this.node.querySelectorAll("button, summary")];
  }

  focusFirst() {
    (this.node.querySelector("button.suggestion") ?? this.focusables()[0])?.focus();
  }

  /** Places the popover under the finding's words (above them when there is no room). */
  reposition() {
    if (!this.isOpen || !this.controller) return;
    const view = this.root.view;
    const anchor = this.controller.overlay.anchorOf(this.findings[this.index]);
    const origin = this.root.origin();
    const size = this.node.getBoundingClientRect();
    let top = anchor.bottom + GAP;
    if (top + size.height > view.innerHeight && anchor.top - GAP - size.height >= 0) {
      top = anchor.top - GAP - size.height;
    }
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - size.width - 8));
    this.node.style.setProperty("left", `${left - origin.left}px`);
    this.node.style.setProperty("top", `${top - origin.top}px`);
  }

  onKeyDown(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      this.close({ restoreFocus: true });
      return;
    }
    if (event.key !== "Tab") return;
    // Keep the focus in the popover while it is open; Escape leaves.
    const focusables = this.focusables();
    if (focusables.length === 0) return;
    const active = this.root.shadow.activeElement;
    const at = focusables.indexOf(active);
    const next = event.shiftKey ? (at <= 0 ? focusables.length - 1 : at - 1) : (at + 1) % focusables.length;
    event.preventDefault();
    focusables[next].focus();
  }
}
