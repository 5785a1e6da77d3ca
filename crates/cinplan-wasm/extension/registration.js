// Registers the content script for the chosen sites that the browser has granted, and for
// nothing else.

export const SCRIPT_ID = "cinplan";

export async function registerContentScript() {
  const { config } = await chrome.storage.local.get("config");
  const sites = config?.sites ?? [];
  const granted = [];
  for (const site of sites) {
    if (await chrome.permissions.contains({ origins: [site] })) granted.push(site);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return granted;
  await chrome.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: ["content.js"], allFrames: true, runAt: "document_idle" },
  ]);
  return granted;
}
