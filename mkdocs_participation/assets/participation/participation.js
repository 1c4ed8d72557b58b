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

  function start() {
    setUpVideos(document);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
