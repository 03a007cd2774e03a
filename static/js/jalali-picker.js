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

  // The server shows values in Persian digits; the picker reads only Latin ones, and would open on
  // today instead of the date in the box. Before it looks (it listens on body, we capture on document).
  function normalise(event) {
    var input = event.target;
    if (input && input.matches && input.matches("input[data-jdp]") && input.value) {
      var latin = latinDigits(input.value);
      if (latin !== input.value) input.value = latin;
    }
  }

  function start() {
    if (!window.jalaliDatepicker) return;
    document.addEventListener("focusin", normalise, true);
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
