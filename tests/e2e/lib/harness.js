// Shared harness for the browser tests: a static server on loopback that sends a strict
// Content Security Policy and records every request, Debian's Chromium driven headless by
// playwright-core, and helpers to assert no foreign requests, no CSP violations and no
// axe-core accessibility violations.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

/** The policy a careful case system sends (shared/design/toolchain.md). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".d.ts": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1 (a free port) with the given CSP (null for none).
 * `mounts` serves other folders under URL prefixes, e.g. { "/cinplan/": "dist/embed" }
 * (a host serving cinplan's folder next to its own pages); `port` 0 picks a free one.
 * Returns { url, requests, close() }; `requests` lists every path asked for.
 */
export async function serve(root, { csp = STRICT_CSP, mounts = {}, port = 0 } = {}) {
  const requests = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    requests.push(url.pathname);
    let base = root;
    let pathname = decodeURIComponent(url.pathname);
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) {
        base = folder;
        pathname = pathname.slice(prefix.length - 1);
        break;
      }
    }
    let file = path.join(base, pathname);
    if (!path.resolve(file).startsWith(path.resolve(base))) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (csp) headers["content-security-policy"] = csp;
    response.writeHead(200, headers);
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Launches Debian's Chromium headless with the flags that work on these machines.
 * `locale` (e.g. "en-GB") and `viewport` are passed to the browser context when given.
 */
export async function launch({ extensionDir, locale, viewport } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cinplan-chromium-"));
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  // The browser's own language sets how date inputs show dates (dd/mm/yyyy for en-GB).
  if (locale) args.push(`--lang=${locale}`);
  if (extensionDir) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args,
    viewport: viewport ?? { width: 1280, height: 900 },
    ...(locale ? { locale, env: { ...process.env, LANGUAGE: locale.replace("-", "_") } } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a page: every request to another origin than `origin`, every CSP violation,
 * every console error and uncaught exception. Call before navigating.
 */
export function watch(page, origin) {
  const seen = { foreignRequests: [], cspViolations: [], consoleErrors: [], pageErrors: [] };
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (!url.startsWith(origin + "/") && url !== origin) seen.foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/Content Security Policy|Refused to/.test(text)) seen.cspViolations.push(text);
    else if (!/dbus|DBus/.test(text)) seen.consoleErrors.push(text);
  });
  page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
  return seen;
}

/** Collects CSP violations reported to the page itself (securitypolicyviolation events). */
export async function installCspListener(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) in the page and returns its violations, each as
 * "rule-id: help (n nodes: selectors)". Injected as a script file through the page, so
 * it works under the strict CSP too.
 */
export async function axeViolations(page, { include } = {}) {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // page.evaluate runs through the DevTools protocol, which CSP does not restrict.
  await page.evaluate(source);
  const result = await page.evaluate(async (include) => {
    // eslint-disable-next-line no-undef
    const report = await axe.run(include ?? document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return report.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.length} nodes: ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")})`,
    );
  }, include ?? null);
  return result;
}

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
