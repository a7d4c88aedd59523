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
