// Opens the options page from the toolbar button, and keeps the content script registered
// for exactly the chosen sites (registrations also survive restarts by themselves).
import { registerContentScript } from "./registration.js";

chrome.action.onClicked.addListener(() => chrome.runtime.openOptionsPage());
chrome.runtime.onInstalled.addListener(() => registerContentScript().catch(() => {}));
chrome.permissions.onRemoved.addListener(() => registerContentScript().catch(() => {}));
