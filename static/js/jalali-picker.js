// Attach the Jalali calendar to every input[data-jdp], including ones added later (inline panels).
// Inputs stay typeable on phones (autoReadOnlyInput: false); the server normalises the digits.
(function () {
  function start() {
    if (!window.jalaliDatepicker) return;
    window.jalaliDatepicker.startWatch({
      autoReadOnlyInput: false,
      persianDigits: true,
      separatorChars: { date: "/" },
      zIndex: 10000,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
