// The options page: which sites cinplan runs on, and where their forms keep the plan's
// fields and context. Saving asks the browser for access to exactly those sites, then
// registers the content script for them alone.
import init, { fields as knownFields } from "./cinplan_wasm.js";
import { registerContentScript } from "./registration.js";

const form = document.getElementById("options");
const status = document.getElementById("status");
const inputs = {
  sites: document.getElementById("sites"),
  fields: document.getElementById("fields"),
  context: document.getElementById("context"),
};
const CONTEXT_KEYS = ["childName", "region", "assessmentCompleted", "allocated", "planningMeeting", "planCirculated", "firstReview"];
// A Chrome match pattern for web pages: scheme, host (optionally *. first), optional port, path.
const SITE = /^(https?|\*):\/\/(\*|(\*\.)?[^/*:]+)(:(\d+|\*))?\/.*$/;

const ready = init();

/** Reads "name: selector" lines; says which line is wrong and why. */
function readPairs(text, what, isName) {
  const pairs = {};
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim();
    const selector = line.slice(colon + 1).trim();
    if (colon < 0 || !name || !selector) throw new Error(`${what}, line ${index + 1}: write the name, a colon, then the selector`);
    if (!isName(name)) throw new Error(`${what}, line ${index + 1}: "${name}" is not one of the names listed above`);
    if (!(what === "Context" && name === "region" && /^[a-z-]+$/.test(selector))) {
      try {
        document.createDocumentFragment().querySelector(selector);
      } catch {
        throw new Error(`${what}, line ${index + 1}: "${selector}" is not a CSS selector`);
      }
    }
    if (what === "Fields") pairs[selector] = name;
    else pairs[name] = selector;
  }
  return pairs;
}

async function load() {
  const { config } = await chrome.storage.local.get("config");
  if (!config) return;
  inputs.sites.value = config.sites.join("\n");
  inputs.fields.value = Object.entries(config.fields).map(([selector, name]) => `${name}: ${selector}`).join("\n");
  inputs.context.value = Object.entries(config.context).map(([name, selector]) => `${name}: ${selector}`).join("\n");
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  status.textContent = "";
  let config;
  try {
    await ready;
    const names = new Set(knownFields().map((field) => field.id));
    const sites = inputs.sites.value.split("\n").map((line) => line.trim()).filter(Boolean);
    for (const site of sites) {
      if (!SITE.test(site)) throw new Error(`Sites: "${site}" is not an address pattern such as https://cases.example.gov.uk/*`);
    }
    config = {
      sites,
      fields: readPairs(inputs.fields.value, "Fields", (name) => names.has(name)),
      context: readPairs(inputs.context.value, "Context", (name) => CONTEXT_KEYS.includes(name)),
    };
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  const allowed = config.sites.length === 0 || (await chrome.permissions.request({ origins: config.sites }));
  await chrome.storage.local.set({ config });
  const registered = await registerContentScript();
  status.textContent = allowed
    ? `Saved. cinplan runs on ${registered.length === 0 ? "no site" : registered.join(", ")}.`
    : "Saved, but the browser was not allowed to give cinplan access to these sites: it runs nowhere.";
});

load();
