// readout-compare report: partner highlighting, filters kept in the URL, deep links.
// Everything here is an enhancement: the page is complete without it.
(function () {
  "use strict";
  var body = document.body;
  var active = [];
  function clearActive() {
    active.forEach(function (el) { el.classList.remove("active"); });
    active = [];
  }
  function partnersOf(el) {
    var ids = (el.getAttribute("data-partners") || "").split(" ").filter(Boolean);
    return ids.map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  function activate(el, scroll) {
    clearActive();
    var partners = partnersOf(el);
    active = [el].concat(partners);
    active.forEach(function (p) { p.classList.add("active"); });
    if (scroll && partners.length) {
      partners[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
  // Each sentence's text is focusable; the sentence around it carries its partners.
  document.querySelectorAll(".sent").forEach(function (el) {
    var text = el.querySelector(".text[tabindex]");
    el.addEventListener("click", function (ev) {
      if (ev.target.closest("a, summary, details")) { return; }
      activate(el, true);
      var details = el.querySelector("details.pair");
      if (details) { details.open = !details.open; }
    });
    if (!text) { return; }
    text.addEventListener("focus", function () { activate(el, true); });
    text.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        var details = el.querySelector("details.pair");
        if (details) { details.open = !details.open; }
      }
    });
  });

  var controls = document.querySelector(".controls");
  var buttons = controls ? controls.querySelectorAll("button[data-filter]") : [];
  function setFilter(name, push) {
    body.className = body.className.replace(/\bfilter-\S+/g, "").trim();
    if (name && name !== "all") { body.classList.add("filter-" + name); }
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === (name || "all")));
    });
    if (push) {
      try {
        var url = new URL(window.location.href);
        if (name && name !== "all") { url.searchParams.set("show", name); } else { url.searchParams.delete("show"); }
        history.replaceState(null, "", url.toString());
      } catch (e) { /* a sandboxed viewer may forbid it: the filter still applies */ }
    }
  }
  if (controls) {
    controls.hidden = false;
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { setFilter(b.getAttribute("data-filter"), true); });
    });
    var allowed = ["all", "omitted", "not_in_readout", "divergent", "quotes"];
    var wanted = new URLSearchParams(window.location.search).get("show");
    if (wanted && allowed.indexOf(wanted) >= 0) { setFilter(wanted, false); }
  }

  function followHash() {
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }  // "#%E0%A4%A"
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    var details = el.closest("details");
    if (details) { details.open = true; }
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    if (el.classList.contains("sent")) { activate(el, false); }
  }
  // A table wider than its box scrolls sideways; say so above it (issue 35).
  function markOverflowing() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      wrap.classList.toggle("overflows", wrap.scrollWidth > wrap.clientWidth + 1);
    });
  }
  markOverflowing();
  window.addEventListener("resize", markOverflowing);

  window.addEventListener("hashchange", followHash);
  if (document.readyState === "complete") { followHash(); } else { window.addEventListener("load", followHash); }
})();

