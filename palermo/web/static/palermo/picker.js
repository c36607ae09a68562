/* Lists to choose from (web/widgets/searchable_checkboxes.html), of checkboxes or of radio
   buttons: a filter field that shows only the choices matching what is typed, by name or
   code; chosen ones always stay in sight. The list works without this script, which only
   shows the filter (on a list long enough to have one) and keeps the line naming what is
   chosen up to date. Loaded once per list, so it sets up each list only once. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }

  function labelOf(box) {
    return box.parentElement.textContent.trim();
  }

  function setUp(picker) {
    if (picker.dataset.ready) {
      return;
    }
    picker.dataset.ready = "1";
    var filter = picker.querySelector(".picker-filter");
    var summary = picker.querySelector(".picker-chosen");
    var boxes = Array.prototype.slice.call(picker.querySelectorAll(
      ".picker-options input[type=checkbox], .picker-options input[type=radio]"));

    function summarise() {
      // Each name in its own <bdi>: a Latin name keeps its direction on a Hebrew page.
      var chosen = boxes.filter(function (box) { return box.checked && box.value; });
      summary.textContent = "";
      if (!chosen.length) {
        summary.textContent = summary.dataset.none;
        return;
      }
      summary.append(summary.dataset.prefix + " ");
      chosen.forEach(function (box, index) {
        var name = document.createElement("bdi");
        name.textContent = labelOf(box);
        summary.append(name);
        if (index < chosen.length - 1) {
          summary.append(", ");
        }
      });
    }

    function narrow() {
      var wanted = fold(filter.value.trim());
      boxes.forEach(function (box) {
        var shown = !wanted || box.checked || fold(labelOf(box)).indexOf(wanted) !== -1 ||
          fold(box.value) === wanted;
        box.closest(".picker-options > div").hidden = !shown;
      });
    }

    boxes.forEach(function (box) { box.addEventListener("change", summarise); });
    if (!filter) {
      return;
    }
    filter.hidden = false;
    filter.addEventListener("input", narrow);
    filter.addEventListener("keydown", function (event) {
      // Enter in the filter would send the whole form half filled in.
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-picker]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
}());
