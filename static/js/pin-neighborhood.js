// The reader's own neighbourhood, kept in this browser only (localStorage: no cookie, nothing sent to the portal),
// so that the front page can lead with it. Pages are cached and shared, so their HTML is the same for every reader:
// the button on a neighbourhood's page (pin_button.html) and the line on the front page (pinned.html) are filled in
// here. One neighbourhood per language, as its name and address differ between them.
(function () {
  var key = "mahalle:my-neighborhood:" + (document.documentElement.lang || "fa");

  function storage() {
    try {
      var store = window.localStorage;
      store.setItem(key + ":test", "1");
      store.removeItem(key + ":test");
      return store;
    } catch (error) {
      return null; // storage turned off (or full): the page offers nothing it could not keep
    }
  }

  // Only an address of this site: whatever is kept becomes a link on the front page.
  function sameSitePath(url) {
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.origin === window.location.origin ? parsed.pathname : null;
    } catch (error) {
      return null;
    }
  }

  function read(store) {
    try {
      var kept = JSON.parse(store.getItem(key) || "null");
      if (kept && typeof kept.name === "string" && typeof kept.url === "string" && sameSitePath(kept.url)) return kept;
    } catch (error) {}
    return null;
  }

  function pinButton(box, store) {
    var button = box.querySelector("[data-pin-button]");
    var status = box.querySelector("[data-pin-status]");
    var here = sameSitePath(box.dataset.pinUrl);
    if (!here) return;

    function isMine() {
      var kept = read(store);
      return Boolean(kept) && sameSitePath(kept.url) === here;
    }

    function show() {
      button.textContent = isMine() ? box.dataset.unpinLabel : box.dataset.pinLabel;
    }

    button.addEventListener("click", function () {
      if (isMine()) {
        store.removeItem(key);
        status.textContent = box.dataset.unpinned;
      } else {
        store.setItem(key, JSON.stringify({ name: box.dataset.pinName, url: here }));
        status.textContent = box.dataset.pinned;
      }
      show();
    });
    show();
    box.hidden = false;
  }

  function pinnedPlace(line, store) {
    var kept = read(store);
    if (!kept) return;
    var link = document.createElement("a");
    link.href = sameSitePath(kept.url);
    link.textContent = kept.name;
    line.textContent = line.dataset.label + " ";
    line.appendChild(link);
    line.hidden = false;
  }

  function start() {
    var store = storage();
    if (!store) return;
    document.querySelectorAll("[data-pin]").forEach(function (box) { pinButton(box, store); });
    document.querySelectorAll("[data-pinned-place]").forEach(function (line) { pinnedPlace(line, store); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
