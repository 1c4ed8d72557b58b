/* mkdocs-participation: progressive enhancement of card pages. No framework, no external host. */
(function () {
  "use strict";

  /* A demo video is only loaded when the visitor asks for it: no request to its host before. */
  function setUpVideos(root) {
    root.querySelectorAll("[data-participation-video]").forEach(function (frame) {
      var button = frame.querySelector(".participation-video__play");
      if (!button || button.dataset.ready) return;
      button.dataset.ready = "true";
      button.hidden = false;
      button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.src = frame.dataset.participationVideo;
        iframe.title = frame.dataset.title || button.textContent;
        iframe.allow = "fullscreen; picture-in-picture";
        iframe.setAttribute("allowfullscreen", "");
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        frame.replaceChildren(iframe);
        iframe.focus();
      });
    });
  }

  /* Material's search dialog has no accessible name: give it the one of its search field. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var field = dialog && dialog.querySelector("input[aria-label]");
    if (field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
    }
  }

  /* The printed address of a page is the one in the address bar, filters included. */
  function writeAddress() {
    document.querySelectorAll("[data-participation-address] span").forEach(function (span) {
      span.textContent = location.href;
    });
  }

  function start() {
    setUpVideos(document);
    writeAddress();
    nameSearchDialog();
  }

  /* Runs ``callback`` on every page shown: after each instant navigation with Material, once
     otherwise. Shared with the other participation scripts, which are loaded after this one. */
  function onEveryPage(callback) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(callback);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  /* ``text`` with its ``{name}`` placeholders filled from ``values``, as Python's str.format
     fills named fields: ``{{`` and ``}}`` stand for one brace; an unknown name stays as written. */
  function format(text, values) {
    return text.replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (name === undefined) return all.charAt(0);
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  /* The JSON file at ``url`` (the methods' data, core/guide_data.py), fetched once for every
     page that asks and kept across instant navigation; fetched again after a failure. */
  var fetched = Object.create(null);
  function data(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      fetched[url].catch(function () { delete fetched[url]; });
    }
    return fetched[url];
  }

  /* A new element with a class and a text, both optional. */
  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  window.addEventListener("beforeprint", writeAddress);
  window.participationKit = {onEveryPage: onEveryPage, format: format, element: element,
                               data: data};
  onEveryPage(start);
})();
