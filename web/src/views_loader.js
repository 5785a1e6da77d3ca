// Fetches the on-demand module (the family view, the child's version, the review and
// training) the first time one of them is opened. Trunk builds it beside the editor
// (web/index.html, data-type="worker" so it is not started with the page); its files keep
// fixed names, found next to the page. Same origin only, so a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval') allows it.
let loading;

export function loadViews() {
  if (!loading) {
    const base = document.baseURI;
    loading = import(new URL("cinplan-views.js", base).href).then(async (module) => {
      await module.default({ module_or_path: new URL("cinplan-views_bg.wasm", base) });
      return module;
    });
    // A failed load (the server went away) may be tried again on the next click.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
