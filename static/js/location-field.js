// The location question of participation forms (forms/fields.py, LocationWidget). The «latitude, longitude»
// box stays the field: this puts beside it a "use my location" button and a map where a tap (or dragging
// the pin) writes the point into the box, and typing in the box moves the pin. The map opens on the
// neighbourhood's office (data-map-centre). Without Leaflet, tiles or scripts the box is typed into as before;
// the server reads it whatever the digits.
(function () {
  var IRAN = [32.4, 53.7];

  function latinDigits(text) {
    return text
      .replace(/[۰-۹]/g, function (digit) { return String(digit.charCodeAt(0) - 0x06f0); })
      .replace(/[٠-٩]/g, function (digit) { return String(digit.charCodeAt(0) - 0x0660); });
  }

  // The server's reading (LocationField.clean), only to move the pin while someone types.
  function parse(value) {
    var text = latinDigits(value).replace(/٫/g, ".").replace(/،/g, ",").replace(/\u2212/g, "-").trim();
    var parts = text.indexOf(",") >= 0 ? text.split(",") : text.split(/\s+/);
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return null;
    var lat = Number(parts[0]), lng = Number(parts[1]);
    if (!isFinite(lat) || !isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    return L.latLng(lat, lng);
  }

  function format(point) {
    return point.lat.toFixed(6) + ", " + point.lng.toFixed(6);
  }

  function addButton(input, after) {
    if (!("geolocation" in navigator)) return after;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary location-button";
    button.textContent = input.dataset.locationLabel || "موقعیت کنونی من";
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          input.value = position.coords.latitude.toFixed(6) + ", " + position.coords.longitude.toFixed(6);
          input.dispatchEvent(new Event("input"));
          button.disabled = false;
        },
        function () {
          button.disabled = false;
        },
        { enableHighAccuracy: true, timeout: 10000 }
      );
    });
    after.insertAdjacentElement("afterend", button);
    return button;
  }

  function addMap(input, after) {
    if (typeof L === "undefined" || typeof MahalleMap === "undefined") return;
    var element = document.createElement("div");
    element.className = "place-map__canvas location-map";
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", input.dataset.mapLabel || "");
    element.dataset.tileUrl = input.dataset.tileUrl || "";
    element.dataset.tileAttribution = input.dataset.tileAttribution || "";
    after.insertAdjacentElement("afterend", element);

    // Arrow keys would move the map, not the point: keyboards type the point into the box instead.
    var map = MahalleMap.create(element, { keyboard: false });
    var centre = input.dataset.mapCentre ? L.latLng(input.dataset.mapCentre.split(",").map(Number)) : null;
    if (centre) {
      L.circleMarker(centre, { radius: 7, color: "#074034", weight: 2, fillColor: "#0b5d4b", fillOpacity: 0.85, interactive: false })
        .bindTooltip(input.dataset.mapCentreLabel || "", { permanent: true, direction: "top" })
        .addTo(map);
    }
    var pin = null;
    function place(point) {
      if (pin) {
        pin.setLatLng(point);
        return;
      }
      var icon = L.divIcon({ className: "location-pin", html: '<span class="location-pin__head"></span>', iconSize: [22, 22], iconAnchor: [11, 27] });
      pin = L.marker(point, { icon: icon, draggable: true, keyboard: false }).addTo(map);
      pin.on("dragend", function () {
        input.value = format(pin.getLatLng());
      });
    }
    map.on("click", function (event) {
      place(event.latlng);
      input.value = format(event.latlng);
    });
    input.addEventListener("input", function () {
      var point = parse(input.value);
      if (point) {
        place(point);
        map.panTo(point);
      }
    });
    var start = parse(input.value);
    if (start) place(start);
    map.setView(start || centre || IRAN, start || centre ? 16 : 5);
    element.dataset.mapReady = "1";
  }

  function attach(input) {
    if (input.dataset.locationReady) return;
    input.dataset.locationReady = "1";
    addMap(input, addButton(input, input));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-location]").forEach(attach);
  });
})();
