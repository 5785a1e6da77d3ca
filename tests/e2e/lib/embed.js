// Helpers for the embed's browser tests: the demo case system served with cinplan's
// folder mounted at /cinplan/ (as a host would serve it), and readers of what cinplan drew.
import fs from "node:fs";
import path from "node:path";
import { serve, launch, watch, installCspListener, ROOT, STRICT_CSP } from "./harness.js";

export const DEMO = path.join(ROOT, "tests/embed-demo");
export const EMBED = path.join(ROOT, "dist/embed");
export const EXTENSION = path.join(ROOT, "dist/extension");

if (!fs.existsSync(path.join(EMBED, "cinplan-embed.js"))) {
  throw new Error("dist/embed is missing: run scripts/build-embed.sh first");
}

/**
 * Serves the demo and opens `file` in headless Chromium under the strict CSP.
 * Returns { server, browser, page, seen, url(file), close() }.
 */
export async function openDemo(file = "index.html", { csp = STRICT_CSP, extensionDir, viewport } = {}) {
  const server = await serve(DEMO, { csp, mounts: { "/cinplan/": EMBED } });
  const browser = await launch({ extensionDir });
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const seen = watch(page, server.url);
  await installCspListener(page);
  const url = (name) => `${server.url}/${name}`;
  if (file) await page.goto(url(file));
  return {
    server,
    browser,
    page,
    seen,
    url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The marks cinplan drew in a page or frame: [{ text, severity, rect }] (textarea marks). */
export function marks(target) {
  return target.evaluate(() => {
    const host = document.querySelector("cinplan-overlay");
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll(".field:not([hidden]) .mark")].map((span) => {
      const rect = span.getBoundingClientRect();
      return {
        text: span.textContent,
        severity: ["error", "warning", "info"].find((name) => span.classList.contains(name)),
        rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
      };
    });
  });
}

/** The underline boxes drawn for rich text: [{ severity, rect }]. */
export function richMarks(target) {
  return target.evaluate(() => {
    const host = document.querySelector("cinplan-overlay");
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll(".field:not([hidden]) .box")].map((box) => {
      const rect = box.getBoundingClientRect();
      return {
        severity: ["error", "warning", "info"].find((name) => box.classList.contains(name)),
        rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
      };
    });
  });
}

/** Waits until cinplan has marked `text` somewhere in the page or frame. */
export async function waitForMark(target, text, timeout = 5000) {
  await target.waitForFunction(
    (text) => {
      const host = document.querySelector("cinplan-overlay");
      return Boolean(host && [...host.shadowRoot.querySelectorAll(".field:not([hidden]) .mark")].some((span) => span.textContent === text));
    },
    text,
    { timeout },
  );
}

/** The visible badges' accessible names. */
export function badges(target) {
  return target.evaluate(() => {
    const host = document.querySelector("cinplan-overlay");
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll(".badge:not([hidden])")].map((badge) => badge.getAttribute("aria-label"));
  });
}

/**
 * Evaluates `body(cinplan, arg)` in the page with the embed module imported (the same
 * module instance the page uses). `body` must not close over test variables.
 */
export function withCinplan(target, body, arg = null) {
  return target.evaluate(`(async () => {
    const cinplan = await import("/cinplan/cinplan-embed.js");
    await cinplan.ready;
    return (${body.toString()})(cinplan, ${JSON.stringify(arg)});
  })()`);
}

/**
 * Clicks the middle of every mark whose text is `word`, in the field `selector`, and
 * returns where the browser put the caret each time (its own hit testing of the field's
 * text), with where the word is in the field's value.
 */
export async function caretsOnMarks(target, page, selector, word) {
  const found = await target.evaluate(
    ({ selector, word }) => {
      const field = document.querySelector(selector);
      const host = document.querySelector("cinplan-overlay");
      const fieldRect = field.getBoundingClientRect();
      const spans = [...host.shadowRoot.querySelectorAll(".field:not([hidden]) .mark")].filter((span) => {
        const rect = span.getBoundingClientRect();
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        return span.textContent === word && x > fieldRect.left && x < fieldRect.right && y > fieldRect.top && y < fieldRect.bottom;
      });
      return {
        points: spans.map((span) => {
          const rect = span.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }),
        start: field.value.indexOf(word),
      };
    },
    { selector, word },
  );
  const offset = await frameOffset(target);
  const carets = [];
  for (const point of found.points) {
    await page.mouse.click(point.x + offset.x, point.y + offset.y);
    carets.push(await target.evaluate((selector) => document.querySelector(selector).selectionStart, selector));
  }
  return { carets, start: found.start, end: found.start + word.length };
}

/** Where a frame's viewport is in the page (0, 0 for the page itself). */
async function frameOffset(target) {
  if (!target.parentFrame || !target.parentFrame()) return { x: 0, y: 0 };
  const element = await target.frameElement();
  const box = await element.boundingBox();
  const border = await element.evaluate((frame) => {
    const style = getComputedStyle(frame);
    return { x: parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft), y: parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) };
  });
  return { x: box.x + border.x, y: box.y + border.y };
}

export { STRICT_CSP };
