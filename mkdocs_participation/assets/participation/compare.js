/* mkdocs-participation: cards chosen for comparison, the selection bar, and the comparison pages.
   Each compared kind (methods, tools) has its own selection, kept in localStorage (one list per
   kind and site), so it follows the visitor from page to page, Material's instant navigation
   included, and across tabs; a method and a tool are never compared together. A comparison
   page's URL names what it shows, by stable slugs: comparer/?m=atelier-citoyen,jury-citoyen
   The settings of each kind (its comparison page, its words, its cards) open the site's
   participation.js bundle. */
(function () {
  "use strict";

  /* The site's root, from the base address Material writes in each page (its __config data),
     read against the page this script is loaded with: nothing depends on the script's own
     name or folder, which a minifier may change. */
  var ROOT = siteRoot();
  var SITE = new URL(ROOT).pathname;
  var memory = Object.create(null);
  var format = window.participationKit.format;

  function siteRoot() {
    var data = document.getElementById("__config");
    try {
      return new URL(JSON.parse(data.textContent).base + "/", window.location.href).href;
    } catch (error) {
      return new URL("/", window.location.href).href;
    }
  }

  function settings() {
    return window.participationCompare;
  }

  /* The compared kinds, in the site's order: {kind, page, storage, labels, cards}. */
  function kinds() {
    var config = settings();
    return config && Array.isArray(config.kinds) ? config.kinds : [];
  }

  /* The settings of the kind ``name``; a page written without a kind (a template of an
     earlier release) means the first, methods. */
  function kindOf(name) {
    var all = kinds();
    if (!name) return all[0] || null;
    return all.filter(function (kind) { return kind.kind === name; })[0] || null;
  }

  /* Where a kind's selection is kept: the methods' is where the releases that compared only
     them kept it, so that it outlives the upgrade. */
  function storageKey(kind) {
    return kind.storage + ":" + SITE;
  }

  var make = window.participationKit.element;

  /* A kind's selection: [{slug, title, url}], url relative to the site's root. What the
     browser stored is untrusted (another page of the origin may have written it): only the
     slugs of this site's cards of that kind are kept, each once and no more than the
     maximum, with the title and the URL the site gives them. Whatever is stored, this never
     throws. */
  function load(kind) {
    var raw = memory[kind.kind] || "[]";
    try { raw = window.localStorage.getItem(storageKey(kind)) || "[]"; } catch (error) { /* memory */ }
    var maximum = settings().maximum || 0;
    var cards = kind.cards || {};
    var list;
    try { list = JSON.parse(raw); } catch (error) { return []; }
    if (!Array.isArray(list)) return [];
    var kept = [];
    var seen = {};
    for (var index = 0; index < list.length && kept.length < maximum; index++) {
      var slug = list[index] && typeof list[index] === "object" ? list[index].slug : null;
      if (typeof slug !== "string" || !Object.prototype.hasOwnProperty.call(cards, slug) ||
          Object.prototype.hasOwnProperty.call(seen, slug)) continue;
      seen[slug] = true;
      kept.push({slug: slug, title: cards[slug][0], url: cards[slug][1]});
    }
    return kept;
  }

  function save(kind, list) {
    memory[kind.kind] = JSON.stringify(list);
    try { window.localStorage.setItem(storageKey(kind), memory[kind.kind]); } catch (error) { /* kept in memory */ }
  }

  function slugs(list) {
    return list.map(function (item) { return item.slug; });
  }

  function comparisonHref(kind, list) {
    var page = new URL(kind.page, ROOT);
    if (list.length) page.search = "?m=" + slugs(list).map(encodeURIComponent).join(",");
    return page.href;
  }

  /* One live region for every announcement; it stays in <body> across instant navigation. */
  function announce(message) {
    var region = document.getElementById("participation-compare-status");
    if (!region) {
      region = make("p", "participation-visually-hidden");
      region.id = "participation-compare-status";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  /* Adds a card to its kind's selection; when that is full, refuses and says why (the
     message). */
  function add(kind, item) {
    var list = load(kind);
    var maximum = settings().maximum;
    if (slugs(list).indexOf(item.slug) >= 0) return "";
    if (list.length >= maximum) {
      var message = format(kind.labels.compare_full, {maximum: maximum, title: item.title});
      announce(message);
      return message;
    }
    list.push(item);
    save(kind, list);
    announce(format(kind.labels.compare_added, {title: item.title}));
    return "";
  }

  function remove(kind, slug) {
    var list = load(kind);
    var gone = list.filter(function (item) { return item.slug === slug; })[0];
    save(kind, list.filter(function (item) { return item.slug !== slug; }));
    if (gone) announce(format(kind.labels.compare_removed, {title: gone.title}));
  }

  /* "Comparer" checkboxes, wherever a page has them; each joins its card's kind's selection
     (one of a kind the site does not compare stays hidden). */
  function setUpToggles(scope) {
    scope.querySelectorAll("[data-participation-compare]").forEach(function (toggle) {
      var box = toggle.querySelector("input[type=checkbox]");
      var kind = kindOf(toggle.dataset.kind);
      if (!box || !kind || toggle.dataset.ready) return;
      toggle.dataset.ready = "true";
      toggle.hidden = false;
      box.addEventListener("change", function () {
        var refused = "";
        if (box.checked) {
          refused = add(kind, {slug: toggle.dataset.participationCompare,
                               title: toggle.dataset.title, url: toggle.dataset.url});
        } else {
          remove(kind, toggle.dataset.participationCompare);
        }
        refresh(refused, kind);
      });
    });
  }

  function syncToggles() {
    var chosen = Object.create(null);
    kinds().forEach(function (kind) { chosen[kind.kind] = slugs(load(kind)); });
    document.querySelectorAll("[data-participation-compare] input[type=checkbox]").forEach(function (box) {
      var toggle = box.parentNode;
      var kind = kindOf(toggle.dataset.kind);
      box.checked = !!kind && chosen[kind.kind].indexOf(toggle.dataset.participationCompare) >= 0;
    });
  }

  /* The selection bar, fixed at the bottom of every page: one part per kind whose selection
     has cards, each named after its kind ("Outils à comparer"), but on that kind's own
     comparison page. */
  function bar() {
    var element = document.getElementById("participation-compare-bar");
    if (element) return element;
    element = make("div", "participation-compare-bar md-typeset");
    element.id = "participation-compare-bar";
    kinds().forEach(function (kind) { element.appendChild(barPart(kind)); });
    document.body.appendChild(element);
    return element;
  }

  function barPart(kind) {
    var labels = kind.labels;
    var id = "participation-compare-bar-" + kind.kind;
    var element = make("section", "participation-compare-bar__part");
    element.id = id;
    element.dataset.kind = kind.kind;
    element.setAttribute("aria-labelledby", id + "-title");
    var title = make("h2", "participation-compare-bar__title");
    title.id = id + "-title";
    title.tabIndex = -1;
    var open = make("a", "md-button md-button--primary participation-compare-bar__open",
                    labels.compare_open);
    var clear = make("button", "md-button participation-compare-bar__clear", labels.compare_clear);
    clear.type = "button";
    clear.addEventListener("click", function () {
      save(kind, []);
      announce(labels.compare_cleared);
      refresh();
    });
    var fold = make("button", "participation-compare-bar__fold");
    fold.type = "button";
    fold.setAttribute("aria-controls", id + "-details");
    fold.addEventListener("click", function () {
      setFolded(kind, fold.getAttribute("aria-expanded") === "true");
      refresh();
    });
    var details = make("div", "participation-compare-bar__details");
    details.id = id + "-details";
    details.append(make("ul", "participation-compare-bar__list"),
                   make("p", "participation-compare-bar__hint"), clear);
    var actions = make("div", "participation-compare-bar__actions");
    actions.append(open, fold);
    element.append(title, details, actions);
    return element;
  }

  /* Whether a kind's part of the bar shows only its title and buttons: the visitor's choice
     for this tab, else folded on phones. */
  function folded(kind) {
    var chosen = null;
    try { chosen = window.sessionStorage.getItem(storageKey(kind) + ":folded"); } catch (error) { chosen = null; }
    if (chosen === "true" || chosen === "false") return chosen === "true";
    return window.matchMedia("(max-width: 44.984375em)").matches;
  }

  function setFolded(kind, value) {
    try { window.sessionStorage.setItem(storageKey(kind) + ":folded", String(value)); } catch (error) { /* the default applies */ }
  }

  /* The bar says, for each kind, why it cannot compare yet, or why a card of ``refusing``
     was refused (``message``). */
  function renderBar(message, refusing) {
    var comparison = document.querySelector("[data-participation-comparison]");
    var compared = comparison ? kindOf(comparison.dataset.kind) : null;
    var element = bar();
    var shown = kinds().filter(function (kind) {
      return renderPart(kind, kind === refusing ? message : "", kind === compared);
    });
    element.hidden = !shown.length;
    document.body.classList.toggle("participation-has-compare-bar", !element.hidden);
    if (!element.hidden) {
      document.body.style.setProperty("--participation-compare-bar", element.offsetHeight + "px");
    }
  }

  /* One kind's part of the bar; whether it is shown. */
  function renderPart(kind, message, onItsComparison) {
    var labels = kind.labels;
    var maximum = settings().maximum;
    var minimum = settings().minimum;
    var list = load(kind);
    var element = document.getElementById("participation-compare-bar-" + kind.kind);
    element.hidden = !list.length || onItsComparison;
    if (element.hidden) return false;
    element.querySelector("h2").textContent = labels.compare_bar + " (" +
      format(labels.compare_count, {count: list.length, maximum: maximum}) + ")";
    var items = element.querySelector("ul");
    items.replaceChildren.apply(items, list.map(function (item) {
      var entry = make("li", "participation-compare-bar__item");
      var link = make("a", "", item.title);
      link.href = new URL(item.url, ROOT).href;
      var button = make("button", "participation-compare-bar__remove", labels.compare_remove);
      button.type = "button";
      button.append(make("span", "participation-visually-hidden", " " + item.title));
      button.addEventListener("click", function () {
        remove(kind, item.slug);
        refresh();
        var next = element.querySelector(".participation-compare-bar__remove");
        var heading = element.querySelector("h2");
        (next || (!element.hidden ? heading : null) || document.body).focus();
      });
      entry.append(link, " ", button);
      return entry;
    }));
    var fold = element.querySelector(".participation-compare-bar__fold");
    var shut = folded(kind);
    fold.setAttribute("aria-expanded", String(!shut));
    fold.textContent = shut ? labels.compare_unfold : labels.compare_fold;
    element.querySelector(".participation-compare-bar__details").hidden = shut;
    var open = element.querySelector(".participation-compare-bar__open");
    var enough = list.length >= minimum;
    if (enough) open.href = comparisonHref(kind, list);
    else open.removeAttribute("href");
    open.setAttribute("aria-disabled", String(!enough));
    element.querySelector(".participation-compare-bar__hint").textContent = message ||
      (enough ? "" : format(labels.compare_need_more, {minimum: minimum}));
    return true;
  }

  /* A comparison page, of one ``kind``: every card's column comes from that kind's data file
     (core/guide_data.py); the columns the URL names are built in its order. */
  function Comparison(root, kind, columns) {
    var self = this;
    this.root = root;
    this.kind = kind;
    this.minimum = Number(root.dataset.minimum);
    this.maximum = Number(root.dataset.maximum);
    this.columns = Object.create(null);
    this.table = root.querySelector("[data-comparison-table]");
    this.message = root.querySelector("[data-comparison-message]");
    this.select = root.querySelector("[data-comparison-add] select");
    columns.forEach(function (column) {
      if (!column || typeof column.slug !== "string" || !Array.isArray(column.cells)) return;
      self.columns[column.slug] = column;
      var option = make("option", "", column.title);
      option.value = column.slug;
      self.select.appendChild(option);
    });
    root.querySelector("[data-comparison-no-js]").hidden = true;
    root.querySelector("[data-comparison-tools]").hidden = false;
    root.querySelector("[data-comparison-add]").addEventListener("submit", function (event) {
      event.preventDefault();
      self.add(self.select.value);
    });
    root.querySelector("[data-comparison-print]").addEventListener("click", function () {
      window.print();
    });
    root.querySelector("[data-comparison-only]").addEventListener("change", function (event) {
      self.table.classList.toggle("participation-comparison--differences", event.target.checked);
    });
    this.shared = root.querySelector("[data-comparison-shared]");
    this.shared.querySelector("[data-comparison-keep]").addEventListener("click", function () {
      self.adopt();
      self.select.focus();
    });
    this.read();
  }

  Comparison.prototype.item = function (slug) {
    var column = this.columns[slug];
    return {slug: slug, title: column.title, url: column.url};
  };

  /* A link written out when printed. */
  function link(href, text) {
    var element = make("a", "", text);
    element.href = href;
    if (/^https?:/.test(element.href)) element.dataset.printHref = element.href;
    return element;
  }

  /* The header cell and the row cells of one card. */
  Comparison.prototype.cells = function (slug) {
    var self = this;
    var labels = this.root.dataset;
    var column = this.columns[slug];
    var header = make("th");
    header.scope = "col";
    var remove = make("button", "participation-comparison__remove", labels.labelRemove);
    remove.type = "button";
    remove.append(make("span", "participation-visually-hidden", " " + column.title));
    remove.addEventListener("click", function () { self.remove(slug); });
    header.append(link(new URL(column.url, ROOT).href, column.title), " ", remove);
    return [header].concat(column.cells.map(function (cell) {
      var element = make("td");
      element.dataset.key = cell.k;
      if (cell.p !== undefined) {
        var page = link(new URL(cell.p, ROOT).href, labels.labelPage);
        page.append(make("span", "participation-visually-hidden", " : " + column.title));
        element.append(page);
      } else if (cell.a) {
        element.append(link(cell.a[0], cell.a[1]));
      } else if (Array.isArray(cell.l)) {
        element.append(named(cell.l));
      } else if (cell.h) {
        var list = make("ul");
        list.innerHTML = cell.h.map(function (item) { return "<li>" + item + "</li>"; }).join("");
        element.append(list);
      } else if (cell.x) {
        element.innerHTML = cell.x;
      } else if (cell.t) {
        element.textContent = cell.t;
      } else {
        element.append(make("span", "participation-comparison__missing", labels.labelMissing));
      }
      return element;
    }));
  };

  /* The cards a cell names: [title as sanitised HTML, site-relative URL or null]. */
  function named(cards) {
    var list = make("ul");
    cards.forEach(function (card) {
      if (!Array.isArray(card)) return;
      var entry = make("li");
      var title = typeof card[1] === "string" ? link(new URL(card[1], ROOT).href, "") : make("span");
      title.innerHTML = card[0];
      entry.append(title);
      list.append(entry);
    });
    return list;
  }

  /* The URL decides; without ?m= the stored selection is shown (and written into the URL). */
  Comparison.prototype.read = function () {
    var self = this;
    var given = new URLSearchParams(location.search).get("m");
    var wanted = given === null ? slugs(load(this.kind)) : given.split(",");
    wanted = wanted.map(function (slug) { return slug.trim(); }).filter(function (slug, index, all) {
      return slug && all.indexOf(slug) === index;
    });
    var known = wanted.filter(function (slug) { return self.columns[slug]; });
    var unknown = wanted.filter(function (slug) { return !self.columns[slug]; });
    this.shown = known.slice(0, this.maximum);
    var problems = [];
    var labels = this.kind.labels;
    if (unknown.length) problems.push(format(labels.compare_unknown, {slugs: unknown.join(", ")}));
    if (known.length > this.maximum) {
      problems.push(format(labels.compare_beyond, {maximum: this.maximum, titles: known.slice(
        this.maximum).map(function (slug) { return self.columns[slug].title; }).join(", ")}));
    }
    this.render(problems);
    /* A link to another comparison than the visitor's own shows it, but keeps their selection
       until they choose to replace it. */
    var mine = slugs(load(this.kind)).filter(function (slug) { return self.columns[slug]; });
    this.visiting = given !== null && mine.length > 0 && mine.join() !== this.shown.join();
    this.shared.hidden = !this.visiting;
    if (this.visiting) {
      this.shared.querySelector("p").textContent = format(labels.compare_shared, {
        titles: mine.map(function (slug) { return self.columns[slug].title; }).join(", ")});
      var back = this.shared.querySelector("[data-comparison-mine]");
      back.href = location.pathname + "?m=" + mine.map(encodeURIComponent).join(",");
    } else if (given === null || this.shown.length) {
      save(this.kind, this.shown.map(function (slug) { return self.item(slug); }));
    }
    if (given === null && this.shown.length) this.write();
  };

  /* The comparison shown becomes the visitor's selection. */
  Comparison.prototype.adopt = function () {
    this.visiting = false;
    this.shared.hidden = true;
    this.changed();
  };

  Comparison.prototype.write = function () {
    var query = this.shown.length ? "?m=" + this.shown.map(encodeURIComponent).join(",") : "";
    history.replaceState(history.state, "", location.pathname + query + location.hash);
    this.root.querySelector("[data-comparison-online] span").textContent = location.href;
  };

  Comparison.prototype.add = function (slug) {
    var labels = this.kind.labels;
    if (!this.columns[slug] || this.shown.indexOf(slug) >= 0) return;
    var title = this.columns[slug].title;
    if (this.shown.length >= this.maximum) {
      var full = format(labels.compare_full, {maximum: this.maximum, title: title});
      this.render([full]);
      announce(full);
      return;
    }
    this.shown.push(slug);
    this.changed();
    announce(format(labels.compare_added, {title: title}));
  };

  Comparison.prototype.remove = function (slug) {
    var position = this.shown.indexOf(slug);
    this.shown.splice(position, 1);
    this.changed();
    announce(format(this.kind.labels.compare_removed, {title: this.columns[slug].title}));
    var buttons = this.root.querySelectorAll(".participation-comparison__remove");
    (buttons[Math.min(position, buttons.length - 1)] || this.select).focus();
  };

  Comparison.prototype.changed = function () {
    var self = this;
    if (!this.visiting) save(this.kind, this.shown.map(function (slug) { return self.item(slug); }));
    this.write();
    this.render([]);
  };

  Comparison.prototype.render = function (problems) {
    var self = this;
    var labels = this.kind.labels;
    var rows = this.table.querySelectorAll("tr");
    rows.forEach(function (row) {
      while (row.cells.length > 1) row.deleteCell(-1);
    });
    this.shown.forEach(function (slug) {
      self.cells(slug).forEach(function (cell, index) { rows[index].appendChild(cell); });
    });
    this.table.querySelectorAll("tbody tr").forEach(function (row) {
      var keys = [];
      for (var i = 1; i < row.cells.length; i++) {
        var key = row.cells[i].dataset.key;
        if (key && keys.indexOf(key) < 0) keys.push(key);
      }
      var differs = row.hasAttribute("data-compared") && keys.length > 1;
      row.classList.toggle("participation-comparison__row--differs", differs);
      row.querySelector(".participation-comparison__differs").hidden = !differs;
    });
    var titles = this.shown.map(function (slug) { return self.columns[slug].title; });
    var caption = this.table.querySelector("caption");
    caption.textContent = format(caption.dataset.label, {titles: titles.join(", ")});
    this.table.hidden = !this.shown.length;
    this.root.querySelector("[data-comparison-help]").hidden = this.shown.length >= this.minimum;
    if (this.shown.length && this.shown.length < this.minimum) {
      problems = problems.concat(format(labels.compare_need_more, {minimum: this.minimum}));
    }
    this.message.replaceChildren.apply(this.message, problems.map(function (text) {
      return make("p", "", text);
    }));
    this.message.hidden = !problems.length;
    Array.prototype.forEach.call(this.select.options, function (option) {
      option.disabled = !!option.value && self.shown.indexOf(option.value) >= 0;
    });
    this.select.value = "";
    this.root.querySelector("[data-comparison-online] span").textContent = location.href;
  };

  /* Once the kind's data has come; if it cannot, the page keeps its link to the table. */
  function setUpComparison(scope) {
    var root = scope.querySelector("[data-participation-comparison]");
    var kind = root && kindOf(root.dataset.kind);
    if (!kind || root.dataset.loading) return;
    root.dataset.loading = "true";
    window.participationKit.data(new URL(root.dataset.source, ROOT).href).then(
      function (columns) {
        if (!root.isConnected || !Array.isArray(columns)) return;
        new Comparison(root, kind, columns);
        root.dataset.ready = "true";
        refresh();
      },
      function () { delete root.dataset.loading; });
  }

  /* Toggles and bar as the selections are; ``message`` says why a card of ``refusing`` (a
     kind) was refused. */
  function refresh(message, refusing) {
    syncToggles();
    renderBar(message, refusing);
  }

  function start() {
    if (!settings()) return;
    setUpComparison(document);
    setUpToggles(document);
    refresh();
  }

  window.participationKit.root = ROOT;

  window.addEventListener("storage", function (event) {
    if (kinds().some(function (kind) { return event.key === storageKey(kind); })) refresh();
  });
  window.participationKit.onEveryPage(start);
})();
