// Starts the editor. A file rather than Trunk's inline script, so the page runs under a
// Content Security Policy of script-src 'self' 'wasm-unsafe-eval' (see Trunk.toml).
const script = document.querySelector("script[data-cinplan-js]");
const { default: init } = await import(script.dataset.cinplanJs);
await init({ module_or_path: script.dataset.cinplanWasm });
