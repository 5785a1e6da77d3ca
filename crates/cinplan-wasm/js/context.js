// Context from the host form: the child's name, the plan's dates and region, and the other
// cells of a field's row. Checks that need it (a deadline after the first review, the child
// named in the outcome, rewrites that use the plan's dates) then work in a host form as
// they do in the editor. The host says where these are either by marking its elements
// (`data-cinplan-context="child-name"`, …) or with selectors in the configuration.

import { readField, isTextControl, editableTarget } from "./field-text.js";

/** Context names: data-cinplan-context values, and where each goes in checkField's context. */
export const CONTEXT_KEYS = {
  "child-name": ["childName"],
  region: ["region"],
  "assessment-completed": ["dates", "assessmentCompleted"],
  allocated: ["dates", "allocated"],
  "planning-meeting": ["dates", "planningMeeting"],
  "plan-circulated": ["dates", "planCirculated"],
  "first-review": ["dates", "firstReview"],
};

/**
 * The text a host element holds: a control's value, rich text, or its text content; for
 * a wrapper, the value of the control inside it.
 */
export function valueOf(marked) {
  const node = marked.localName === "select" ? marked : (editableTarget(marked) ?? marked);
  if (isTextControl(node) || node.localName === "select" || node.localName === "input") {
    return node.value ?? "";
  }
  if (node.isContentEditable) return readField(node).text;
  return (node.textContent ?? "").trim();
}

/**
 * The documents a field's context is looked for in: its own, then the same-origin frames
 * around it (a form in an iframe may have the child's name in the page around it).
 */
function documentsAround(document) {
  const documents = [document];
  let view = document.defaultView;
  try {
    while (view && view.parent && view.parent !== view) {
      view = view.parent;
      documents.push(view.document);
    }
  } catch {
    // A cross-origin parent: stop there.
  }
  return documents;
}

/** The first element found by a configured selector or by its data-cinplan-context mark. */
function findContextElement(documents, name, selector) {
  for (const document of documents) {
    try {
      const found =
        (selector && document.querySelector(selector)) ??
        document.querySelector(`[data-cinplan-context="${name}"]`);
      if (found) return found;
    } catch {
      // A configured selector that is not valid CSS finds nothing.
    }
  }
  return null;
}

/**
 * The context of a field for checkField. `config.context` may give, per context name in
 * camelCase (childName, region, firstReview, …), a CSS selector, or for `region` the
 * region itself.
 */
export function readContext(field, marked, config, fieldNameOf) {
  const context = {};
  const given = config.context ?? {};
  const documents = documentsAround(field.ownerDocument);
  for (const [name, path] of Object.entries(CONTEXT_KEYS)) {
    const key = path[path.length - 1];
    let value = null;
    const setting = given[key] ?? given.dates?.[key];
    if (name === "region" && typeof setting === "string" && /^[a-z-]+$/.test(setting)) {
      value = setting;
    } else {
      const found = findContextElement(documents, name, typeof setting === "string" ? setting : null);
      if (found) value = valueOf(found);
    }
    if (value === null || value === "") continue;
    if (path.length === 2) (context.dates ??= {})[key] = value;
    else context[key] = value;
  }
  const row = readRow(marked, config, fieldNameOf);
  if (row) context.row = row;
  return context;
}

/** The element around a field's row (`config.row`, else data-cinplan-row, else `<tr>`), or null. */
export function rowOf(marked, config) {
  try {
    return marked.closest(config.row ?? "[data-cinplan-row], tr");
  } catch {
    return null;
  }
}

/**
 * The other cells of the field's row: every marked field inside the nearest element that
 * matches `config.row` (default: an element marked `data-cinplan-row`, else the table row).
 */
function readRow(marked, config, fieldNameOf) {
  const container = rowOf(marked, config);
  if (!container) return null;
  const own = fieldNameOf(marked);
  const row = {};
  const rowFields = ["need", "action", "by_whom", "by_when", "outcome", "progress"];
  if (!rowFields.includes(own)) return null;
  for (const cell of container.querySelectorAll("*")) {
    if (cell === marked) continue;
    const name = fieldNameOf(cell);
    if (!name || !rowFields.includes(name) || name in row) continue;
    row[name] = valueOf(cell);
  }
  return row;
}
