// TextBox: a labelled native text box. Enter sends the text the box shows with the message
// ({event: "submit", value}), so the kernel grades what the learner sees even when its state
// updates are still held back (ipywidgets sends one update at a time while the kernel is busy).
let seq = 0;
const prefix = "kzt" + Math.random().toString(36).slice(2, 8);

function render({ model, el }) {
  const id = `${prefix}-${++seq}`;
  const row = document.createElement("div");
  row.className = "kz-text";
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.autocomplete = "off";
  row.append(label, input);
  el.replaceChildren(row);

  const sync = () => {
    model.set("value", input.value);
    model.save_changes();
  };
  input.addEventListener("input", sync);
  input.addEventListener("keydown", (event) => {
    const modified = event.ctrlKey || event.altKey || event.metaKey;
    if (event.key === "Enter" && !modified && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      if (model.get("value") !== input.value) sync();
      model.send({ event: "submit", value: input.value });
      return;
    }
    // Typing belongs to the box, not to JupyterLab's notebook shortcuts; Ctrl/Alt/Meta combinations,
    // Shift+Enter and Escape still reach JupyterLab.
    if (!modified && event.key !== "Escape" && !(event.key === "Enter" && event.shiftKey)) {
      event.stopPropagation();
    }
  });

  const show = () => {
    const value = model.get("value") ?? "";
    if (input.value !== value) input.value = value;  // never rewrite what is already shown (the caret stays)
  };
  const draw = () => {
    label.textContent = model.get("description");
    label.hidden = !label.textContent;
    if (label.hidden) input.setAttribute("aria-label", model.get("tooltip") || "Your answer");
    else input.removeAttribute("aria-label");
    input.placeholder = model.get("placeholder") || "";
    input.title = model.get("tooltip") || "";
    input.disabled = !!model.get("disabled");
  };
  show();
  draw();
  const names = ["change:description", "change:placeholder", "change:tooltip", "change:disabled"];
  for (const name of names) model.on(name, draw);
  model.on("change:value", show);
  return () => {
    for (const name of names) model.off(name, draw);
    model.off("change:value", show);
  };
}
export default { render };
