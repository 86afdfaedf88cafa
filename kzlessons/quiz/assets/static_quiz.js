/* kzlessons static quiz: answers a self-check in a page with no kernel.
 * Shipped with the package (kzlessons/quiz/assets); no CDN, no framework.
 * Each quiz is a <div class="kzq"> holding a <form> and its question as JSON in
 * <script type="application/json" class="kzq-data">. Grading mirrors
 * the question types of kzlessons/quiz/model.py (choice.py, numeric.py, text.py; same messages);
 * tests compare the two on every bank question.
 * Nothing is stored or sent anywhere. */
(function () {
  "use strict";
  if (window.kzQuiz) { window.kzQuiz.initAll(); return; }
  /* tone -> [icon, label]. The icons are the JupyterLab widget's (kzlessons/quiz/js/live.js), drawn as
   * inline SVG so they show on every system (an emoji such as U+2705 is an empty box without an emoji
   * font); the label says the same in words, so the drawing is hidden from screen readers. */
  var ICONS = { correct: ["\u2713", "Correct"], partial: ["\u25d0", "Partly right"],
                wrong: ["\u2717", "Not quite"], hint: ["\u24d8", "Nothing to check yet"] };
  var SVG_NS = "http://www.w3.org/2000/svg";
  var SHAPES = {
    "\u2713": [["path", { d: "M3 8.5 6.5 12 13 4.5", fill: "none", "stroke-width": "2.2" }]],
    "\u2717": [["path", { d: "M4 4 12 12M12 4 4 12", fill: "none", "stroke-width": "2.2" }]],
    "\u25d0": [["circle", { cx: "8", cy: "8", r: "6", fill: "none", "stroke-width": "1.6" }],
               ["path", { d: "M8 2a6 6 0 0 0 0 12z", stroke: "none" }]],
    "\u24d8": [["circle", { cx: "8", cy: "8", r: "6.2", fill: "none", "stroke-width": "1.5" }],
               ["path", { d: "M8 7v4.6", fill: "none", "stroke-width": "1.8" }],
               ["circle", { cx: "8", cy: "4.7", r: "1", stroke: "none" }]]
  };
  function drawIcon(symbol) {
    var svg = document.createElementNS(SVG_NS, "svg");
    var attrs = { viewBox: "0 0 16 16", width: "16", height: "16", fill: "currentColor", stroke: "currentColor",
                  "stroke-linecap": "round", focusable: "false", "aria-hidden": "true", "class": "kzq-icon",
                  "data-icon": symbol };
    Object.keys(attrs).forEach(function (k) { svg.setAttribute(k, attrs[k]); });
    SHAPES[symbol].forEach(function (shape) {
      var el = document.createElementNS(SVG_NS, shape[0]);
      Object.keys(shape[1]).forEach(function (k) { el.setAttribute(k, shape[1][k]); });
      svg.appendChild(el);
    });
    return svg;
  }
  var JUNK = /[\s_'\u00a0\u202f\u2009\u2019]/g;  /* thousands separators that are never decimal marks */
  var PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  var GROUPED = { ",": /^[+-]?\d{1,3}(,\d{3})+$/, ".": /^[+-]?\d{1,3}(\.\d{3})+$/ };
  var SCALES = { thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };
  var SCALE_WORD = /^(.*?\d)\s*(thousand|million|billion|mln|mn|bn|k)\.?$/i;
  function count(text, ch) { return text.split(ch).length - 1; }
  /* The possible values of a typed number, as numeric._readings: [[value, how it was read]], or null. */
  function readingsOf(text) {
    if (PLAIN.test(text)) return [[parseFloat(text), ""]];
    if (text.indexOf(",") >= 0 && text.indexOf(".") >= 0) {
      var mark = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
      var at = text.lastIndexOf(mark), whole = text.slice(0, at), fraction = text.slice(at + 1);
      var other = mark === "," ? "." : ",";
      if (/^\d+$/.test(fraction) && (GROUPED[other].test(whole) || PLAIN.test(whole)) && whole.indexOf(other) >= 0)
        return [[parseFloat(whole.split(other).join("") + "." + fraction), ""]];
      return null;
    }
    var sep = null;
    if (count(text, ",") >= 1) sep = ","; else if (count(text, ".") >= 2) sep = ".";
    if (!sep) return null;
    if (GROUPED[sep].test(text) && count(text, sep) >= 2) return [[parseFloat(text.split(sep).join("")), ""]];
    if (sep === "." || count(text, ",") !== 1) return null;
    var parts = text.split(","), decimal = parts[0] + "." + parts[1];
    if (!PLAIN.test(decimal) || decimal.toLowerCase().indexOf("e") >= 0) return null;
    var bare = parts[0].replace(/^[+-]+/, "");
    if (GROUPED[","].test(text) && bare !== "" && bare !== "0")
      return [[parseFloat(parts[0] + parts[1]), "thousands separator"], [parseFloat(decimal), "decimal comma"]];
    return [[parseFloat(decimal), "decimal comma"]];
  }

  function clip(text, limit) { limit = limit || 60; return text.length <= limit ? text : text.slice(0, limit - 1) + "\u2026"; }
  function pyRepr(text) { return text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' + text + '"' : "'" + text.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'"; }
  function normalise(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[\p{P}\p{S}\p{Z}\p{C}]/gu, " ")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  var TYPO_MIN_CHARS = 8, FILLER = { the: 1, a: 1, an: 1 };
  /* The ways a short answer is compared, as text._text_candidates. */
  function textCandidates(answer, prompt) {
    var base = answer.replace(/\s*[&+]\s*/g, " and ");
    var forms = [base, base.replace(/\([^()]*\)|\[[^\[\]]*\]/g, " ")];
    var removable = Object.assign({}, FILLER);
    normalise(prompt).split(" ").forEach(function (w) { if (w) removable[w] = 1; });
    var out = [];
    forms.forEach(function (form) {
      var words = normalise(form).split(" ").filter(function (w) { return w; });
      if (!words.length) return;
      var n = words.length, spans = [[0, n]], k;
      if (n <= 12) {
        var lead = n, trail = n;
        for (k = 0; k < n; k++) if (!(words[k] in removable)) { lead = k; break; }
        for (k = 0; k < n; k++) if (!(words[n - 1 - k] in removable)) { trail = k; break; }
        for (var a = 0; a <= lead; a++) for (var b = 0; b <= trail; b++) if (a < n - b) spans.push([a, n - b]);
      }
      spans.forEach(function (sp) { var t = words.slice(sp[0], sp[1]).join(" "); if (out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  }
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var k;
    if (a.length === b.length) {
      var diff = [];
      for (k = 0; k < a.length; k++) if (a[k] !== b[k]) diff.push(k);
      return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
    }
    var short = a.length < b.length ? a : b, long = a.length < b.length ? b : a;
    for (k = 0; k < short.length && short[k] === long[k]; k++);
    return short.slice(k) === long.slice(k + 1);
  }
  function fmtNumber(v) {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return Math.abs(v) < 1e4 ? String(v) : v.toLocaleString("en-US");
    var g = String(Number(v.toPrecision(6)));
    if (Math.abs(v) >= 1e5) { var parts = g.split("."); parts[0] = Number(parts[0]).toLocaleString("en-US"); g = parts.join("."); }
    return g;
  }
  function option(q, id) { for (var i = 0; i < q.options.length; i++) if (q.options[i].id === id) return q.options[i]; return null; }
  function result(correct, score, feedback) { return { correct: correct, score: score, feedback: feedback }; }
  function wrong(q, specific) {
    var parts = [specific, q.feedback].filter(function (p) { return p; });
    return result(false, 0, parts.join(" ") || "Not quite. Read the explanation and try again.");
  }
  function unreadable(message) { return result(false, 0, message); }

  /* Grade an answer exactly as Question.check does. */
  function grade(q, answer) {
    var how = q.how, i;
    if (q.type === "single") {
      if (answer === null || answer === "") return unreadable("No option was chosen. " + how);
      var chosen = option(q, answer);
      if (!chosen) return unreadable(pyRepr(clip(answer)) + " is not one of the options. " + how);
      return chosen.id === q.answer ? result(true, 1, "Correct.") : wrong(q, chosen.feedback);
    }
    if (q.type === "multiple") {
      if (!answer.length) return unreadable("Nothing was ticked. " + how);
      var right = q.answer, hits = 0, wrongIds = [];
      answer.forEach(function (a) { if (right.indexOf(a) >= 0) hits++; else wrongIds.push(a); });
      var same = hits === right.length && !wrongIds.length;
      if (same) return result(true, 1, "Correct: you found all of them and nothing else.");
      var score = Math.max(0, (hits - wrongIds.length) / right.length);
      var notes = q.options.filter(function (o) { return wrongIds.indexOf(o.id) >= 0 && o.feedback; })
        .map(function (o) { return o.feedback; });
      var missed = right.filter(function (r) { return answer.indexOf(r) < 0; }).length;
      var summary = hits + " of your " + answer.length + " choices " + (hits === 1 ? "is" : "are") + " right";
      summary += missed ? " and you missed " + missed + "." : ".";
      return result(false, Math.round(score * 1e4) / 1e4,
        [summary].concat(notes, [q.feedback]).filter(function (p) { return p; }).join(" "));
    }
    if (q.type === "numeric") {
      if (answer.length > 100) return unreadable("That is too long to be a number. " + how);
      var raw = answer.trim();
      var text = answer.normalize("NFKC").trim().replace(/\u2212/g, "-").replace(JUNK, "");
      var unit = (q.unit || "").normalize("NFKC").replace(JUNK, "");
      if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, text.length - unit.length);
      var scale = 1, word = SCALE_WORD.exec(text);
      if (word) { text = word[1]; scale = SCALES[word[2].toLowerCase()]; }
      var readings = readingsOf(text);
      if (!readings) return unreadable(pyRepr(clip(raw)) + " is not a number. " + how);
      readings = readings.map(function (r) { return [r[0] * scale, r[1]]; });
      if (readings.some(function (r) { return !isFinite(r[0]); })) return unreadable("That is not a finite number. " + how);
      var key = q.answer, low, high;
      if ("min" in key) { low = key.min; high = key.max; }
      else {
        var tol = "abs_tol" in key ? key.abs_tol : Math.abs(key.value) * (key.rel_tol || 0);
        low = key.value - tol; high = key.value + tol;
      }
      var picked = readings[0];
      if (readings.length > 1) {
        var near = readings.filter(function (r) {
          var v = r[0];
          return (Math.min(low / 10, low * 10) <= v && v <= Math.max(high * 10, high / 10)) || (low <= 0 && 0 <= high && Math.abs(v) < 1);
        });
        if (near.length !== 1)
          return unreadable(pyRepr(clip(raw)) + " could mean " + fmtNumber(readings[0][0]) + " or " + fmtNumber(readings[1][0]) +
            ". Type " + fmtNumber(readings[0][0]).replace(/,/g, "") + " (no comma) or " + String(Number(readings[1][0].toPrecision(6))) +
            " (a point for decimals), then press Check.");
        picked = near[0];
      }
      var value = picked[0];
      var u = q.unit ? " " + q.unit : "";
      var read = picked[1] ? " (your " + pyRepr(clip(raw, 20)) + " read with a " + picked[1] + ")" : "";
      if (low <= value && value <= high) return result(true, 1, "Correct: " + fmtNumber(value) + u + read + " is within the accepted range.");
      return wrong(q, fmtNumber(value) + u + read + " is " + (value < low ? "too low" : "too high") + ".");
    }
    if (q.type === "text") {
      if (answer.length > 2000) return unreadable("That answer is too long (" + answer.length.toLocaleString("en-US") + " characters). " + how);
      var given = normalise(answer);
      if (!given) return unreadable("The answer is empty. " + how);
      var accepted = {};
      q.answer.accept.forEach(function (a) { accepted[normalise(a)] = a; });  /* the last variant of a form wins, as in Python */
      var candidates = textCandidates(answer, q.prompt || "");
      if (candidates.some(function (c) { return c in accepted; })) return result(true, 1, "Correct.");
      for (i = 0; i < candidates.length; i++)
        for (var norm in accepted)
          if (norm.length >= TYPO_MIN_CHARS && oneEditApart(candidates[i], norm))
            return result(true, 1, "Correct (it is usually spelt \u201c" + accepted[norm] + "\u201d).");
      return wrong(q, "");
    }
    if (q.type === "ordering") {
      var ids = q.options.map(function (o) { return o.id; });
      var set = {}; answer.forEach(function (a) { if (a) set[a] = 1; });
      if (answer.length !== ids.length || answer.indexOf(null) >= 0 || Object.keys(set).length !== ids.length
          || !ids.every(function (id) { return set[id]; }))
        return unreadable("Some items are missing or used twice. " + how);
      if (answer.join("\u0000") === q.answer.join("\u0000")) return result(true, 1, "Correct: everything is in the right order.");
      var rank = {}; q.answer.forEach(function (item, k) { rank[item] = k; });
      var n = answer.length, pairs = n * (n - 1) / 2, good = 0, placed = 0, j;
      for (i = 0; i < n; i++) { if (answer[i] === q.answer[i]) placed++; for (j = i + 1; j < n; j++) if (rank[answer[i]] < rank[answer[j]]) good++; }
      var s = good + " of " + pairs + " pairs are in the right order, and " + placed + " of " + n + " items are in the right place.";
      return result(false, Math.round(good / pairs * 1e4) / 1e4, [s, q.feedback].filter(function (p) { return p; }).join(" "));
    }
    return unreadable("This kind of question cannot be checked here.");
  }
  function status(r) { return r.correct ? "correct" : (r.score > 0 ? "partial" : "wrong"); }

  /* What the learner entered, in the form grade() takes; null when nothing was entered. */
  function answerOf(form, q) {
    if (q.type === "single") { var c = form.querySelector("input[type=radio]:checked"); return c ? c.value : null; }
    if (q.type === "multiple") {
      var picked = [].map.call(form.querySelectorAll("input[type=checkbox]:checked"), function (e) { return e.value; });
      return picked.length ? picked : null;
    }
    if (q.type === "ordering") {
      var order = [].map.call(form.querySelectorAll("select"), function (e) { return e.value || null; });
      return order.every(function (v) { return v === null; }) ? null : order;
    }
    var v = form.querySelector("input[type=text]").value;
    return v.trim() ? v : null;
  }

  function show(box, tone, message, attempts, note) {
    var icon = ICONS[tone][0], label = ICONS[tone][1];
    if (message.toLowerCase().indexOf(label.toLowerCase()) === 0) {
      message = message.slice(label.length).replace(/^[\s:.\u2014-]+/, "");
      message = message.charAt(0).toUpperCase() + message.slice(1);
    }
    box.className = "kzq-feedback kzq-" + tone;
    box.textContent = "";
    var head = document.createElement("strong");
    head.appendChild(drawIcon(icon));
    head.appendChild(document.createTextNode(" " + label));
    box.appendChild(head);
    if (message) box.appendChild(document.createTextNode(" \u2014 " + message));
    if (note) { var p = document.createElement("span"); p.className = "kzq-note"; p.textContent = " " + note; box.appendChild(p); }
    var f = document.createElement("span"); f.className = "kzq-attempts"; f.textContent = " Attempts: " + attempts;
    box.appendChild(f);
  }

  function init(root) {
    if (root.getAttribute("data-kzq-ready")) return;
    var data = root.querySelector("script.kzq-data");
    var form = root.querySelector("form");
    if (!data || !form) return;
    var q = JSON.parse(data.textContent);
    var box = root.querySelector(".kzq-feedback"), answerBox = root.querySelector("details.kzq-answer");
    var attempts = 0, revealAfter = q.reveal_after || 2;
    root.setAttribute("data-kzq-ready", "1");
    root.classList.add("kzq-live");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answer = answerOf(form, q);
      if (answer === null) { show(box, "hint", q.how, attempts, ""); return; }
      var r = grade(q, answer);
      attempts++;
      var tone = status(r), reveal = r.correct || attempts >= revealAfter;
      var message = tone === "partial" ? "score " + Math.round(r.score * 100) + "%. " + r.feedback : r.feedback;
      var note = reveal ? "The answer and explanation are open below." :
        "Try again; the answer opens after " + revealAfter + " tries, or open it yourself below.";
      show(box, tone, message, attempts, note);
      if (reveal && answerBox) answerBox.open = true;
    });
    form.addEventListener("reset", function () {
      box.className = "kzq-feedback"; box.textContent = "";
      if (answerBox) answerBox.open = false;
    });
  }
  function initAll() { [].forEach.call(document.querySelectorAll("div.kzq"), init); }
  window.kzQuiz = { grade: grade, normalise: normalise, init: init, initAll: initAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
