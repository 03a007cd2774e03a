// The map of every office, drawn when a reader opens it (static/js/finder-tools.js loads this after Leaflet,
// leaflet.markercluster and map-base.js). Thousands of offices are gathered into clusters that show how many they
// hold and open as the map zooms in; each office's popup links to its neighbourhood. The same places are listed as
// text by province and city, which the template links to.
window.MahalleOfficesMap = (function () {
  // A dot drawn in CSS (static/css/finder.css): no marker images to fetch. The box around it is the target a finger
  // presses, larger than the dot.
  var officeIcon = null;

  function popup(office) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = office.url;
    link.textContent = office.name;
    var place = document.createElement("div");
    place.textContent = office.city;
    box.appendChild(link);
    box.appendChild(place);
    return box;
  }

  function clusterIcon(canvas) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var box = document.createElement("div");
      box.dataset.count = String(count);
      var shown = document.createElement("span");
      shown.setAttribute("aria-hidden", "true");
      shown.textContent = MahalleMap.number(count);
      // Its name as a button, for screen readers: «۱۲ دفتر؛ برای دیدن از نزدیک بزنید».
      var said = document.createElement("span");
      said.className = "visually-hidden";
      said.textContent = (canvas.dataset.clusterLabel || "{count}").replace("{count}", MahalleMap.number(count));
      box.appendChild(shown);
      box.appendChild(said);
      var size = count < 10 ? 44 : count < 100 ? 50 : 56;
      return L.divIcon({ html: box, className: "office-cluster", iconSize: L.point(size, size) });
    };
  }

  function draw(canvas, offices) {
    if (canvas.dataset.mapReady || !offices.length) return;
    canvas.dataset.mapReady = "1";
    officeIcon = officeIcon || L.divIcon({ className: "office-marker", iconSize: [32, 32] });
    // The clusters need a highest zoom even with no tile layer (a plain ground).
    var map = MahalleMap.create(canvas, { maxZoom: 18 });
    canvas.officesMap = map;
    var points = offices.map(function (office) { return [office.lat, office.lng]; });
    if (points.length === 1) map.setView(points[0], 15);
    else map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
    var markers = offices.map(function (office) {
      return L.marker([office.lat, office.lng], { icon: officeIcon, title: office.name })
        .bindPopup(function () { return popup(office); });
    });
    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 60,
      iconCreateFunction: clusterIcon(canvas),
      // Ten thousand markers in slices, so that a cheap phone's page keeps answering while they are placed.
      chunkedLoading: true,
      chunkProgress: function (done, total) {
        // The clusters in view are placed just after the last slice is reported.
        if (done === total) setTimeout(function () { canvas.dataset.markers = String(total); }, 0);
      },
    });
    map.addLayer(clusters);
    clusters.addLayers(markers);
  }

  // Opened again after being closed: the canvas had no size while hidden.
  function shown(canvas) {
    if (canvas.officesMap) canvas.officesMap.invalidateSize();
  }

  return { draw: draw, shown: shown };
})();
