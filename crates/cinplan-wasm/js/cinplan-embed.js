// cinplan in a host page: checks the plan fields of an existing form as they are typed.
//
//   <script type="module" src="/cinplan/cinplan-embed.js"></script>
//
// attaches to every element marked data-cinplan-field="need|action|by_whom|by_when|
// outcome|progress|visiting|review_frequency|contingency|views_child|…", now and later,
// in same-origin iframes too. Configuration comes from the script tag's data attributes,
// from a <script type="application/json" id="cinplan-config"> block, or from configure().
// The same module exports attach() for one element, the plain-data API (checkField,
// checkPlan, timeline, rules, explain, applySuggestion, addWorkingDays, forgetChecks), the
// PlanSession a host editing a whole plan keeps, and the <cinplan-field> element. Everything runs in the browser: nothing is sent anywhere.

import init, * as wasm from "./cinplan_wasm.js";
import { FieldController, checkFirst, warnOnce } from "./controller.js";
import { DocumentWatcher } from "./scanner.js";
import { editableTarget, isEditable } from "./field-text.js";
import { CONTEXT_KEYS } from "./context.js";
import { defineFieldElement } from "./field-element.js";
// Imported by the modules above; named here too so that the browser asks for the whole
// module graph in one round of requests rather than one level at a time, and the
// WebAssembly starts loading sooner.
import "./root.js";
import "./overlay.js";
import "./popover.js";
import "./styles.js";

export {
  checkField,
  checkPlan,
  PlanSession,
  timeline,
  rules,
  explain,
  fields,
  applySuggestion,
  addWorkingDays,
  forgetChecks,
  version,
} from "./cinplan_wasm.js";

/** The settings every attached field uses unless attach() is given its own. */
const config = {
  auto: true,
  frames: true,
  debounce: 0,
  fields: {},
  context: {},
  row: undefined,
  today: undefined,
  profile: undefined,
  plan: undefined,
};

/** Attached fields: the element attached → its controller and how it was attached. */
const attached = new Map();
/** Elements whose attachment waits for the WebAssembly to load. */
const waiting = new Map();
const watchers = new Map();
let loaded = false;

/** Resolves when cinplan can check (the WebAssembly is loaded); rejects if it cannot load. */
export const ready = init()
  .then(() => {
    loaded = true;
    for (const pending of waiting.values()) pending.start();
    waiting.clear();
    if (config.auto && globalThis.document) start(globalThis.document);
  })
  .catch((error) => {
    warnOnce(
      `cinplan cannot start: ${error?.message ?? error}. ` +
        "A page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src.",
    );
    throw error;
  });
// A host that does not await `ready` must not see an unhandled rejection.
ready.catch(() => {});

/**
 * Changes the settings: { auto, frames, debounce, fields: {selector: fieldName}, context:
 * {childName, region, firstReview, planningMeeting, …: selector}, row: selector, today,
 * profile, plan }. Fields already attached automatically are attached again.
 */
export function configure(options = {}) {
  for (const [key, value] of Object.entries(options)) {
    if (key === "fields" || key === "context") config[key] = { ...config[key], ...value };
    else config[key] = value;
  }
  if (loaded) {
    for (const [element, entry] of [...attached]) {
      if (entry.auto) detach(element);
    }
    if (config.auto && globalThis.document) start(globalThis.document);
    else stop();
  }
  return { ...config };
}

/** The field name of an element: its data-cinplan-field, or a configured selector's. */
export function fieldNameOf(element) {
  if (element.nodeType !== 1) return null;
  const marked = element.getAttribute("data-cinplan-field");
  if (marked) return marked.trim();
  for (const [selector, name] of Object.entries(config.fields)) {
    try {
      if (element.matches(selector)) return name;
    } catch {
      // Not a valid selector: it matches nothing.
    }
  }
  return null;
}

function candidates(document) {
  const selectors = ["[data-cinplan-field]", ...Object.keys(config.fields)];
  const found = new Set();
  for (const selector of selectors) {
    try {
      for (const element of document.querySelectorAll(selector)) found.add(element);
    } catch {
      warnOnce(`"${selector}" is not a valid CSS selector`);
    }
  }
  // Inside a <cinplan-field>, the custom element attaches.
  return [...found].filter((element) => !element.closest("cinplan-field") && fieldNameOf(element));
}

const hub = {
  candidates,
  /** Whether to reach into same-origin frames (the extension runs in each frame instead). */
  get frames() {
    return config.frames !== false;
  },
  autoAttach(element) {
    if (attached.has(element) || waiting.has(element)) return;
    // The first check waits for refresh(), which checks the fields on screen first.
    attachNow(element, { field: fieldNameOf(element) }, true, { deferFirstCheck: true });
  },
  autoAttached(document) {
    return [...attached].filter(([element, entry]) => entry.auto && element.ownerDocument === document).map(([element]) => element);
  },
  detach,
  refresh(document) {
    const controllers = [...attached.values()]
      .map(({ controller }) => controller)
      .filter((controller) => controller.document === document);
    // Fields attached before this scan: the page around them may have changed.
    const earlier = controllers.filter((controller) => !controller.awaitingFirstCheck);
    checkFirst(controllers);
    for (const controller of earlier) {
      if (controller.active !== controller.wasActive) {
        controller.wasActive = controller.active;
        controller.check();
      }
    }
    if (earlier.length > 0) earlier[0].root.scheduleLayout();
  },
};

