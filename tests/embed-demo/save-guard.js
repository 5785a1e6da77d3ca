// The host's one line of logic around cinplan: ask before saving a plan that cinplan
// finds errors in. (Part of the integration, not of the case system.)
import { summary } from "/cinplan/cinplan-embed.js";

document.getElementById("plan-form").addEventListener("submit", (event) => {
  const { errors } = summary();
  if (errors > 0 && !confirm(`cinplan found ${errors} errors in this plan. Save it anyway?`)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
