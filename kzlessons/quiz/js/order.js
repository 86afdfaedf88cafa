// OrderGroup: one labelled <select> per position in a fieldset (fieldset.js comes first).
function render({ model, el }) {
  const { uid, list, label, disable } = fieldset(model, el);
  let selects = [];
  const show = () => {
    const value = model.get("value") || [];
    selects.forEach((select, i) => { select.value = value[i] == null ? "" : value[i]; });
  };
  const changed = () => {
    model.set("value", selects.map((select) => select.value || null));
    model.save_changes();
  };
  const build = () => {
    label();
    const options = model.get("options");
    selects = [];
    list.replaceChildren(...model.get("slot_labels").map((name, i) => {
      const row = document.createElement("div");
      row.className = "kz-position";
      const tag = document.createElement("label");
      tag.htmlFor = `${uid}-${i}`;
      tag.textContent = name;
      const select = document.createElement("select");
      select.id = `${uid}-${i}`;
      const blank = document.createElement("option");
      blank.value = "";
      blank.textContent = model.get("placeholder");
      select.append(blank);
      for (const [id, text] of options) {
        const option = document.createElement("option");
        option.value = id;
        option.textContent = text;
        select.append(option);
      }
      select.addEventListener("change", changed);
      row.append(tag, select);
      selects.push(select);
      return row;
    }));
    show();
    disable();
  };
  build();
  const stops = [
    listen(model, ["change:options", "change:slot_labels", "change:placeholder", "change:legend",
                   "change:hint"], build),
    listen(model, ["change:value"], show),
    listen(model, ["change:disabled"], disable),
  ];
  return () => stops.forEach((stop) => stop());
}
export default { render };
