/* mkdocs-participation: catalogue filters, text search, view switch and table sort, with the
   whole state in the URL query. No framework, no external host; without it every card and row
   stays on the page. */
(function () {
  "use strict";

  var OWN = { q: 1, vue: 1, tri: 1 };
  var catalogues = [];

  /* The same normalisation as search_key in core/facets.py. */
  function normalise(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function Catalogue(root) {
    var self = this;
    var rows = all(root, "tbody tr");
    this.root = root;
    this.form = root.querySelector("[data-participation-filters]");
    this.text = this.form.querySelector("input[type=search]");
    this.boxes = all(this.form, "input[type=checkbox]");
    this.names = all(this.form, "[data-facet]").map(function (el) { return el.dataset.facet; });
    this.counts = all(this.form, "[data-token]");
    this.status = root.querySelector("[role=status]");
    this.empty = root.querySelector("[data-participation-empty]");
    this.panels = all(root, "[data-view-panel]");
    this.buttons = all(root, "[data-view]");
    this.headers = all(root, "thead th");
    this.columns = this.headers.map(function (th) { return th.dataset.column; });
    this.plural = new Intl.PluralRules(document.documentElement.lang || "fr");
    this.entries = all(root, ".participation-entry").map(function (card, index) {
      var tokens = card.dataset.facets.split(" ");
      return { card: card, row: rows[index], index: index, tokens: tokens,
               has: new Set(tokens), words: " " + card.dataset.words };
    });
    this.order = this.entries;
    this.list = root.querySelector(".participation-cards > ul");
    this.body = root.querySelector("tbody");
    this.typing = false;

    this.headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "participation-sort";
      button.textContent = th.textContent;
      th.replaceChildren(button);
      button.addEventListener("click", function () {
        var name = th.dataset.column;
        self.sort = self.sort === name ? "-" + name : name;
        self.arrange();
        self.write(true);
      });
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) {
      if (event.target === self.text) { self.typing = false; return; }
      self.apply();
      self.write(true);
    });
    this.text.addEventListener("input", function () {
      self.apply();
      self.write(!self.typing);
      self.typing = true;
    });
    this.form.querySelector("[data-participation-reset]").addEventListener("click", function () {
      self.boxes.forEach(function (box) { box.checked = false; });
      self.text.value = "";
      self.apply();
      self.write(true);
    });
    this.buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        self.view = button.dataset.view;
        self.show();
        self.write(true);
      });
    });
    this.form.hidden = false;
    root.querySelector("[data-participation-views]").hidden = false;
    this.read();
  }

  /* Take the state from the URL: ?niveau=consulter,concerter&q=jury&vue=tableau&tri=-cout */
  Catalogue.prototype.read = function () {
    var params = new URLSearchParams(location.search);
    var chosen = {};
    this.names.forEach(function (name) {
      (params.get(name) || "").split(",").forEach(function (key) { chosen[name + "=" + key] = 1; });
    });
    this.boxes.forEach(function (box) { box.checked = !!chosen[box.name + "=" + box.value]; });
    all(this.form, "details").forEach(function (details) {
      if (details.querySelector(":checked")) details.open = true;
    });
    this.text.value = params.get("q") || "";
    this.view = params.get("vue") === "tableau" ? "tableau" : "cartes";
    this.sort = params.get("tri") || "";
    this.show();
    this.arrange();
    this.apply();
  };

  Catalogue.prototype.write = function (push) {
    var own = Object.assign({}, OWN);
    var parts = [];
    var chosen = {};
    this.names.forEach(function (name) { own[name] = 1; chosen[name] = []; });
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (!own[key]) parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
    });
    this.boxes.forEach(function (box) {
      if (box.checked) chosen[box.name].push(encodeURIComponent(box.value));
    });
    this.names.forEach(function (name) {
      if (chosen[name].length) parts.push(name + "=" + chosen[name].join(","));
    });
    if (this.text.value.trim()) parts.push("q=" + encodeURIComponent(this.text.value.trim()));
    if (this.view !== "cartes") parts.push("vue=" + this.view);
    if (this.sort) parts.push("tri=" + encodeURIComponent(this.sort));
    var url = location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
  };

  /* Any of the options ticked within a facet, all of the facets, and every word typed.
     Counts: how many cards an option would show, given the other facets and the words. */
  Catalogue.prototype.apply = function () {
    var selected = {};
    var active = [];
    var words = normalise(this.text.value).split(" ").filter(Boolean);
    var counts = {};
    var shown = 0;
    this.boxes.forEach(function (box) {
      if (!box.checked) return;
      if (!selected[box.name]) { selected[box.name] = []; active.push(box.name); }
      selected[box.name].push(box.name + "=" + box.value);
    });
    this.entries.forEach(function (entry) {
      var misses = 0;
      var failed = "";
      var i;
      var j;
      for (i = 0; i < words.length; i++) {
        if (entry.words.indexOf(" " + words[i]) < 0) { misses = 2; break; }
      }
      for (i = 0; i < active.length && misses < 2; i++) {
        var wanted = selected[active[i]];
        for (j = 0; j < wanted.length && !entry.has.has(wanted[j]); j++);
        if (j === wanted.length) { misses++; failed = active[i] + "="; }
      }
      if (entry.card.hidden !== (misses > 0)) {
        entry.card.hidden = misses > 0;
        entry.row.hidden = misses > 0;
      }
      if (misses === 0) shown++;
      if (misses > 1) return;
      entry.tokens.forEach(function (token) {
        if (!misses || token.lastIndexOf(failed, 0) === 0) counts[token] = (counts[token] || 0) + 1;
      });
    });
    this.counts.forEach(function (span) {
      var text = "(" + (counts[span.dataset.token] || 0) + ")";
      if (span.textContent !== text) span.textContent = text;
    });
    var form = this.status.dataset[this.plural.select(shown) === "one" ? "one" : "other"];
    var status = form.replace("{shown}", shown).replace("{total}", this.entries.length);
    if (this.status.textContent !== status) this.status.textContent = status;
    this.empty.hidden = shown > 0;
  };

  Catalogue.prototype.show = function () {
    var view = this.view;
    this.panels.forEach(function (panel) { panel.hidden = panel.dataset.viewPanel !== view; });
    this.buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    });
  };

  /* Sort cards and rows by a column: empty values last, ties in catalogue order. */
  Catalogue.prototype.arrange = function () {
    var descending = this.sort.charAt(0) === "-";
    var column = this.columns.indexOf(descending ? this.sort.slice(1) : this.sort);
    var order = this.entries.slice();
    if (column >= 0) {
      order.sort(function (a, b) {
        var x = a.row.cells[column].dataset.sort;
        var y = b.row.cells[column].dataset.sort;
        if (x === y) return a.index - b.index;
        if (!x || !y) return x ? -1 : 1;
        return (x < y) === descending ? 1 : -1;
      });
    }
    this.headers.forEach(function (th, index) {
      if (index === column) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    if (order.every(function (entry, index) { return entry === this.order[index]; }, this)) return;
    this.order = order;
    var cards = document.createDocumentFragment();
    var rows = document.createDocumentFragment();
    order.forEach(function (entry) { cards.appendChild(entry.card); rows.appendChild(entry.row); });
    this.list.appendChild(cards);
    this.body.appendChild(rows);
  };

  function start() {
    catalogues = catalogues.filter(function (catalogue) { return catalogue.root.isConnected; });
    all(document, "[data-participation-catalogue]").forEach(function (root) {
      if (root.dataset.ready) return;
      root.dataset.ready = "true";
      catalogues.push(new Catalogue(root));
    });
  }

  window.addEventListener("popstate", function () {
    catalogues.forEach(function (catalogue) { catalogue.read(); });
  });
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