// Reviewing: "confirm" and "correct" on every verdict, kept in this browser (localStorage, under
// the report's identity: its texts' keys, so a re-run of the same texts finds them again) and
// exported as a review file for `readout-compare compare … --review FILE`.
(function () {
  "use strict";
  var panel = document.getElementById("review-panel");
  var dataEl = document.getElementById("report-data");
  if (!panel || !dataEl) { return; }
  var report;
  try { report = JSON.parse(dataEl.textContent); } catch (e) { return; }
  var FIELDS = ["key", "status", "readout", "fidelity", "note", "reviewer", "at"];
  var WORDS = { supported: "supported", divergent: "divergent", not_in_readout: "not in readout",
                verbatim: "verbatim", altered: "altered", stitched: "stitched" };
  var STATUSES = ["supported", "divergent", "not_in_readout"];
  var FIDELITIES = ["verbatim", "altered", "stitched", "not_in_readout"];
  var storeName = "readout-compare-review:" + panel.getAttribute("data-report");
  var nameInput = document.getElementById("review-name");
  var count = document.getElementById("review-count");
  var memory = {};  // where reviews live when the browser keeps no storage for this page

  var readout = reviewReadout(report);
  var units = reviewUnits(report, readout.keyOf);
  var saved = reviewEntries(report);  // what the report was made with (--review)
  var local = reviewLoad(storeName, memory);  // what this browser added since

  function current() {
    var all = {};
    Object.keys(saved).forEach(function (k) { all[k] = saved[k]; });
    Object.keys(local).forEach(function (k) { all[k] = local[k]; });
    return all;
  }
  function refresh() {
    var all = current();
    var n = Object.keys(all).length;
    var mine = Object.keys(local).length;
    count.textContent = n ? (n + (n === 1 ? " verdict" : " verdicts") + " reviewed" +
      (mine ? " (" + mine + " in this browser; export to keep them)" : "")) :
      "No verdicts reviewed in this browser.";
    document.querySelectorAll("[data-key] .rv-mine").forEach(function (mark) {
      var key = mark.closest("[data-key]").getAttribute("data-key");
      // A review the report was made with is shown by the report itself; this browser's own
      // reviews are shown here.
      mark.textContent = local[key] ? reviewWords(local[key], units[key], readout.idOf) : "";
      var undo = mark.parentNode.querySelector(".rv-undo");
      if (undo) { undo.hidden = !local[key]; }
    });
  }
  function record(key, entry) {
    var name = nameInput.value.trim();
    if (name) { entry.reviewer = name; }
    entry.at = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    local[key] = reviewClean(entry, FIELDS);
    reviewSave(storeName, local, memory);
    refresh();
  }

  try { nameInput.value = window.localStorage.getItem("readout-compare-reviewer") || ""; } catch (e) { /* no storage */ }
  nameInput.addEventListener("change", function () {
    try { window.localStorage.setItem("readout-compare-reviewer", nameInput.value.trim()); } catch (e) { /* no storage */ }
  });

  document.querySelectorAll("[data-key]").forEach(function (el) {
    var key = el.getAttribute("data-key");
    var unit = units[key];
    if (!unit) { return; }
    var host = el.tagName === "TR" ? (el.querySelector("td.verdict") || el) : el;
    var actions = document.createElement("span");
    actions.className = "review-actions";
    var confirmButton = reviewButton("Confirm", "rv-confirm",
      "Confirm the verdict on " + unit.id + ": " + WORDS[unit.verdict]);
    var correctButton = reviewButton("Correct", "rv-correct", "Correct the verdict on " + unit.id);
    correctButton.setAttribute("aria-expanded", "false");
    var undoButton = reviewButton("Undo", "rv-undo", "Undo this browser's review of " + unit.id);
    var mark = document.createElement("span");
    mark.className = "rv-mine";
    mark.setAttribute("role", "status");
    actions.append(confirmButton, correctButton, undoButton, mark);
    host.appendChild(actions);
    // The sentence around them toggles its diff on a click; these buttons are not that click.
    actions.addEventListener("click", function (ev) { ev.stopPropagation(); });
    confirmButton.addEventListener("click", function () {
      var entry = { key: key };
      if (unit.kind === "quote") {
        entry.fidelity = unit.verdict;
      } else {
        entry.status = unit.verdict;
        if (unit.verdict !== "not_in_readout") { entry.readout = unit.readout; }
      }
      record(key, entry);
    });
    undoButton.addEventListener("click", function () {
      delete local[key];
      reviewSave(storeName, local, memory);
      refresh();
    });
    correctButton.addEventListener("click", function () {
      var open = host.querySelector(".rv-form");
      if (open) { open.remove(); correctButton.setAttribute("aria-expanded", "false"); return; }
      var form = reviewForm(unit, current()[key], readout.options, WORDS,
                            unit.kind === "quote" ? FIDELITIES : STATUSES);
      host.appendChild(form);
      correctButton.setAttribute("aria-expanded", "true");
      form.addEventListener("click", function (ev) { ev.stopPropagation(); });
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var verdict = form.elements.verdict.value;
        var entry = { key: key, note: form.elements.note.value.trim() };
        if (unit.kind === "quote") {
          entry.fidelity = verdict;
        } else {
          entry.status = verdict;
          if (verdict !== "not_in_readout") { entry.readout = form.elements.readout.value; }
        }
        form.remove();
        correctButton.setAttribute("aria-expanded", "false");
        record(key, entry);
        correctButton.focus();
      });
      form.querySelector(".rv-cancel").addEventListener("click", function () {
        form.remove();
        correctButton.setAttribute("aria-expanded", "false");
        correctButton.focus();
      });
      form.elements.verdict.focus();
    });
  });

  document.getElementById("review-export").addEventListener("click", function () {
    var all = current();
    var order = Object.keys(units).concat(Object.keys(all).filter(function (k) { return !units[k]; }));
    var entries = order.filter(function (k) { return all[k]; }).map(function (k) { return all[k]; });
    var blob = new Blob([JSON.stringify({ reviews: entries }, null, 2) + "\n"],
                        { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "review-" + panel.getAttribute("data-report") + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });
  document.getElementById("review-clear").addEventListener("click", function () {
    local = {};
    reviewSave(storeName, local, memory);
    refresh();
  });
  panel.hidden = false;
  refresh();
})();

// The readout's body sentences (what a sentence can be said to report), and their keys by id.
function reviewReadout(report) {
  var keyOf = {}, idOf = {}, options = [];
  report.readout.sentences.forEach(function (s) {
    keyOf[s.id] = s.key;
    idOf[s.key] = s.id;
    if (s.role === "body") { options.push(s); }
  });
  return { keyOf: keyOf, idOf: idOf, options: options };
}

