// Suggestions under a search box while the visitor types (ARIA 1.2 combobox with a listbox).
// Progressive enhancement: without this script the box is a plain form that submits to /search/.
(function () {
  "use strict";
  var DELAY = 200;
  var counter = 0;

  function enhance(input) {
    // The script may be on a page twice (the header's box and the neighbourhood finder's): one list per box.
    if (input.dataset.suggestReady) return;
    input.dataset.suggestReady = "1";
    var form = input.form;
    var list = document.createElement("ul");
    var id = "search-suggest-" + (++counter);
    var timer = null;
    var request = null;
    var active = -1;
    list.id = id;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    form.classList.add("has-suggest");
    input.insertAdjacentElement("afterend", list);

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(suggestions) {
      close();
      if (!suggestions.length) return;
      suggestions.forEach(function (suggestion, i) {
        // The option itself is what is chosen (a link inside an option would be a second control nested in it):
        // the keyboard through the box, a tap or a click on the option.
        var item = document.createElement("li");
        var title = document.createElement("span");
        item.id = id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        title.className = "search-suggest__title";
        title.textContent = suggestion.title;
        item.appendChild(title);
        // A second line that tells two like names apart: where it is, what kind of page it is.
        if (suggestion.detail) {
          var detail = document.createElement("span");
          detail.className = "search-suggest__detail";
          detail.textContent = suggestion.detail;
          item.appendChild(detail);
        }
        item.addEventListener("click", function () { window.location.assign(suggestion.url); });
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      if (value.length < 2) { close(); return; }
      if (request) request.abort();
      request = new AbortController();
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(value);
      fetch(url, { signal: request.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (document.activeElement === input) show(data.suggestions || []); })
        .catch(function () { /* aborted or offline: the form still submits */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" && open) { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape" && open) { event.preventDefault(); close(); }
      else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.url);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
