// A Persian button for the photo question (templates/forms/widgets/photo_input.html): the file input stays
// the field (focusable, labelled by the question), only drawn out of sight; the label beside it opens it and
// the line under it names the photo chosen.
(function () {
  function enhance(wrapper) {
    var input = wrapper.querySelector("input[type=file]");
    var button = wrapper.querySelector(".photo-input__button");
    var name = wrapper.querySelector(".photo-input__name");
    if (!input || !button || !name) return;
    wrapper.classList.add("photo-input--enhanced");
    button.hidden = false;
    name.hidden = false;
    function show() {
      name.textContent = input.files && input.files.length ? input.files[0].name : wrapper.dataset.empty;
    }
    input.addEventListener("change", show);
    show();
  }
  document.querySelectorAll("[data-photo-input]").forEach(enhance);
})();
