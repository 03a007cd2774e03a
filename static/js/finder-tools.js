// "Near me" and the map of every office (templates/neighborhoods/includes/finder_tools.html). Both read the
// offices' compact feed (directory/maps.py office_feed), fetched only when a reader presses a button. The nearest
// offices are worked out here, in the browser: the reader's position is never sent anywhere, and the page (cached
// and shared by every reader) stays the same for all. Leaflet and the map's own scripts come only with the map.
// Labels and messages come from the template's data attributes, in the page's language.
(function () {
  var NEAREST = 5;
  var EARTH_RADIUS_METRES = 6371008.8;
  var feeds = {};

  function language() {
    return document.documentElement.lang || "fa";
  }

  // A number in the page's digits («۱٫۲» on Persian pages), as map-base.js writes them.
  function number(value, fractionDigits) {
    return Number(value).toLocaleString(language(), { maximumFractionDigits: fractionDigits || 0 });
  }

  // Fill a "{name}" of a translated message; a function, so that "$" in a name is taken as it is.
  function fill(message, name, value) {
    return message.replace("{" + name + "}", function () { return value; });
  }

  function isWholeUrl(path) {
    return /^(\/|[a-z][a-z0-9+.-]*:)/i.test(path);
  }

  // The slug the admin makes from a title (directory/maps.py slug_from_title, the same rule): the feed leaves
  // out the slugs that follow it. Built in start(), as a browser without Unicode classes cannot parse it.
  var notSlugLetters = null;
  function slugFromTitle(title) {
    return title.toLowerCase().replace(notSlugLetters, "").replace(/[- ]+/g, "-").replace(/-+$/, "");
  }

  // The feed's columns back into one object per office (see office_feed for the layout).
  function decode(feed) {
    if (!feed || feed.v !== 1) throw new Error("unknown offices feed");
    var offices = [];
    var at = 0;
    feed.cities.forEach(function (city) {
      var province = feed.provinces[city[1]];
      var lat = 0;
      var lng = 0;
      for (var i = 0; i < city[2]; i++, at++) {
        lat = i ? lat + feed.lat[at] : feed.lat[at];
        lng = i ? lng + feed.lng[at] : feed.lng[at];
        var name = feed.names[at];
        var path = feed.paths[at];
        offices.push({
          lat: lat / 10000,
          lng: lng / 10000,
          name: name,
          city: city[0],
          province: province[0],
          url: isWholeUrl(path) ? path : province[1] + (path || slugFromTitle(name)) + "/",
        });
      }
    });
    return offices;
  }

  // Fetched once per page, by whichever tool asks first; asked again after a failure.
  function offices(url) {
    if (!feeds[url]) {
      feeds[url] = fetch(url, { credentials: "omit" })
        .then(function (response) {
          if (!response.ok) throw new Error("offices feed: " + response.status);
          return response.json();
        })
        .then(decode);
      feeds[url].catch(function () { delete feeds[url]; });
    }
    return feeds[url];
  }

  // Great-circle distance in metres (haversine).
  function distance(from, to) {
    var radians = Math.PI / 180;
    var dLat = (to.lat - from.lat) * radians;
    var dLng = (to.lng - from.lng) * radians;
    var h = Math.pow(Math.sin(dLat / 2), 2)
      + Math.cos(from.lat * radians) * Math.cos(to.lat * radians) * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // «۳۵۰ متر» to the nearest ten metres under a kilometre; «۱٫۲ کیلومتر» to a tenth under a hundred.
  function distanceText(metres, tools) {
    var tens = Math.max(10, Math.round(metres / 10) * 10);
    if (tens < 1000) return fill(tools.dataset.metres, "distance", number(tens));
    var kilometres = metres / 1000;
    var shown = kilometres < 100 ? number(Math.round(kilometres * 10) / 10, 1) : number(Math.round(kilometres));
    return fill(tools.dataset.kilometres, "distance", shown);
  }

  function say(status, message) {
    status.textContent = message || "";
  }

  function listNearest(tools, list, here, all) {
    var nearest = all
      .map(function (office) { return { office: office, metres: distance(here, office) }; })
      .sort(function (a, b) { return a.metres - b.metres; })
      .slice(0, NEAREST);
    list.textContent = "";
    nearest.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.className = "near-list__name";
      link.href = item.office.url;
      link.textContent = item.office.name;
      var place = document.createElement("span");
      place.className = "near-list__place";
      place.textContent = fill(fill(tools.dataset.place, "city", item.office.city), "province", item.office.province);
      var far = document.createElement("span");
      far.className = "near-list__distance";
      far.textContent = distanceText(item.metres, tools);
      entry.appendChild(link);
      entry.appendChild(place);
      entry.appendChild(far);
      list.appendChild(entry);
    });
    list.hidden = !nearest.length;
    return nearest.length;
  }

  function nearMe(tools, button) {
    var status = tools.querySelector("[data-near-status]");
    var list = tools.querySelector("[data-near-list]");
    if (button.dataset.busy) return;
    button.dataset.busy = "1";
    list.hidden = true;
    say(status, tools.dataset.locating);
    // Fetched while the reader answers the browser's question: on a slow connection the list is ready sooner.
    var all = offices(tools.dataset.feedUrl);
    all.catch(function () {});
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var here = { lat: position.coords.latitude, lng: position.coords.longitude };
        all.then(function (found) {
          say(status, listNearest(tools, list, here, found) ? tools.dataset.found : tools.dataset.none);
        }, function () {
          say(status, tools.dataset.failed);
        }).then(function () { delete button.dataset.busy; });
      },
      function (error) {
        say(status, error.code === 1 ? tools.dataset.denied : tools.dataset.unavailable);
        delete button.dataset.busy;
      },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 }
    );
  }

  function addStyle(href) {
    return new Promise(function (resolve) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      // The map works unstyled too; a missing stylesheet does not stop it.
      link.onload = link.onerror = function () { resolve(); };
      document.head.appendChild(link);
    });
  }

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.body.appendChild(script);
    });
  }

  // Leaflet, the marker clusters, map-base.js and offices-map.js, one after another (each needs the one before).
  var mapCode = null;
  function loadMapCode(canvas) {
    if (!mapCode) {
      var styles = (canvas.dataset.finderStyles || "").split(" ").filter(Boolean);
      var scripts = (canvas.dataset.finderScripts || "").split(" ").filter(Boolean);
      mapCode = Promise.all(styles.map(addStyle)).then(function () {
        return scripts.reduce(function (done, src) {
          return done.then(function () { return addScript(src); });
        }, Promise.resolve());
      });
      mapCode.catch(function () { mapCode = null; });
    }
    return mapCode;
  }

  function toggleMap(tools, button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (!open) return;
    var canvas = panel.querySelector(".offices-map__canvas");
    var status = panel.querySelector("[data-map-status]");
    if (canvas.dataset.mapReady) {
      window.MahalleOfficesMap.shown(canvas);
      return;
    }
    say(status, canvas.dataset.loading);
    var all = offices(tools.dataset.feedUrl);
    all.catch(function () {});
    loadMapCode(canvas)
      .then(function () { return all; })
      .then(function (found) {
        window.MahalleOfficesMap.draw(canvas, found);
        say(status, found.length ? "" : tools.dataset.none);
      })
      .catch(function () { say(status, canvas.dataset.failed); });
  }

  function start() {
    if (!("fetch" in window) || !("Promise" in window)) return;
    try {
      notSlugLetters = new RegExp("[^-_\\p{L}\\p{N} ]", "gu");
    } catch (error) {
      return;
    }
    document.querySelectorAll("[data-finder-tools]").forEach(function (tools) {
      var near = tools.querySelector("[data-near-me]");
      // Browsers give a position only to secure pages (https, or this machine).
      if ("geolocation" in navigator && window.isSecureContext !== false) {
        near.hidden = false;
        tools.querySelector("[data-near-me-note]").hidden = false;
        near.addEventListener("click", function () { nearMe(tools, near); });
      }
      var map = tools.querySelector("[data-offices-map]");
      map.addEventListener("click", function () { toggleMap(tools, map); });
      tools.hidden = false;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
