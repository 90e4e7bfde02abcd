// On the 404 page: servers answer every missing address with the same file, so the page says its message in
// every language. This moves the block of the language the requested address was in (`/integration/ar/…`) to the
// top. Without JavaScript the page's own language stays first and every other language is still there.
(function () {
  var list = document.querySelector(".not-found-languages");
  if (!list) return;
  var base = list.getAttribute("data-base-path") || "/";
  var path = window.location.pathname;
  if (path.indexOf(base) !== 0) return;
  var code = path.slice(base.length).split("/")[0];
  // Only a language code is looked up; anything else in the address is left alone.
  if (!/^[a-z]{2,3}$/.test(code)) return;
  var blocks = list.querySelectorAll(".not-found-language");
  for (var i = 0; i < blocks.length; i++) {
    if (blocks[i].getAttribute("data-language") === code) {
      if (i > 0) list.insertBefore(blocks[i], list.firstElementChild);
      return;
    }
  }
})();
