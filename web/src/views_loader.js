// Fetches the on-demand module (the family view, the child's version, the review and
// training) the first time one of them is opened. Trunk builds it beside the editor
// (web/index.html, data-type="worker" so it is not started with the page); its files keep
// fixed names, found next to the page. Same origin only, so a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval') allows it.
// Their stylesheet (cinplan-views.css) comes with them, so that the editor's first download
// does not carry it.
let loading;

export function loadViews() {
  if (!loading) {
    const base = document.baseURI;
    const module = import(new URL("cinplan-views.js", base).href).then(async (module) => {
      await module.default({ module_or_path: new URL("cinplan-views_bg.wasm", base) });
      return module;
    });
    loading = Promise.all([module, linkStylesheet(new URL("cinplan-views.css", base).href)]).then(
      ([module]) => module,
    );
    // A failed load (the server went away) may be tried again on the next click.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** Resolves once the stylesheet at `href` is in use; a failed one is removed, to try again. */
function linkStylesheet(href) {
  const present = document.querySelector(`link[rel="stylesheet"][href="${href}"]`);
  if (present) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => {
      link.remove();
      reject(new Error("the views' stylesheet could not be fetched"));
    });
    document.head.append(link);
  });
}
