// Filters the offer directory by town, topic, the language an offer is held in and „kostenlos“. Without JavaScript
// the page shows every offer, grouped by topic and by place; this only narrows the grouped list. The choices live
// in the address (?ort=…&thema=…&sprache=…&kostenlos=1): a reload, a shared link and the back button show the same
// selection. No data leaves the browser, nothing is stored.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("gefilterte-angebote");
  if (!form || !list || !window.URLSearchParams || !window.history.replaceState) { return; }
  var place = document.getElementById("filter-ort");
  var topic = document.getElementById("filter-thema");
  var language = document.getElementById("filter-sprache");
  var free = document.getElementById("filter-kostenlos");
  var count = form.querySelector(".filter-count");
  var reset = form.querySelector(".filter-reset");
  var selects = [place, topic, language];

  // A town's filter shows its own offers and the district's offers that serve it: every district-wide offer
  // (`data-kreisweit`) and those whose `areas` name the town (`data-orte`).
  function matches(card) {
    var towns = " " + (card.getAttribute("data-orte") || "") + " ";
    var languages = " " + (card.getAttribute("data-sprachen") || "") + " ";
    return (!place.value || card.hasAttribute("data-kreisweit") || towns.indexOf(" " + place.value + " ") >= 0) &&
      (!topic.value || card.getAttribute("data-thema") === topic.value) &&
      (!language.value || languages.indexOf(" " + language.value + " ") >= 0) &&
      (!free.checked || card.hasAttribute("data-kostenlos"));
  }

  function apply() {
    var shown = 0;
    list.querySelectorAll("section.category").forEach(function (section) {
      var visible = 0;
      section.querySelectorAll("li.card").forEach(function (card) {
        var match = matches(card);
        card.hidden = !match;
        if (match) { visible += 1; }
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    // The words come from the page, in its language; the status is read out by screen readers as it changes.
    count.textContent = shown === 0 ? count.getAttribute("data-none")
      : shown + " " + count.getAttribute(shown === 1 ? "data-one" : "data-many");
    var active = selects.some(function (select) { return select.value; }) || free.checked;
    reset.hidden = !active;
  }

  // The address holds only the choices that are set, so the unfiltered directory keeps its plain address.
  function remember() {
    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      if (select.value) { query.set(select.name, select.value); } else { query.delete(select.name); }
    });
    if (free.checked) { query.set(free.name, "1"); } else { query.delete(free.name); }
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  // Values that no option has (an old link, a town that was renamed) are ignored rather than showing nothing.
  function restore() {
    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = query.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      select.value = known ? wanted : "";
    });
    free.checked = query.get(free.name) === "1";
    apply();
  }

  function change() { apply(); remember(); }
  selects.forEach(function (select) { select.addEventListener("change", change); });
  free.addEventListener("change", change);
  document.getElementById("filter-zuruecksetzen").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    free.checked = false;
    change();
    place.focus();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // Browsers may fill the form in again when coming back to the page; the address is what counts.
  window.addEventListener("pageshow", restore);
  window.addEventListener("popstate", restore);
  form.hidden = false;
  restore();
}());
