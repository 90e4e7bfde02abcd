// Filters the offer directory by place and topic. Without JavaScript the page shows every offer, grouped by
// topic and by place; this only narrows the grouped list. No data leaves the browser, nothing is stored.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("gefilterte-angebote");
  if (!form || !list) { return; }
  var place = document.getElementById("filter-ort");
  var topic = document.getElementById("filter-thema");
  var count = form.querySelector(".filter-count");
  function apply() {
    var shown = 0;
    list.querySelectorAll("section.category").forEach(function (section) {
      var visible = 0;
      section.querySelectorAll("li.card").forEach(function (card) {
        var match = (!place.value || card.getAttribute("data-ort") === place.value) &&
          (!topic.value || card.getAttribute("data-thema") === topic.value);
        card.hidden = !match;
        if (match) { visible += 1; }
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    // The words come from the page, in its language.
    count.textContent = shown + " " + count.getAttribute(shown === 1 ? "data-one" : "data-many");
  }
  place.addEventListener("change", apply);
  topic.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
