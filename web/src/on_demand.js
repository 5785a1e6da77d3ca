// What the editor fetches after its first screen, as the last part of loading the page:
// the views module, and the worker that checks a plan holding a long field. One file, not
// one each: each JavaScript file the editor imports is another request and another line
// of the page.
//
// The views module (the family view, the child's version, the review and training) is
// fetched the first time one of them is opened. Trunk builds it beside the editor
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

// The check of a plan that holds a long field, in a worker (long-check-worker.js, beside
// the page, which runs the embed's WebAssembly). `startWorker` starts it, as the last part
// of loading the page, like the views module: a long paste is then checked without a
// request, even when the connection has gone since. `checkInWorker` calls each request's
// `done` exactly once: with the report (as the worker writes it), or with undefined when
// the worker could not check it, and the editor then checks on the page. Once the worker
// has failed to start, `checkInWorker` answers false at once and the editor stops asking.

let worker = null;
let failed = false;
let next = 0;
/** Request id → its `done`. */
const waiting = new Map();

function giveUp(why) {
  console.warn(`cinplan: checking long plans on the page instead of in a worker (${why})`);
  failed = true;
  worker?.terminate();
  worker = null;
  for (const done of waiting.values()) done(undefined);
  waiting.clear();
}

function answer({ data }) {
  const done = waiting.get(data.id);
  waiting.delete(data.id);
  if (data.fatal) {
    giveUp(data.problem);
  } else if (data.problem) {
    console.warn(`cinplan: the worker could not check the plan: ${data.problem}`);
  }
  done?.(data.report);
}

/** Starts the worker, unless it runs or has failed; false when there is none. */
export function startWorker() {
  if (worker || failed) return !failed;
  try {
    worker = new Worker(new URL("long-check-worker.js", document.baseURI), { type: "module" });
  } catch (problem) {
    giveUp(String(problem));
    return false;
  }
  worker.onmessage = answer;
  // A worker whose script or module cannot load reports it here, once.
  worker.onerror = (event) => {
    event.preventDefault();
    giveUp(event.message || "its script did not load");
  };
  return true;
}

export function checkInWorker(plan, profile, today, done) {
  if (!startWorker()) return false;
  const id = ++next;
  waiting.set(id, done);
  worker.postMessage({ id, plan, profile, today });
  return true;
}
