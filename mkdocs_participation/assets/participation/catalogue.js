/* mkdocs-participation: catalogue filters, text search, view switch and table sort, with the
   whole state in the URL query. No framework, no external host; without it every card stays on
   the page. The table's rows are made here from the cards, and the search words of the cards
   are fetched when a visitor first types (until then the cards' own text is searched). */
(function () {
  "use strict";

  var OWN = { q: 1, vue: 1, tri: 1 };
  /* Cards and rows shown at once; "show more" adds as many. Keeps a filter quick at any size. */
  var PAGE = 60;
  /* A class, not the hidden attribute: Material's [hidden] selectors would make the browser
     restyle every card's descendants on each filter. */
  var OFF = "participation-off";
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

  /* A table row made from a card: the title cell (the card's link and compare toggles) where
     the title column is, one cell per fact elsewhere, and the sort keys of the cells. */
  function tableRow(card, columns) {
    var row = document.createElement("tr");
    var facts = all(card, ".participation-entry__facts > div");
    var title = card.querySelector(".participation-entry__title a");
    var keys = [];
    row.dataset.slug = card.dataset.slug;
    columns.forEach(function (name) {
      var cell;
      if (name === "title") {
        cell = document.createElement("th");
        cell.scope = "row";
        cell.appendChild(title.cloneNode(true));
        all(card, "[data-participation-compare]").forEach(function (toggle) {
          cell.appendChild(toggle.cloneNode(true));
        });
        keys.push(normalise(title.textContent));
      } else {
        var fact = facts.shift();
        var value = fact && fact.querySelector("dd");
        cell = document.createElement("td");
        cell.textContent = value ? value.textContent : "";
        if (!value || fact.classList.contains("participation-fact--missing")) {
          cell.className = "participation-fact--missing";
        }
        keys.push(value && value.dataset.sort || "");
      }
      row.appendChild(cell);
    });
    return {row: row, keys: keys};
  }

  function Catalogue(root) {
    var self = this;
    this.root = root;
    this.form = root.querySelector("[data-participation-filters]");
    this.text = this.form.querySelector("input[type=search]");
    this.boxes = all(this.form, "input[type=checkbox]");
    this.names = all(this.form, "[data-facet]").map(function (el) { return el.dataset.facet; });
    this.counts = all(this.form, "[data-token]");
    this.status = root.querySelector("[role=status]");
    this.empty = root.querySelector("[data-participation-empty]");
    this.more = root.querySelector("[data-participation-more]");
    this.toggle = root.querySelector("[data-participation-toggle]");
    this.chips = root.querySelector("[data-participation-chips]");
    this.relax = root.querySelector("[data-participation-relax]");
    this.copy = root.querySelector("[data-participation-copy]");
    this.title = document.title;
    this.facetLabels = {};
    all(this.form, "[data-facet]").forEach(function (el) {
      self.facetLabels[el.dataset.facet] = el.querySelector("summary").textContent.trim();
    });
    this.boxes.forEach(function (box) {
      var label = self.form.querySelector("label[for='" + box.id + "']");
      box.dataset.label = label ? label.firstChild.textContent.trim() : box.value;
    });
    this.panels = all(root, "[data-view-panel]");
    this.buttons = all(root, "[data-view]");
    this.headers = all(root, "thead th");
    this.columns = this.headers.map(function (th) { return th.dataset.column; });
    this.list = root.querySelector(".participation-cards > ul");
    this.body = root.querySelector("tbody");
    this.plural = new Intl.PluralRules(document.documentElement.lang || "fr");
    this.entries = all(root, ".participation-entry").map(function (card, index) {
      var tokens = card.dataset.facets.split(" ");
      var made = tableRow(card, self.columns);
      return { card: card, row: made.row, index: index, tokens: tokens, off: false,
               has: new Set(tokens), words: null, keys: made.keys };
    });
    this.body.replaceChildren.apply(this.body, this.entries.map(function (e) { return e.row; }));
    this.order = this.entries;
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
        self.filter(true);
      });
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) {
      if (event.target === self.text) self.typing = false;
      else self.filter(true);
    });
    this.text.addEventListener("input", function () {
      self.filter(!self.typing);
      self.typing = true;
    });
    this.form.querySelector("[data-participation-reset]").addEventListener("click", function () {
      self.boxes.forEach(function (box) { box.checked = false; });
      self.text.value = "";
      self.filter(true);
    });
    this.buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        self.view = button.dataset.view;
        self.show();
        self.write(true);
      });
    });
    this.more.addEventListener("click", function () {
      var first = self.limit;
      self.limit += PAGE;
      self.apply();
      var entry = self.order.filter(function (e) { return !e.miss; })[first];
      if (entry) (self.view === "tableau" ? entry.row : entry.card).querySelector("a").focus();
    });
    this.toggle.addEventListener("click", function () { self.fold(!self.opened); });
    this.chips.addEventListener("click", function (event) {
      var chip = event.target.closest("button");
      if (chip) self.drop([chip.dataset.filter], chip);
    });
    this.relax.addEventListener("click", function (event) {
      var option = event.target.closest("button");
      if (option) self.drop([option.dataset.filter], null);
    });
    this.copy.addEventListener("click", function () { self.share(); });
    this.form.hidden = false;
    this.toggle.hidden = false;
    root.querySelector("[data-participation-views]").hidden = false;
    this.fold(false);
    this.read();
  }

  /* Take the state from the URL: ?niveau=consulter,concerter&q=jury&vue=tableau&tri=-cout */
  Catalogue.prototype.read = function () {
    var params = new URLSearchParams(location.search);
    clearTimeout(this.pending);
    this.push = false;
    var chosen = {};
    this.names.forEach(function (name) {
      (params.get(name) || "").split(",").forEach(function (key) { chosen[name + "=" + key] = 1; });
    });
    this.boxes.forEach(function (box) { box.checked = !!chosen[box.name + "=" + box.value]; });
    this.text.value = params.get("q") || "";
    this.view = params.get("vue") === "tableau" ? "tableau" : "cartes";
    this.sort = params.get("tri") || "";
    this.show();
    this.arrange();
    this.filter();
    remember();
  };

  /* A new selection: show its first page, and record it in the URL when asked. */
  Catalogue.prototype.filter = function (push) {
    this.limit = PAGE;
    this.apply();
    if (push !== undefined) this.write(push);
  };

  /* Record the state in the URL just after the page is updated: pushState is a navigation,
     slower than the filter itself. A new entry in the history unless ``push`` is false. */
  Catalogue.prototype.write = function (push) {
    var self = this;
    this.push = this.push || push;
    clearTimeout(this.pending);
    this.pending = setTimeout(function () {
      self.record(self.push);
      self.push = false;
    });
  };

  Catalogue.prototype.record = function (push) {
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
    remember();
  };

  /* The cards' search words (core/catalogue/listing.py), asked for once, when a visitor first
     types: each card's own text until they come, or if they cannot. */
  Catalogue.prototype.words = function () {
    var self = this;
    if (this.asked) return;
    this.asked = true;
    this.entries.forEach(function (entry) { entry.words = " " + normalise(entry.card.textContent); });
    var kit = window.participationKit;
    kit.data(new URL(this.root.dataset.words, kit.root || location.href).href).then(function (words) {
      self.entries.forEach(function (entry) {
        var found = words && Object.prototype.hasOwnProperty.call(words, entry.card.dataset.slug) &&
          words[entry.card.dataset.slug];
        if (typeof found === "string") entry.words = " " + found;
      });
      self.root.dataset.wordsReady = "true";
      if (self.root.isConnected) self.apply();
    }, function () { /* the cards' own text stays searched */ });
  };

  /* Any of the options ticked within a facet, all of the facets, and every word typed.
     Counts: how many cards an option would show, given the other facets and the words. */
  Catalogue.prototype.apply = function () {
    var selected = {};
    var active = [];
    var words = normalise(this.text.value).split(" ").filter(Boolean);
    if (words.length) this.words();
    var counts = {};
    var found = 0;
    var relax = {};
    var limit = this.limit;
    this.boxes.forEach(function (box) {
      if (!box.checked) return;
      if (!selected[box.name]) { selected[box.name] = []; active.push(box.name); }
      selected[box.name].push(box.name + "=" + box.value);
    });
    this.order.forEach(function (entry) {
      var misses = 0;
      var failed = "";
      var i;
      var j;
      for (i = 0; i < words.length; i++) {
        if (entry.words.indexOf(" " + words[i]) < 0) { misses = 2; break; }
      }
      for (i = 0; i < active.length && misses < 3; i++) {
        var wanted = selected[active[i]];
        for (j = 0; j < wanted.length && !entry.has.has(wanted[j]); j++);
        if (j === wanted.length) { misses++; failed = active[i] + "="; }
      }
      /* What each criterion, taken away alone, would give back: used when nothing is found. */
      if (misses === 1) relax[failed] = (relax[failed] || 0) + 1;
      else if (misses === 2 && words.length && failed === "") relax.q = (relax.q || 0) + 1;
      entry.miss = misses > 0;
      if (!entry.miss) found++;
      var off = entry.miss || found > limit;
      if (entry.off !== off) {
        entry.off = off;
        entry.card.classList.toggle(OFF, off);
        entry.row.classList.toggle(OFF, off);
      }
      if (misses > 1) return;
      entry.tokens.forEach(function (token) {
        if (!misses || token.lastIndexOf(failed, 0) === 0) counts[token] = (counts[token] || 0) + 1;
      });
    });
    this.counts.forEach(function (span) {
      var text = "(" + (counts[span.dataset.token] || 0) + ")";
      if (span.textContent !== text) span.textContent = text;
    });
    this.say(this.status, found, this.entries.length);
    if (found > limit) this.say(this.more, Math.min(PAGE, found - limit), found - limit);
    this.empty.hidden = found > 0;
    this.more.hidden = found <= limit;
    this.describe(found ? null : relax);
  };

  /* The active filters, as [{filter, label}]: "niveau=concerter" or "q", with their words. */
  Catalogue.prototype.active = function () {
    var self = this;
    var list = this.boxes.filter(function (box) { return box.checked; }).map(function (box) {
      return {filter: box.name + "=" + box.value, facet: box.name,
              label: self.facetLabels[box.name] + " : " + box.dataset.label};
    });
    var text = this.text.value.trim();
    if (text) list.push({filter: "q", facet: "q", label: this.format("textFilter", {text: text})});
    return list;
  };

  Catalogue.prototype.format = function (name, values) {
    return window.participationKit.format(this.root.dataset[name], values);
  };

  /* Chips of the active filters, the count on the "Filtres" button, the page title and, when
     nothing is found (``relax`` given), the criteria to take away with what each gives back. */
  Catalogue.prototype.describe = function (relax) {
    var self = this;
    var active = this.active();
    var make = window.participationKit.element;
    var chips = this.chips.querySelector("ul");
    var key = active.map(function (item) { return item.label; }).join(", ");
    if (key !== this.described) {
      this.described = key;
      chips.replaceChildren.apply(chips, active.map(function (item) {
        var button = make("button", "participation-chip", item.label);
        button.type = "button";
        button.dataset.filter = item.filter;
        button.setAttribute("aria-label", self.format("remove", {filter: item.label}));
        var chip = make("li");
        chip.append(button);
        return chip;
      }));
      this.chips.hidden = !active.length;
      this.toggle.querySelector("[data-participation-active]").textContent =
        active.length ? "(" + active.length + ")" : "";
      document.title = active.length ? this.format("title", {filters: key, title: this.title})
        : this.title;
    }
    if (!relax) return;
    var facets = {};
    active.forEach(function (item) {
      (facets[item.facet] = facets[item.facet] || []).push(item);
    });
    this.relax.replaceChildren.apply(this.relax, Object.keys(facets).map(function (facet) {
      var count = relax[facet === "q" ? "q" : facet + "="] || 0;
      var items = facets[facet];
      var label = facet === "q" ? items[0].label : self.facetLabels[facet] + " : " +
        items.map(function (item) { return item.label.split(" : ").pop(); }).join(", ");
      var plural = self.plural.select(count) === "one" ? "relaxOne" : "relaxOther";
      var button = make("button", "md-button", self.format(plural, {filter: label, count: count}));
      button.type = "button";
      button.disabled = !count;
      button.dataset.filter = items.map(function (item) { return item.filter; }).join(" ");
      var option = make("li");
      option.append(button);
      return option;
    }));
  };

  /* Take away filters ("niveau=concerter", "q"; several, space-separated, in one string) and
     keep the focus in the catalogue: on the chip that follows ``from``, or on the results. */
  Catalogue.prototype.drop = function (filters, from) {
    var gone = filters.join(" ").split(" ");
    var next = from && from.parentNode.nextElementSibling;
    var index = next ? Array.prototype.indexOf.call(next.parentNode.children, next) - 1 : -1;
    this.boxes.forEach(function (box) {
      if (gone.indexOf(box.name + "=" + box.value) >= 0) box.checked = false;
    });
    if (gone.indexOf("q") >= 0) this.text.value = "";
    this.filter(true);
    var chips = this.chips.querySelectorAll("button");
    var target = index >= 0 ? chips[index] : chips[chips.length - 1];
    (target || this.status).focus();
  };

  /* The filters panel, open or folded (folded only shows on narrow screens, see the CSS). */
  Catalogue.prototype.fold = function (open) {
    this.opened = open;
    this.root.classList.toggle("participation-catalogue--open", open);
    this.toggle.setAttribute("aria-expanded", String(open));
  };

  /* Copy the address of this selection, and say so on the button for a moment. */
  Catalogue.prototype.share = function () {
    var button = this.copy;
    var label = button.dataset.label || button.textContent;
    var done = this.root.dataset.copied;
    button.dataset.label = label;
    this.record(false);
    function said() {
      button.textContent = done;
      setTimeout(function () { button.textContent = label; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(location.href).then(said, function () { window.prompt(label, location.href); });
    } else {
      window.prompt(label, location.href);
    }
  };

  /* Write a sentence from data-one / data-other, in the plural form of the page's language;
     unchanged text is left alone, so that screen readers do not hear it again. */
  Catalogue.prototype.say = function (element, shown, total) {
    var form = element.dataset[this.plural.select(shown) === "one" ? "one" : "other"];
    var text = window.participationKit.format(form, {shown: shown, total: total});
    if (element.textContent !== text) element.textContent = text;
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
        var x = a.keys[column];
        var y = b.keys[column];
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
    this.list.replaceChildren.apply(this.list, order.map(function (e) { return e.card; }));
    this.body.replaceChildren.apply(this.body, order.map(function (e) { return e.row; }));
  };

  /* The selection a catalogue shows, kept for this tab so that its cards' pages lead back to it. */
  var BACK = "participation-results:";

  function remember() {
    try { window.sessionStorage.setItem(BACK + location.pathname, location.search); } catch (error) { /* no memory: the plain link stays */ }
  }

  /* A card page's link to its catalogue becomes "Retour aux résultats", with their filters. */
  function setUpBack() {
    all(document, "[data-participation-back]").forEach(function (link) {
      var target = new URL(link.href, location.href);
      var search = null;
      try { search = window.sessionStorage.getItem(BACK + target.pathname); } catch (error) { /* no memory: the plain link stays */ }
      if (search === null || search.charAt(0) !== "?" && search !== "") return;
      target.search = search;
      link.href = target.href;
      link.textContent = link.dataset.participationBack;
    });
  }

  function start() {
    setUpBack();
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
  window.participationKit.onEveryPage(start);
})();
