// Maps of places (assets, organisations, offices) with Leaflet, fetched by map-loader.js when the map nears the
// screen. The places come from a <script type="application/json"> block named by data-map-places; the tile server from
// data-tile-url through map-base.js (empty: markers on a plain ground). The same places are always listed as text
// beside the map, so nothing here is the only way to reach them.
(function () {
  function link(place) {
    var box = document.createElement("div");
    var name = document.createElement(place.url ? "a" : "strong");
    name.textContent = place.name;
    if (place.url) name.href = place.url;
    // A Persian place listed untranslated on a page in another language.
    if (place.lang) { name.lang = place.lang; name.dir = place.dir; }
    box.appendChild(name);
    if (place.kind) {
      var kind = document.createElement("div");
      kind.textContent = place.kind;
      box.appendChild(kind);
    }
    return box;
  }

  function load(element) {
    var source = document.getElementById(element.dataset.mapPlaces);
    draw(element, source ? JSON.parse(source.textContent) : []);
  }

  function draw(element, places) {
    if (typeof L === "undefined" || element.dataset.mapReady) return;
    if (!places.length) return;
    element.dataset.mapReady = "1";
    var map = MahalleMap.create(element);
    var bounds = [];
    places.forEach(function (place) {
      var point = [place.lat, place.lng];
      bounds.push(point);
      // Circle markers are drawn in SVG: no marker images to fetch, and they look the same with or without tiles.
      L.circleMarker(point, { radius: 8, color: "#074034", weight: 2, fillColor: "#0b5d4b", fillOpacity: 0.85, className: "place-marker" })
        .bindPopup(link(place))
        .bindTooltip(place.name)
        .addTo(map);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 16);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
    element.dataset.markers = String(places.length);
  }

  function loadAll() { document.querySelectorAll("[data-map-places]").forEach(load); }
  // Fetched late by map-loader.js, when the page has long been parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadAll);
  else loadAll();
})();
