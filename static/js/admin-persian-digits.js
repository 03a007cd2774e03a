// Persian digits in the admin's own words. Wagtail writes its counts, pagers, dates and version in Latin digits,
// some of them from the server and some from its scripts (the sidebar, the what's-new badge), so the text shown
// is turned to Persian digits as it appears. What a person types or copies is left alone: form fields, editors,
// code, and anything marked to keep its digits (translate="no", .keep-latin-digits, an explicit lang other than fa).
(function () {
  "use strict";
  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  var HAS_LATIN = /[0-9]/;
  var LATIN = /[0-9]/g;
  var KEEP = "script, style, textarea, input, select, option, code, pre, kbd, samp, [contenteditable], " +
    ".Draftail-Editor, .keep-latin-digits, [translate='no']";

  function kept(element) {
    if (!element || element.closest(KEEP)) return true;
    var marked = element.closest("[lang]");
    return marked !== null && !/^fa\b/.test(marked.getAttribute("lang"));
  }

  function convert(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (HAS_LATIN.test(node.nodeValue) && !kept(node.parentElement)) {
        node.nodeValue = node.nodeValue.replace(LATIN, function (d) { return PERSIAN[d]; });
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || kept(node)) return;
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(convert);
  }

  function start() {
    convert(document.body);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "characterData") convert(change.target);
        else change.addedNodes.forEach(convert);
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.documentElement.lang.indexOf("fa") !== 0) return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