/** Starts attaching automatically in `document` and its same-origin frames. */
export function start(document = globalThis.document) {
  if (!loaded || watchers.has(document)) return;
  watchers.set(document, new DocumentWatcher(document, hub));
}

/** Stops attaching automatically and lets go of every field attached that way. */
export function stop() {
  for (const watcher of watchers.values()) watcher.stop();
  watchers.clear();
}

function attachNow(element, options, auto, { deferFirstCheck = false } = {}) {
  const field = editableTarget(element);
  if (!field) {
    warnOnce(`an element marked for "${options.field}" has no textarea, text input or contenteditable to check`);
    return null;
  }
  const merged = {
    debounce: config.debounce,
    today: config.today,
    profile: config.profile,
    plan: config.plan,
    context: config.context,
    row: config.row,
    ...options,
  };
  try {
    const controller = new FieldController({ api: wasm, marked: element, field, options: merged, fieldNameOf, deferFirstCheck });
    controller.wasActive = controller.active;
    attached.set(element, { controller, auto });
    return controller;
  } catch (error) {
    warnOnce(`could not attach to the ${options.field} field: ${error?.message ?? error}`);
    return null;
  }
}

/**
 * Attaches cinplan to one textarea, text input or contenteditable element (or an element
 * around one). `options.field` names the field (`outcome`, `by_when`, …); optional:
 * label, debounce (ms), today (YYYY-MM-DD), profile, plan, context (a function returning
 * checkField's context, or selectors as in configure()). Returns { detach(), check(),
 * review(), findings }: review() opens the popover on the first finding. Read-only and disabled fields are left alone until they become editable.
 */
export function attach(element, options = {}) {
  if (!element || element.nodeType !== 1) throw new TypeError("cinplan.attach: give it an element");
  const field = options.field ?? fieldNameOf(element);
  if (!field) throw new TypeError('cinplan.attach: say which field it is, e.g. { field: "outcome" }');
  detach(element);
  const handle = {
    detach: () => detach(element),
    check: () => attached.get(element)?.controller.check(),
    review: () => attached.get(element)?.controller.openPopover({ focus: true, at: 0 }),
    get findings() {
      return attached.get(element)?.controller.findings ?? [];
    },
  };
  if (loaded) {
    attachNow(element, { ...options, field }, false);
  } else {
    waiting.set(element, { start: () => attachNow(element, { ...options, field }, false) });
  }
  return handle;
}

/** Detaches cinplan from an element: its marks, listeners and timers go. */
export function detach(element) {
  waiting.delete(element);
  const entry = attached.get(element);
  if (!entry) return;
  attached.delete(element);
  try {
    entry.controller.detach();
  } catch (error) {
    warnOnce(`detaching failed: ${error?.message ?? error}`);
  }
}

/**
 * Every attached field's findings and the totals, for example to warn before a plan with
 * errors is saved: { errors, warnings, infos, fields: [{ element, field, label, findings }] }.
 */
export function summary() {
  const result = { errors: 0, warnings: 0, infos: 0, fields: [] };
  for (const [element, { controller }] of attached) {
    controller.flush();
    for (const finding of controller.findings) {
      if (finding.severity === "error") result.errors++;
      else if (finding.severity === "warning") result.warnings++;
      else result.infos++;
    }
    result.fields.push({ element, field: controller.name, label: controller.label, findings: controller.findings });
  }
  return result;
}

/** Whether cinplan is checking an element now (attached, and the field is editable). */
export function isChecking(element) {
  const entry = attached.get(element);
  return Boolean(entry && isEditable(entry.controller.field));
}

/** Reads the configuration the page gives: the script tag's data attributes, a JSON block. */
function readPageConfiguration() {
  const document = globalThis.document;
  if (!document) return;
  const script = [...document.querySelectorAll("script[src]")].find((node) => node.src === import.meta.url);
  const data = script?.dataset ?? {};
  const options = { context: {} };
  const block = document.querySelector(data.config ?? "script#cinplan-config[type='application/json']");
  if (block) {
    try {
      Object.assign(options, JSON.parse(block.textContent));
      options.context ??= {};
    } catch (error) {
      warnOnce(`the configuration block is not valid JSON: ${error.message}`);
    }
  }
  for (const name of Object.keys(CONTEXT_KEYS)) {
    const key = name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    if (data[key]) options.context[key] = data[key];
  }
  if (data.auto) options.auto = data.auto !== "false";
  if (data.debounce && Number.isFinite(Number(data.debounce))) options.debounce = Number(data.debounce);
  for (const key of ["today", "profile", "row"]) if (data[key]) options[key] = data[key];
  configure(options);
}

readPageConfiguration();
defineFieldElement({ attach, detach });
