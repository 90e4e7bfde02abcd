// Registers the site's service worker (sw.js, written by `vorort build`), which keeps the pages a visitor opened on
// their device for reading without a connection. On the offline page it lists the kept pages, those in the page's
// language first, and deletes them on request. Every page works without this script; nothing leaves the device.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches) { return; }
  var worker = script.getAttribute("data-worker");
  if (worker) {
    navigator.serviceWorker.register(worker).then(function () {
      // The first page loads before the worker exists: the worker is asked to keep it (and its place's contact points).
      if (!navigator.serviceWorker.controller) {
        navigator.serviceWorker.ready.then(function (ready) {
          if (ready.active) { ready.active.postMessage({ keep: location.href }); }
        });
      }
    }).catch(function () {});
  }

  var saved = document.getElementById("offline-saved");
  if (!saved) { return; }
  var own = document.getElementById("offline-pages");
  var other = document.getElementById("offline-other");
  var otherHeading = document.getElementById("offline-other-heading");
  var none = document.getElementById("offline-none");
  var language = document.documentElement.lang;

  // Title, language and direction of a kept page, read from its own HTML.
  function describe(request, response) {
    return response.text().then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var heading = page.querySelector("h1");
      return {
        url: request.url,
        title: (heading ? heading.textContent : page.title).trim(),
        lang: page.documentElement.lang,
        dir: page.documentElement.dir
      };
    });
  }

  function item(page) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = page.url;
    a.textContent = page.title;
    if (page.lang !== language) {
      a.lang = page.lang;
      a.dir = page.dir;
      a.hreflang = page.lang;
    }
    li.appendChild(a);
    return li;
  }

  function show() {
    caches.open(saved.getAttribute("data-pages-cache")).then(function (cache) {
      return cache.keys().then(function (requests) {
        // The newest first; the offline page itself is no reading matter.
        requests = requests.reverse().filter(function (request) { return !/\/offline\/$/.test(request.url); });
        return Promise.all(requests.map(function (request) {
          return cache.match(request).then(function (response) { return response ? describe(request, response) : null; });
        }));
      });
    }).then(function (pages) {
      own.textContent = "";
      other.textContent = "";
      pages = pages.filter(Boolean);
      pages.forEach(function (page) { (page.lang === language ? own : other).appendChild(item(page)); });
      own.hidden = !own.children.length;
      other.hidden = otherHeading.hidden = !other.children.length;
      none.hidden = pages.length > 0;
    }).catch(function () { none.hidden = false; });
  }

  var remove = document.getElementById("offline-delete");
  var status = document.getElementById("offline-deleted");
  remove.addEventListener("click", function () {
    var prefix = saved.getAttribute("data-cache-prefix");
    // The worker goes too; the next page opened installs it afresh, with empty caches.
    var scope = worker ? new URL("./", new URL(worker, location.href)).href : null;
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.filter(function (registration) { return registration.scope === scope; })
        .map(function (registration) { return registration.unregister(); }));
    }).then(function () {
      return caches.keys();
    }).then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(prefix) === 0; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () {
      status.textContent = status.getAttribute("data-done");
      show();
    });
  });
  remove.parentNode.hidden = false;
  show();
}());
