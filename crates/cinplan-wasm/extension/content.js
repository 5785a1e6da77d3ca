// Runs only on the sites chosen in the options page (it is registered for them alone, and
// only once the browser has granted access to them). Content scripts cannot be ES modules,
// so this loads the embed module from the extension's own files and configures it with
// the chosen field selectors. Each frame of a chosen site runs its own copy.
(async () => {
  const { config } = await chrome.storage.local.get("config");
  if (!config || !Array.isArray(config.sites)) return;
  const cinplan = await import(chrome.runtime.getURL("cinplan-embed.js"));
  cinplan.configure({ auto: true, frames: false, fields: config.fields ?? {}, context: config.context ?? {} });
})().catch((error) => console.warn(`cinplan: ${error?.message ?? error}`));
