// A "use my location" button beside every map-point input; typing by hand keeps working.
(function () {
  function attach(input) {
    if (!("geolocation" in navigator) || input.dataset.locationReady) return;
    input.dataset.locationReady = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary location-button";
    button.textContent = input.dataset.locationLabel || "موقعیت کنونی من";
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          input.value = position.coords.latitude.toFixed(6) + ", " + position.coords.longitude.toFixed(6);
          button.disabled = false;
        },
        function () {
          button.disabled = false;
        },
        { enableHighAccuracy: true, timeout: 10000 }
      );
    });
    input.insertAdjacentElement("afterend", button);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-location]").forEach(attach);
  });
})();
