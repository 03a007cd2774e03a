// What every Leaflet map of the portal shares: the zoom buttons in the page's language, the tile server from
// data-tile-url (empty: a plain ground, so the markers and shapes still read), and the same plain
// ground when the tiles fail to load. Each page's own script draws on the map this returns.
window.MahalleMap = (function () {
  function create(element, options) {
    var map = L.map(element, Object.assign({
      scrollWheelZoom: false,
      zoomControl: false,
      attributionControl: Boolean(element.dataset.tileUrl),
    }, options || {}));
    L.control.zoom({
      // In the page's language when the template says it (data-zoom-in/out), Persian otherwise.
      zoomInTitle: element.dataset.zoomIn || "بزرگ‌نمایی",
      zoomOutTitle: element.dataset.zoomOut || "کوچک‌نمایی",
      position: "topleft",
    }).addTo(map);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution || "", maxZoom: 19 })
        .on("tileerror", function () { element.classList.add("place-map__canvas--no-tiles"); })
        .addTo(map);
    } else {
      element.classList.add("place-map__canvas--no-tiles");
    }
    return map;
  }

  // A number in the page's digits (Persian on Persian pages, Latin on English ones).
  function number(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "fa");
  }

  return { create: create, number: number };
})();