// Every verdict a reporter can review, by key: account sentences with a status, quotations.
function reviewUnits(report, keyOf) {
  var units = {};
  report.accounts.forEach(function (acc) {
    acc.sentences.forEach(function (s) {
      if (!s.status) { return; }
      var claims = s.matches.filter(function (m) { return m.basis === "claim"; });
      var linked = (claims.length ? claims : s.matches)[0];
      var unit = { kind: "sentence", id: s.id, verdict: s.status,
                   readout: linked ? keyOf[linked.readout_sentence] : null };
      // Confirmed or corrected is said against the tool's own verdict, kept in a review.
      unit.tool = s.review ? s.review.tool_verdict : unit.verdict;
      unit.toolReadouts = (s.review ? s.review.tool_readout_sentences :
        claims.map(function (m) { return m.readout_sentence; })).map(function (r) { return keyOf[r]; });
      units[s.key] = unit;
    });
    acc.quotes.forEach(function (q) {
      if (q.kind === "title") { return; }
      var unit = { kind: "quote", id: q.id, verdict: q.fidelity,
                   readout: q.readout_sentence ? keyOf[q.readout_sentence] : null };
      unit.tool = q.review ? q.review.tool_verdict : unit.verdict;
      unit.toolReadouts = (q.review ? q.review.tool_readout_sentences :
        (q.readout_sentence ? [q.readout_sentence] : [])).map(function (r) { return keyOf[r]; });
      units[q.key] = unit;
    });
  });
  return units;
}

// The review file's entries the report was made with, applied or stale, by key.
function reviewEntries(report) {
  var out = {};
  function add(r) {
    var entry = {};
    ["key", "status", "readout", "fidelity", "note", "reviewer", "at"].forEach(function (f) {
      if (r[f]) { entry[f] = r[f]; }
    });
    out[entry.key] = entry;
  }
  report.accounts.forEach(function (acc) {
    acc.sentences.forEach(function (s) { if (s.review) { add(s.review); } });
    acc.quotes.forEach(function (q) { if (q.review) { add(q.review); } });
  });
  if (report.reviews) { report.reviews.stale.forEach(add); }
  return out;
}

function reviewClean(entry, fields) {
  var out = {};
  fields.forEach(function (f) { if (entry[f]) { out[f] = entry[f]; } });
  return out;
}

function reviewLoad(name, memory) {
  try {
    var text = window.localStorage.getItem(name);
    var found = text ? JSON.parse(text) : {};
    return found && typeof found === "object" ? found : {};
  } catch (e) {
    return memory;
  }
}

function reviewSave(name, entries, memory) {
  try {
    if (Object.keys(entries).length) {
      window.localStorage.setItem(name, JSON.stringify(entries));
    } else {
      window.localStorage.removeItem(name);
    }
  } catch (e) {
    Object.keys(memory).forEach(function (k) { delete memory[k]; });
    Object.keys(entries).forEach(function (k) { memory[k] = entries[k]; });
  }
}

function reviewButton(text, className, label) {
  var b = document.createElement("button");
  b.type = "button";
  b.className = "rv-button " + className;
  b.textContent = text;
  b.setAttribute("aria-label", label);
  return b;
}

// What a reviewed verdict says, in words, beside the tool's.
function reviewWords(entry, unit, idOf) {
  if (!entry) { return ""; }
  var verdict = entry.status || entry.fidelity;
  var words = { supported: "supported", divergent: "divergent", not_in_readout: "not in readout",
                verbatim: "verbatim", altered: "altered", stitched: "stitched" };
  var same = unit && verdict === unit.tool &&
    (!entry.readout || unit.toolReadouts.indexOf(entry.readout) >= 0);
  var text = same ? "Reviewed: confirmed" : "Reviewed: corrected to " + words[verdict];
  if (!same && entry.readout && idOf[entry.readout]) { text += " (" + idOf[entry.readout] + ")"; }
  if (entry.reviewer) { text += " by " + entry.reviewer; }
  return text + ".";
}

// The "correct" form: the verdict, the readout sentence it reports (for a sentence), a note.
function reviewForm(unit, entry, options, words, verdicts) {
  var form = document.createElement("form");
  form.className = "rv-form";
  function labelled(text, control) {
    var label = document.createElement("label");
    label.append(text + " ", control);
    form.appendChild(label);
    return label;
  }
  var verdict = document.createElement("select");
  verdict.name = "verdict";
  verdicts.forEach(function (v) { verdict.add(new Option(words[v], v)); });
  verdict.value = (entry && (entry.status || entry.fidelity)) || unit.verdict;
  labelled(unit.kind === "quote" ? "Quotation" : "Verdict", verdict);
  var readoutLabel = null;
  if (unit.kind === "sentence") {
    var readout = document.createElement("select");
    readout.name = "readout";
    options.forEach(function (s) {
      var text = s.text.length > 70 ? s.text.slice(0, 69) + "…" : s.text;
      readout.add(new Option(s.id + ": " + text, s.key));
    });
    readout.value = (entry && entry.readout) || unit.readout || (options[0] && options[0].key);
    readoutLabel = labelled("reports", readout);
    var sync = function () { readoutLabel.hidden = verdict.value === "not_in_readout"; };
    verdict.addEventListener("change", sync);
    sync();
  }
  var note = document.createElement("input");
  note.type = "text";
  note.name = "note";
  note.size = 30;
  note.value = (entry && entry.note) || "";
  labelled("Note", note);
  var save = document.createElement("button");
  save.type = "submit";
  save.textContent = "Save";
  var cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "rv-cancel";
  cancel.textContent = "Cancel";
  form.append(save, " ", cancel);
  return form;
}
