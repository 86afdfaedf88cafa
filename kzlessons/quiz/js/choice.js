// ChoiceGroup: radios or checkboxes in a fieldset (fieldset.js comes first).
function render({ model, el }) {
  const { uid, box, list, label, disable } = fieldset(model, el);
  let inputs = [];
  const show = () => {
    const value = model.get("value");
    const chosen = new Set(Array.isArray(value) ? value : value == null ? [] : [value]);
    for (const input of inputs) input.checked = chosen.has(input.value);
  };
  const current = () => {  // what the page shows
    const picked = inputs.filter((input) => input.checked).map((input) => input.value);
    return model.get("multiple") ? picked : (picked.length ? picked[0] : null);
  };
  const changed = () => {
    model.set("value", current());
    model.save_changes();
  };
  const key = (event) => {
    if (event.key === "Enter" && !(event.shiftKey || event.ctrlKey || event.altKey || event.metaKey)) {
      event.preventDefault();
      // The choice shown goes with Enter: the kernel may not have had the last change yet.
      model.send({ event: "submit", value: current() });
    }
  };
  const build = () => {
    const multiple = !!model.get("multiple");
    box.setAttribute("role", multiple ? "group" : "radiogroup");
    label();
    inputs = [];
    list.replaceChildren(...model.get("options").map(([id, text], i) => {
      const row = document.createElement("label");
      row.className = "kz-option";
      const input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = uid;
      input.id = `${uid}-${i}`;
      input.value = id;
      input.addEventListener("change", changed);
      input.addEventListener("keydown", key);
      const words = document.createElement("span");
      words.textContent = text;
      row.append(input, words);
      inputs.push(input);
      return row;
    }));
    show();
    disable();
  };
  build();
  const stops = [
    listen(model, ["change:options", "change:multiple", "change:legend", "change:hint"], build),
    listen(model, ["change:value"], show),
    listen(model, ["change:disabled"], disable),
  ];
  return () => stops.forEach((stop) => stop());
}
export default { render };
