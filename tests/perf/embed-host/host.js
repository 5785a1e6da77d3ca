// Builds a case-management form of 40 plan rows from the benchmark corpus, then loads the
// cinplan embed the way a host page does (one module script). Query parameters:
//   corpus=/target/perf-corpus/plan-40.json  embed=/dist/embed/  debounce=<ms> (optional)
const params = new URLSearchParams(location.search);
const CORPUS = params.get("corpus") ?? "/target/perf-corpus/plan-40.json";
const EMBED = params.get("embed") ?? "/dist/embed/";

const plan = await (await fetch(CORPUS)).json();
const rows = document.getElementById("rows");
const FIELDS = ["action", "by_whom", "by_when", "outcome", "progress"];
plan.needs.forEach((need, needIndex) => {
  need.actions.forEach((action, actionIndex) => {
    const row = document.createElement("tr");
    const needCell = document.createElement("td");
    if (actionIndex === 0) {
      const textarea = document.createElement("textarea");
      textarea.name = `need-${needIndex}`;
      textarea.dataset.cinplanField = "need";
      textarea.value = need.need;
      needCell.append(textarea);
    }
    row.append(needCell);
    for (const field of FIELDS) {
      const cell = document.createElement("td");
      const textarea = document.createElement("textarea");
      textarea.name = `${field}-${needIndex}-${actionIndex}`;
      textarea.dataset.cinplanField = field;
      textarea.setAttribute("aria-label", `${field} ${needIndex + 1}.${actionIndex + 1}`);
      textarea.value = action[field] ?? "";
      cell.append(textarea);
      row.append(cell);
    }
    rows.append(row);
  });
});
document.querySelector('[name="contingency"]').value = plan.contingency ?? "";

const embed = await import(`${EMBED}cinplan-embed.js`);
const settings = { today: "2026-12-01" };
if (params.has("debounce")) settings.debounce = Number(params.get("debounce"));
embed.configure?.(settings);
