/* mkdocs-participation: the guided chooser "Quelle méthode pour mon projet ?".
   Each method carries the points its card earns for every answer (computed at build time by
   core/chooser.py, fetched from the methods' data file); this script adds up those of the answers given, ranks the methods
   (points, then fewest misfits, then catalogue order) and writes why. State in the URL:
   choisir/?niveau=concerter&format=en-ligne
   It uses what kit.js and compare.js share in window.participationKit. */
(function () {
  "use strict";

  var VERDICTS = ["match", "partial", "mismatch", "unknown"];
  var format, make;

  function Chooser(root, methods) {
    var self = this;
    this.root = root;
    this.full = Number(root.dataset.full);
    this.top = Number(root.dataset.top);
    this.form = root.querySelector("[data-chooser-form]");
    this.results = root.querySelector("[data-chooser-results]");
    this.summary = root.querySelector("[data-chooser-summary]");
    this.list = root.querySelector("[data-chooser-list]");
    this.questions = Array.prototype.map.call(
      this.form.querySelectorAll("fieldset[data-question]"), function (fieldset) {
        return {name: fieldset.dataset.question, label: fieldset.dataset.label,
          full: Number(fieldset.dataset.full), fieldset: fieldset};
      });
    this.entries = methods.filter(function (entry) {
      return entry && typeof entry.slug === "string" && entry.fits && typeof entry.fits === "object";
    }).map(function (entry, index) {
      entry.index = index;
      entry.item = self.item(entry);
      return entry;
    });
    root.querySelector("[data-chooser-no-js]").hidden = true;
    this.form.hidden = false;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.write();
      self.show(true);
    });
    this.read();
    this.show(false);
  }

  /* A method's place in the results: its title, score, tagline and reasons. */
  Chooser.prototype.item = function (entry) {
    var item = make("li", "participation-chooser__result");
    item.dataset.slug = entry.slug;
    var title = make("h3");
    var link = make("a", "", entry.title);
    link.href = new URL(entry.url, kit.root).href;
    title.appendChild(link);
    item.append(title, make("p", "participation-chooser__score"));
    if (entry.tagline) {
      var tagline = make("p", "participation-chooser__tagline");
      tagline.innerHTML = entry.tagline;
      item.appendChild(tagline);
    }
    item.appendChild(make("div", "participation-chooser__reasons"));
    return item;
  };

  Chooser.prototype.read = function () {
    var params = new URLSearchParams(location.search);
    this.questions.forEach(function (question) {
      var value = params.get(question.name) || "";
      var radios = question.fieldset.querySelectorAll("input[type=radio]");
      var match = Array.prototype.filter.call(radios, function (radio) { return radio.value === value; });
      (match[0] || radios[0]).checked = true;
    });
  };

  /* The answers given: [{question, value, facet}], skipped questions left out. */
  Chooser.prototype.answers = function () {
    return this.questions.map(function (question) {
      var radio = question.fieldset.querySelector("input[type=radio]:checked");
      return radio && radio.value ? {question: question, value: radio.value, facet: radio.dataset.facet} : null;
    }).filter(Boolean);
  };

  Chooser.prototype.write = function () {
    var query = this.answers().map(function (answer) {
      return encodeURIComponent(answer.question.name) + "=" + encodeURIComponent(answer.value);
    }).join("&");
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  };

  /* The same sum as core/chooser.rank. */
  Chooser.prototype.score = function (entry, answers) {
    var self = this;
    var result = {entry: entry, points: 0, reasons: {match: [], partial: [], mismatch: [], unknown: []}};
    answers.forEach(function (answer) {
      var fit = entry.fits[answer.question.name] || ["", {}];
      var earned = fit[1][answer.value] || 0;
      result.points += earned;
      var verdict = !fit[0] ? "unknown" : earned === answer.question.full ? "match" : earned ? "partial" : "mismatch";
      result.reasons[verdict].push(fit[0] ? format(self.root.dataset.labelReason,
        {question: answer.question.label, value: fit[0]}) : answer.question.label);
    });
    return result;
  };

  Chooser.prototype.show = function (focus) {
    var self = this;
    var data = this.root.dataset;
    var answers = this.answers();
    if (!answers.length) {
      this.results.hidden = true;
      this.summary.textContent = focus ? data.labelNone : "";
      return;
    }
    var ranked = this.entries.map(function (entry) { return self.score(entry, answers); });
    ranked.sort(function (a, b) {
      return b.points - a.points || a.reasons.mismatch.length - b.reasons.mismatch.length ||
        a.entry.index - b.entry.index;
    });
    var maximum = answers.reduce(function (sum, answer) { return sum + answer.question.full; }, 0);
    ranked.forEach(function (result) {
      var item = result.entry.item;
      item.querySelector(".participation-chooser__score").textContent =
        format(data.labelScore, {points: result.points, maximum: maximum});
      var reasons = item.querySelector(".participation-chooser__reasons");
      reasons.replaceChildren.apply(reasons, VERDICTS.filter(function (verdict) {
        return result.reasons[verdict].length;
      }).map(function (verdict) {
        var part = make("div", "participation-chooser__reason participation-chooser__reason--" + verdict);
        var list = make("ul");
        result.reasons[verdict].forEach(function (text) { list.appendChild(make("li", "", text)); });
        part.append(make("p", "", data["label" + verdict[0].toUpperCase() + verdict.slice(1)]), list);
        return part;
      }));
      self.list.appendChild(item);
    });
    var summary = format(data.labelSummary, {
      count: ranked.length, answered: answers.length, questions: this.questions.length});
    this.links(answers, ranked);
    this.results.hidden = false;
    if (focus) {
      /* The results come to the top of the screen, their heading takes the focus, and the
         count is said again even when it has not changed. */
      this.summary.textContent = "";
      this.results.scrollIntoView({block: "start"});
      this.results.querySelector("h2").focus({preventScroll: true});
      var element = this.summary;
      window.setTimeout(function () { element.textContent = summary; }, 100);
    } else {
      this.summary.textContent = summary;
    }
  };

  Chooser.prototype.links = function (answers, ranked) {
    var data = this.root.dataset;
    var catalogue = this.root.querySelector("[data-chooser-catalogue]");
    var filters = answers.filter(function (answer) { return answer.facet; }).map(function (answer) {
      return encodeURIComponent(answer.question.name) + "=" + answer.facet.split(",").map(
        encodeURIComponent).join(",");
    });
    catalogue.hidden = !data.catalogueUrl || !filters.length;
    if (!catalogue.hidden) {
      catalogue.href = new URL(data.catalogueUrl, kit.root).href + "?" + filters.join("&");
    }
    var compare = this.root.querySelector("[data-chooser-compare]");
    var best = ranked.filter(function (result) { return result.points > 0; }).slice(0, this.top);
    compare.hidden = !data.compareUrl || best.length < 2;
    if (!compare.hidden) {
      compare.href = new URL(data.compareUrl, kit.root).href + "?m=" + best.map(function (result) {
        return encodeURIComponent(result.entry.slug);
      }).join(",");
      compare.textContent = format(data.labelCompare, {count: best.length});
    }
  };

  /* Once the methods' data has come; if it cannot, the page keeps its link to the catalogue. */
  function start() {
    var root = document.querySelector("[data-participation-chooser]");
    if (!root || root.dataset.loading) return;
    root.dataset.loading = "true";
    kit.data(new URL(root.dataset.source, kit.root).href).then(function (methods) {
      if (!root.isConnected || !Array.isArray(methods)) return;
      new Chooser(root, methods);
      root.dataset.ready = "true";
    }, function () { delete root.dataset.loading; });
  }

  var kit = window.participationKit;
  if (kit) {
    format = kit.format;
    make = kit.element;
    kit.onEveryPage(start);
  }
})();
