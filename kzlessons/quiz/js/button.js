// ActionButton: a native <button> (styled as ipywidgets' Button) whose click message carries the
// value its source control shows at that moment: {event: "click", value}. A click is a custom
// message, sent at once, while ipywidgets holds a control's own state updates back when the kernel
// is busy (one in flight per model); without the value the kernel would act on an older one.
// With clears_source (Reset) the page empties the source at the click, before the message is sent,
// so a held-back update can never bring the old text back.
function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  el.replaceChildren(button);

  let source = null;  // the source control's model, once the widget manager has it
  let finding = Promise.resolve(null);
  const find = () => {
    const ref = model.get("source");
    source = null;
    finding = typeof ref === "string" && ref.startsWith("IPY_MODEL_")
      ? model.widget_manager.get_model(ref.slice("IPY_MODEL_".length)).then((found) => (source = found),
                                                                             () => null)
      : Promise.resolve(null);
  };
  const act = (control) => {
    const message = { event: "click" };
    // The form is empty at once, and so is the value sent; not in a quiz drawn from saved state, with
    // no kernel behind it (its controls do nothing until its cell runs).
    if (control && model.get("clears_source") && control.comm_live) {
      control.set("value", model.get("_source_empty"));
      control.save_changes();
    }
    if (control) message.value = control.get("value") ?? null;
    model.send(message);
  };
  button.addEventListener("click", () => {
    if (source || !model.get("source")) act(source);
    else finding.then(act);  // clicked before the source model was found (only just drawn)
  });
  // Enter and Space press the button; JupyterLab's notebook shortcuts never see them.
  button.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ")
        && !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)) {
      event.stopPropagation();
    }
  });

  const draw = () => {
    const style = model.get("button_style");
    button.className = "jupyter-widgets jupyter-button widget-button" + (style ? ` mod-${style}` : "");
    button.textContent = model.get("description");
    button.title = model.get("tooltip") || "";
    button.disabled = !!model.get("disabled");
  };
  find();
  draw();
  const names = ["change:description", "change:tooltip", "change:disabled", "change:button_style"];
  for (const name of names) model.on(name, draw);
  model.on("change:source", find);
  return () => {
    for (const name of names) model.off(name, draw);
    model.off("change:source", find);
  };
}
export default { render };
