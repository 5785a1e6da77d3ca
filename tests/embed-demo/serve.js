// Serves the demo case system with cinplan (built by scripts/build-embed.sh) under the
// strict Content Security Policy a careful case system sends:
//   node tests/embed-demo/serve.js      then open the address it prints
//   PORT=8080 node tests/embed-demo/serve.js
import path from "node:path";
import { serve, ROOT } from "../e2e/lib/harness.js";

const server = await serve(path.join(ROOT, "tests/embed-demo"), {
  mounts: { "/cinplan/": path.join(ROOT, "dist/embed") },
  port: Number(process.env.PORT ?? 0),
});
console.log(`The demo case system: ${server.url}/index.html (without cinplan: ${server.url}/form.html)`);
