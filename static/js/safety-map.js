// The safety maps of defenceless spaces (reports/views/safety.py). The public one draws each
// neighbourhood's grid cells as rectangles with their counts, from the JSON in #safety-map-data: the server
// sends only cells with enough confirmed reports, never a report's point. The staff one places its reports'
// points from the JSON its element names. A table beside each map says the same in words.
(function () {
  var OFFICE = { radius: 6, color: "#074034", weight: 2, fillColor: "#ffffff", fillOpacity: 1 };

  function fit(map, bounds) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  }

  function drawCells(element, neighborhood) {
    var map = MahalleMap.create(element);
    var bounds = L.latLngBounds([]);
    var strongest = Math.max.apply(null, neighborhood.cells.map(function (cell) { return cell.count; }));
    neighborhood.cells.forEach(function (cell) {
      var strong = cell.count * 2 > strongest;
      L.rectangle(cell.bounds, { color: "#ffffff", weight: 1, fillColor: strong ? "#c0392b" : "#d35400", fillOpacity: 0.75, className: "safety-cell" })
        .bindTooltip(MahalleMap.number(cell.count), { permanent: true, direction: "center", className: "safety-cell-count" })
        .addTo(map);
      bounds.extend(cell.bounds);
    });
    // The office, a public place, for bearings when there are no tiles.
    if (neighborhood.office) {
      L.circleMarker(neighborhood.office, OFFICE).bindTooltip(element.dataset.officeLabel || "").addTo(map);
    }
    // Some room around: one cell reads as a place among its neighbours.
    fit(map, bounds.pad(1));
    element.dataset.cells = String(neighborhood.cells.length);
  }

  function drawPoints(element, points) {
    var map = MahalleMap.create(element);
    var bounds = L.latLngBounds([]);
    points.forEach(function (point) {
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.label;
      L.circleMarker([point.lat, point.lng], {
        radius: 7, color: "#ffffff", weight: 2, fillOpacity: 0.9, fillColor: point.closed ? "#0b5d4b" : "#c0392b",
      }).bindTooltip(point.label).bindPopup(link).addTo(map);
      bounds.extend([point.lat, point.lng]);
    });
    fit(map, bounds.pad(0.2));
    element.dataset.points = String(points.length);
  }

  function json(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof L === "undefined" || typeof MahalleMap === "undefined") return;
    var data = json("safety-map-data");
    document.querySelectorAll("[data-safety-cells]").forEach(function (element) {
      var id = Number(element.dataset.safetyCells);
      var neighborhood = data && data.neighborhoods.find(function (item) { return item.id === id; });
      if (neighborhood && neighborhood.cells.length) drawCells(element, neighborhood);
    });
    document.querySelectorAll("[data-safety-points]").forEach(function (element) {
      var points = (json(element.dataset.safetyPoints) || {}).points || [];
      if (points.length) drawPoints(element, points);
    });
  });
})();
