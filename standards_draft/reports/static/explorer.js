/* Evidence explorer: filters the evidence embedded in the page. Vanilla JS, no network.
   Respondent text is only ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var PAGE = 50;
  var dataEl = document.getElementById("evidence-data");
  var root = document.getElementById("explorer");
  if (!dataEl || !root) { return; }
  var data;
  try {
    data = JSON.parse(dataEl.textContent || "{}");
  } catch (err) {
    root.textContent = "The evidence could not be read.";
    return;
  }
  var rows = data.rows || [];
  var filters = data.filters || [];
  var shown = PAGE;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    var key;
    for (key in (attrs || {})) {
      if (Object.prototype.hasOwnProperty.call(attrs, key)) { node.setAttribute(key, attrs[key]); }
    }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function slug(s) {
    return String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function values(field) {
    var seen = {};
    var out = [];
    rows.forEach(function (r) {
      var v = r[field];
      if (v !== undefined && v !== null && v !== "" && !seen[v]) { seen[v] = true; out.push(v); }
    });
    if (field !== "element_label") { out.sort(); }
    return out;
  }

  while (root.firstChild) { root.removeChild(root.firstChild); }
  var form = el("form", { "aria-label": "Filter the evidence", "role": "search" });
  var selects = {};
  filters.forEach(function (f) {
    var id = "ev-filter-" + slug(f.field);
    var wrap = el("div");
    wrap.appendChild(el("label", { "for": id }, f.label));
    var sel = el("select", { "id": id, "name": f.field });
    sel.appendChild(el("option", { "value": "" }, "All"));
    values(f.field).forEach(function (v) { sel.appendChild(el("option", { "value": v }, v)); });
    sel.addEventListener("change", function () { shown = PAGE; render(); });
    selects[f.field] = sel;
    wrap.appendChild(sel);
    form.appendChild(wrap);
  });
  var searchWrap = el("div");
  searchWrap.appendChild(el("label", { "for": "ev-search" }, "Words in the quote"));
  var search = el("input", { "id": "ev-search", "type": "search", "autocomplete": "off" });
  search.addEventListener("input", function () { shown = PAGE; render(); });
  searchWrap.appendChild(search);
  form.appendChild(searchWrap);
  var resetWrap = el("div");
  var reset = el("button", { "type": "button", "class": "secondary", "id": "ev-reset" },
    "Clear filters");
  reset.addEventListener("click", function () {
    Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
    search.value = "";
    shown = PAGE;
    render();
  });
  resetWrap.appendChild(reset);
  form.appendChild(resetWrap);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  root.appendChild(form);

  var count = el("p", { "class": "count", "id": "ev-count", "role": "status",
    "aria-live": "polite" });
  root.appendChild(count);
  var list = el("ol", { "id": "ev-list", "aria-labelledby": "ev-count" });
  root.appendChild(list);
  var more = el("button", { "type": "button", "id": "ev-more" }, "Show more");
  more.addEventListener("click", function () { shown += PAGE; render(); });
  root.appendChild(more);

  function matches(r, words) {
    var k;
    for (k in selects) {
      if (Object.prototype.hasOwnProperty.call(selects, k)) {
        if (selects[k].value && r[k] !== selects[k].value) { return false; }
      }
    }
    if (words.length) {
      var q = String(r.quote || "").toLowerCase();
      for (k = 0; k < words.length; k += 1) {
        if (q.indexOf(words[k]) < 0) { return false; }
      }
    }
    return true;
  }

  function render() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = rows.filter(function (r) { return matches(r, words); });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    hits.slice(0, shown).forEach(function (r) {
      var li = el("li", { "class": "ev stance-" + slug(r.stance), "data-stance": r.stance,
        "data-element": r.element, "data-group": r.group, "data-language": r.language });
      li.appendChild(el("p", { "class": "ev-quote" }, r.quote));
      var meta = [r.element_label, r.group, r.language, r.source];
      if (r.campaign) { meta.push("campaign " + r.campaign); }
      meta.push("evidence " + r.id);
      var p = el("p", { "class": "ev-meta" });
      p.appendChild(el("strong", null, r.stance));
      p.appendChild(document.createTextNode(" \u00b7 " + meta.join(" \u00b7 ")));
      li.appendChild(p);
      list.appendChild(li);
    });
    count.textContent = hits.length + " of " + rows.length + " pieces of evidence" +
      (hits.length > shown ? " (showing the first " + shown + ")" : "");
    more.hidden = hits.length <= shown;
  }
  render();
}());
