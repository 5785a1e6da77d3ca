// Declarations of cinplan-embed.js: attaching cinplan to a host page's fields, and the
// plain-data API it re-exports from the WebAssembly module.
import type { Finding, HostContext, ProfileInput, PlanInput } from "./cinplan-types";

export * from "./cinplan_wasm";
export * from "./cinplan-types";

/** Resolves when cinplan can check (its WebAssembly is loaded); rejects if it cannot load. */
export const ready: Promise<void>;

/** Settings shared by every attached field (each may also be given to attach()). */
export interface EmbedConfig {
  /** Attach to every marked field by itself, now and later (default true). */
  auto?: boolean;
  /** Reach into same-origin iframes too (default true). */
  frames?: boolean;
  /**
   * Milliseconds to wait after the user stops typing before checking. The default, 0,
   * checks at once after each input event, so the marks are drawn with the typed
   * character (only the edited field's rules run again). A text over 20,000 characters is
   * always checked after a pause of 500 ms at least, when the browser is idle.
   */
  debounce?: number;
  /** CSS selector → field name, for fields the host cannot mark with data-cinplan-field. */
  fields?: Record<string, string>;
  /**
   * Where the form holds the plan's context: a CSS selector per item (or, for region,
   * the region itself). Elements marked data-cinplan-context="child-name", "first-review",
   * … are found without this.
   */
  context?: {
    childName?: string;
    region?: string;
    assessmentCompleted?: string;
    allocated?: string;
    planningMeeting?: string;
    planCirculated?: string;
    firstReview?: string;
  };
  /** The element around a row's cells (default "[data-cinplan-row], tr"). */
  row?: string;
  /** Today's date, YYYY-MM-DD (default: the browser's date). */
  today?: string;
  /** A built-in profile's name or a profile object. */
  profile?: ProfileInput;
  /** The plan the fields belong to, when the host has it as data. */
  plan?: PlanInput;
}

/** Options of attach(): the field's name and, optionally, its own settings. */
export interface AttachOptions extends Omit<EmbedConfig, "auto" | "frames" | "fields" | "context"> {
  /** need, action, by_whom, by_when, outcome, progress, visiting, review_frequency, contingency, … */
  field: string;
  /** The name screen readers hear for the field (default: its label). */
  label?: string;
  /** The context: selectors as in EmbedConfig, or a function the host computes it with. */
  context?: EmbedConfig["context"] | ((element: Element) => HostContext | undefined);
}

/** An attached field. */
export interface Attachment {
  /** Removes cinplan from the field: marks, listeners, timers. */
  detach(): void;
  /** Checks the field now. */
  check(): void;
  /** Opens the popover on the field's first finding, with the focus in it. */
  review(): void;
  /** The findings on the field's text now. */
  readonly findings: Finding[];
}

/** What the cinplan:findings event (dispatched on the field, bubbling) carries. */
export interface FindingsEventDetail {
  field: string;
  label: string;
  text: string;
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
}

/** Changes the shared settings; fields attached automatically are attached again. */
export function configure(options?: EmbedConfig): EmbedConfig;

/**
 * Attaches cinplan to a textarea, text input or contenteditable element (or an element
 * around one). Disabled and read-only fields are left alone until they become editable.
 */
export function attach(element: Element, options?: AttachOptions): Attachment;

/** Detaches cinplan from an element. */
export function detach(element: Element): void;

/** Starts attaching automatically in a document and its same-origin frames. */
export function start(document?: Document): void;

/** Stops attaching automatically and detaches every field attached that way. */
export function stop(): void;

/** Every attached field's findings, and the totals. */
export function summary(): {
  errors: number;
  warnings: number;
  infos: number;
  fields: { element: Element; field: string; label: string; findings: Finding[] }[];
};

/** Whether cinplan is checking an element now. */
export function isChecking(element: Element): boolean;

/** The field name of an element: its data-cinplan-field or a configured selector's. */
export function fieldNameOf(element: Element): string | null;

declare global {
  interface HTMLElementEventMap {
    "cinplan:findings": CustomEvent<FindingsEventDetail>;
  }
}
