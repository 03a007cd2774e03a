// Attach the Jalali calendar to every input[data-jdp], including ones added later (inline panels,
// StreamField blocks, the admin's schedule dialog). Inputs stay typeable on phones
// (autoReadOnlyInput: false); the server normalises the digits.
// Times are on for the picker as a whole; date-only inputs carry data-jdp-only-date.
(function () {
  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  var ARABIC = "٠١٢٣٤٥٦٧٨٩";

  function latinDigits(text) {
    return text.replace(/[۰-۹٠-٩]/g, function (d) {
      var i = PERSIAN.indexOf(d);
      return String(i >= 0 ? i : ARABIC.indexOf(d));
    });
  }

  function persianDigits(text) {
    return text.replace(/[0-9]/g, function (d) { return PERSIAN[d]; });
  }

  // Persian pages (and the Persian admin) show dates in Persian digits, as the server writes them.
  function pagePersian() {
    return (document.documentElement.lang || "").split("-")[0] === "fa";
  }

  function isPickerInput(input) {
    return input && input.matches && input.matches("input[data-jdp]");
  }

  // The picker reads only Latin digits, and would open on today instead of the date in the box. It reads
  // the box when it opens (a focusin listener on body): the box holds Latin digits from our capturing
  // listener on document, which runs before it, until our bubbling listener on document, which runs after.
  function toLatin(event) {
    var input = event.target;
    if (isPickerInput(input) && input.value) {
      var latin = latinDigits(input.value);
      if (latin !== input.value) input.value = latin;
    }
  }

  // Back to the page's digits once the picker has read the box, and whenever it writes a date (its
  // output is Latin: «1404/08/20» on a Persian page).
  function toPage(event) {
    var input = event.target;
    if (isPickerInput(input) && input.value && pagePersian()) {
      var persian = persianDigits(input.value);
      if (persian !== input.value) input.value = persian;
    }
  }

  function start() {
    if (!window.jalaliDatepicker) return;
    document.addEventListener("focusin", toLatin, true);
    document.addEventListener("focusin", toPage);
    document.addEventListener("jdp:change", toPage);
    window.jalaliDatepicker.startWatch({
      autoReadOnlyInput: false,
      persianDigits: true,
      time: true,
      hasSecond: false,
      separatorChars: { date: "/", between: " ", time: ":" },
      zIndex: 10000,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
