// The demo case system's own script (not cinplan): a small rich-text editor, rows added
// by the user and by a delayed load, and saving. cinplan must work around all of it.

const form = document.getElementById("plan-form");
const tbody = document.querySelector("#plan-table tbody");
const editor = document.getElementById("contingency");
const editorValue = document.getElementById("contingency-value");

// The rich-text editor keeps its HTML in a hidden input, as such editors do.
const syncEditor = () => {
  editorValue.value = editor.innerHTML;
};
editor.addEventListener("input", syncEditor);
syncEditor();
for (const button of document.querySelectorAll(".editor-toolbar button")) {
  button.addEventListener("mousedown", (event) => event.preventDefault());
  button.addEventListener("click", () => {
    editor.focus();
    document.execCommand(button.dataset.command);
    syncEditor();
  });
}

const COLUMNS = [
  ["need", "Need or risk"],
  ["action", "Action"],
  ["by_whom", "By whom"],
  ["by_when", "By when"],
  ["outcome", "Outcome"],
  ["progress", "Progress"],
];

/** Adds a row of the plan table, as the case system's "Add an action" does. */
function addRow(values = {}) {
  const index = tbody.rows.length;
  const row = document.createElement("tr");
  for (const [name, label] of COLUMNS) {
    const cell = document.createElement("td");
    const textarea = document.createElement("textarea");
    textarea.name = `${name}[${index}]`;
    textarea.setAttribute("aria-label", `${label}, row ${index + 1}`);
    textarea.value = values[name] ?? "";
    cell.append(textarea);
    row.append(cell);
  }
  tbody.append(row);
  return row;
}

document.getElementById("add-row").addEventListener("click", () => {
  addRow().querySelector("textarea").focus();
});

// A row the case system loads after the page, as systems that fetch saved rows do.
setTimeout(() => {
  const row = addRow({
    need: "Tommy is often late for school.",
    action: "School to support Tommy with his attendance.",
    by_whom: "School",
    by_when: "Ongoing",
    outcome: "Tommy's attendance will improve.",
  });
  row.id = "loaded-row";
}, 300);

form.addEventListener("submit", (event) => {
  event.preventDefault();
  document.getElementById("save-status").value = "Plan saved.";
});
