// The body's galleries and videos (templates/content/blocks/).
// Gallery: a thumbnail opens its picture full screen in a <dialog>; arrows, swipe and the buttons go to the
// next or previous one, Escape closes and gives focus back to the thumbnail. Without script each thumbnail is
// a link to its picture.
// Video: the still and its play link stand in for the player; pressing it puts the player (Aparat's frame or
// our own <video>) in their place, so nothing is fetched from another site before the reader asks.
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function digits(number) {
    var lang = document.documentElement.lang || "fa";
    try { return Number(number).toLocaleString(lang === "fa" ? "fa-IR" : lang); } catch (e) { return String(number); }
  }

  function button(label, text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.setAttribute("aria-label", label);
    b.textContent = text;
    return b;
  }

  function openGallery(gallery, start) {
    var items = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-item]"));
    var rtl = document.documentElement.dir === "rtl";
    var d = gallery.dataset;
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", d.labelDialog);
    var bar = document.createElement("div");
    bar.className = "lightbox__bar";
    var position = document.createElement("p");
    position.className = "lightbox__position";
    position.setAttribute("aria-live", "polite");
    var close = button(d.labelClose, "✕", "lightbox__close");
    bar.append(position, close);
    var stage = document.createElement("div");
    stage.className = "lightbox__stage";
    var img = document.createElement("img");
    stage.append(img);
    var caption = document.createElement("p");
    caption.className = "lightbox__caption";
    var nav = document.createElement("div");
    nav.className = "lightbox__nav";
    var previous = button(d.labelPrevious, rtl ? "→" : "←", "lightbox__previous");
    var next = button(d.labelNext, rtl ? "←" : "→", "lightbox__next");
    nav.append(previous, next);
    dialog.append(bar, stage, caption, nav);
    document.body.append(dialog);

    var index = start;
    function show(i) {
      index = (i + items.length) % items.length;
      var link = items[index];
      var thumb = link.querySelector("img");
      img.removeAttribute("srcset");
      img.src = link.href;
      if (link.dataset.srcset) { img.srcset = link.dataset.srcset; img.sizes = "100vw"; }
      img.width = Number(link.dataset.width) || 0;
      img.height = Number(link.dataset.height) || 0;
      img.alt = thumb ? thumb.alt : "";
      caption.textContent = link.dataset.caption || "";
      position.textContent = format(d.labelPosition, { n: digits(index + 1), total: digits(items.length) });
    }
    previous.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      // The arrow that points to the next picture depends on the page's direction.
      if (event.key === "ArrowLeft") { show(index + (rtl ? 1 : -1)); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(index + (rtl ? -1 : 1)); event.preventDefault(); }
    });
    var startX = null;
    stage.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    stage.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) < 40) return;
      // A swipe towards the start of the line brings the next picture, as turning a page does.
      var towardsStart = rtl ? dx > 0 : dx < 0;
      show(index + (towardsStart ? 1 : -1));
    });
    dialog.addEventListener("close", function () {
      var link = items[index];
      dialog.remove();
      link.focus();
    });
    show(start);
    dialog.showModal();
    close.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-gallery-item]");
    if (link) {
      event.preventDefault();
      var gallery = link.closest("[data-gallery]");
      var items = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-item]"));
      openGallery(gallery, items.indexOf(link));
      return;
    }
    var play = event.target.closest("[data-video-play]");
    if (play) {
      event.preventDefault();
      var frame = play.closest(".video__frame");
      var player = frame.querySelector("template").content.cloneNode(true);
      frame.replaceChildren(player);
      var video = frame.querySelector("video");
      if (video) { video.play().catch(function () {}); video.focus(); }
      else { var iframe = frame.querySelector("iframe"); if (iframe) iframe.focus(); }
    }
  });
})();
