// Shared by choice.js and order.js: kzlessons/quiz/controls.py puts this file in front of each
// (an anywidget module is one file loaded from a blob, so it cannot load a sibling file).
//
// A fieldset labelled by its legend, described by its hint, that keeps JupyterLab's shortcuts
// away from the keys its controls use. Why not data-lm-suppress-shortcuts: see controls.py.
let seq = 0;
const prefix = "kzq" + Math.random().toString(36).slice(2, 8);
const OWN_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End",
                          "PageUp", "PageDown", " ", "Enter"]);

function fieldset(model, el) {
  const uid = `${prefix}-${++seq}`;
  const box = document.createElement("fieldset");
  box.className = "kz-group";
  box.addEventListener("keydown", (event) => {
    if (OWN_KEYS.has(event.key) && !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)) {
      event.stopPropagation();  // the browser still moves/ticks/opens; JupyterLab never sees the key
    }
  });
  const legend = document.createElement("legend");
  legend.id = `${uid}-legend`;
  box.setAttribute("aria-labelledby", legend.id);
  const hint = document.createElement("div");
  hint.className = "kz-hint";
  hint.id = `${uid}-hint`;
  const list = document.createElement("div");
  box.append(legend, hint, list);
  el.replaceChildren(box);
  const label = () => {
    legend.textContent = model.get("legend");
    hint.textContent = model.get("hint");
    hint.hidden = !hint.textContent;
    if (hint.textContent) box.setAttribute("aria-describedby", hint.id);
    else box.removeAttribute("aria-describedby");
  };
  const disable = () => { box.disabled = !!model.get("disabled"); };
  return { uid, box, list, label, disable };
}

function listen(model, names, callback) {
  for (const name of names) model.on(name, callback);
  return () => { for (const name of names) model.off(name, callback); };
}
