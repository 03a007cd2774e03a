// Leaflet and its stylesheet (some 150 KB) are fetched only when a map comes near the screen: most readers of a
// neighbourhood page never scroll to its map, and a script that blocks the page for a map nobody looks at costs
// every one of them. The map's canvas names what it needs (data-map-styles, data-map-scripts, in order); the
// places are already listed as text beside it, so a reader without scripts loses nothing.
(function () {
  var started = false;

  function addStyle(href) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  function addScripts(sources) {
    if (!sources.length) return;
    var script = document.createElement("script");
    script.src = sources[0];
    // One after another: map-base.js needs Leaflet, the page's own script needs both.
    script.onload = function () { addScripts(sources.slice(1)); };
    document.body.appendChild(script);
  }

  function start(canvas) {
    if (started) return;
    started = true;
    (canvas.dataset.mapStyles || "").split(" ").filter(Boolean).forEach(addStyle);
    addScripts((canvas.dataset.mapScripts || "").split(" ").filter(Boolean));
  }

  function watch() {
    var canvases = document.querySelectorAll("[data-map-scripts]");
    if (!canvases.length) return;
    if (!("IntersectionObserver" in window)) { start(canvases[0]); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.disconnect(); start(entry.target); }
      });
    }, { rootMargin: "400px 0px" });
    canvases.forEach(function (canvas) { observer.observe(canvas); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
