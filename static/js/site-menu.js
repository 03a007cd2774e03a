// The header's menu button on narrow screens (the ARIA disclosure pattern).
// Loaded in <head> without defer, so the class below is on <html> before the header is drawn: the header
// is folded from the first paint (no jump when the script runs). The CSS shows the button and folds the
// navigation only under that class, so without this script (or if it fails to load) every link stays open.
(function () {
  "use strict";
  document.documentElement.classList.add("has-menu-button");

  function wire() {
    var button = document.querySelector(".site-header__menu-button");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    var header = button.closest(".site-header");

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("is-menu-open", open);
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and gives the focus back to its button.
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
