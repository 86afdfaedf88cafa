// LiveRegion: one polite, atomic role=status region; only its children change.
const FIELDS = ["tone", "icon", "label", "message", "note", "footer"];

// The feedback icons as small inline SVG, so they are drawn on every system (a colour emoji such
// as U+2705 shows as an empty box where no emoji font is installed). Python sends the icon's text
// form (the symbol); the bold label next to it carries the same meaning in words, so the drawing
// is hidden from screen readers. Unknown symbols fall back to text.
const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  "\u2713": [["path", { d: "M3 8.5 6.5 12 13 4.5", fill: "none", "stroke-width": "2.2" }]],  // ✓ correct
  "\u2717": [["path", { d: "M4 4 12 12M12 4 4 12", fill: "none", "stroke-width": "2.2" }]],  // ✗ not quite
  "\u25D0": [["circle", { cx: "8", cy: "8", r: "6", fill: "none", "stroke-width": "1.6" }],      // ◐ partly
              ["path", { d: "M8 2a6 6 0 0 0 0 12z", stroke: "none" }]],
  "\u24D8": [["circle", { cx: "8", cy: "8", r: "6.2", fill: "none", "stroke-width": "1.5" }],    // ⓘ information
              ["path", { d: "M8 7v4.6", fill: "none", "stroke-width": "1.8" }],
              ["circle", { cx: "8", cy: "4.7", r: "1", stroke: "none" }]],
  "\u26A0": [["path", { d: "M8 1.8 14.8 13.8H1.2z", fill: "none", "stroke-width": "1.5",          // ⚠ warning
                         "stroke-linejoin": "round" }],
              ["path", { d: "M8 6v4", fill: "none", "stroke-width": "1.8" }],
              ["circle", { cx: "8", cy: "12", r: "0.95", stroke: "none" }]],
  "\u2913": [["path", { d: "M8 2v8M4.5 6.8 8 10.3l3.5-3.5", fill: "none", "stroke-width": "1.8",         // ⤓ saved
                         "stroke-linejoin": "round" }],                                                   // (assessment)
              ["path", { d: "M2.5 11v2.5h11V11", fill: "none", "stroke-width": "1.6", "stroke-linejoin": "round" }]],
};

function drawIcon(symbol) {
  const shapes = ICONS[symbol];
  if (!shapes) {
    const text = document.createElement("span");
    text.textContent = symbol;
    return text;
  }
  const svg = document.createElementNS(SVG, "svg");
  for (const [name, value] of Object.entries({ viewBox: "0 0 16 16", width: "16", height: "16",
    fill: "currentColor", stroke: "currentColor", "stroke-linecap": "round", focusable: "false" })) {
    svg.setAttribute(name, value);
  }
  svg.setAttribute("class", "kz-icon");
  svg.dataset.icon = symbol;
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}

function render({ model, el }) {
  // Created once per view and never replaced: only its children change, so it is announced.
  const region = document.createElement("div");
  region.className = "kz-live";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  el.replaceChildren(region);
  const node = (tag, className, text) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  };
  let queued = false;
  const show = () => {
    queued = false;
    const [tone, icon, label, message, note, footer] = FIELDS.map((name) => model.get(name) || "");
    const parts = [];
    if (label || message) {
      const box = node("div", `kz-live-box kz-tone-${tone.replace(/[^a-z]/g, "")}`);
      const strong = node("strong");
      if (icon) {
        const mark = drawIcon(icon);
        mark.setAttribute("aria-hidden", "true");
        strong.append(mark, " ");
      }
      strong.append(label);
      box.append(strong);
      if (message) box.append(label ? ` \u2014 ${message}` : message);
      if (note) box.append(node("br"), node("span", "kz-muted", note));
      parts.push(box);
    }
    if (footer) parts.push(node("div", "kz-live-footer kz-muted", footer));
    region.replaceChildren(...parts);
  };
  const later = () => { if (!queued) { queued = true; queueMicrotask(show); } };
  show();
  for (const name of FIELDS) model.on(`change:${name}`, later);
  return () => { for (const name of FIELDS) model.off(`change:${name}`, later); };
}
export default { render };
