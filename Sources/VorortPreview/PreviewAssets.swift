/// The script and style sheet that exist only in the preview, served from `/__vorort/`. The script reloads the
/// page when the server says it changed; without JavaScript the preview works as a plain site.
enum PreviewAssets {
    static let script = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var page = script.getAttribute("data-seite");
          var seen = script.getAttribute("data-stand");
          if (!window.EventSource) { return; }
          var events = new EventSource("/__vorort/events?stand=" + encodeURIComponent(seen) + "&seite=" + encodeURIComponent(page));
          events.addEventListener("reload", function (event) {
            var paths = JSON.parse(event.data);
            if (paths.indexOf("*") >= 0 || paths.indexOf(page) >= 0) { window.location.reload(); }
          });
        })();

        """

    static let styles = """
        .vorort-vorschau { background: #1d1d1b; color: #fff; padding: .4rem 1rem; font-size: .95rem; }
        .vorort-vorschau p { margin: 0; overflow-wrap: anywhere; }
        .vorort-vorschau a { color: #fff; }
        .vorort-vorschau a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .vorort-fehler { border: 4px solid #b00020; background: #fff4f4; color: #1d1d1b; padding: 1rem; margin: 0; }
        .vorort-fehler ol { margin: .5rem 0 0; padding-left: 1.5rem; }
        .vorort-fehler li { margin: .4rem 0; overflow-wrap: anywhere; }
        .vorort-fehler code { font-weight: bold; }
        .vorort-tipp { color: #3b3b3b; }
        .vorort-regel { color: #5a5a5a; }
        mark.vorort-hinweis { background: #ffe08a; color: inherit; border-bottom: 3px solid #b35c00; cursor: help; }
        mark.vorort-hinweis:focus { outline: 3px solid #1d1d1b; outline-offset: 1px; }
        .vorort-hinweis-text { max-width: 30rem; background: #1d1d1b; color: #fff; padding: .5rem .75rem; border-radius: 4px;
          font-size: .95rem; font-weight: normal; position: absolute; z-index: 10; margin-top: .25rem; display: none; }
        /* Shown on hover and keyboard focus; screen readers get it as the mark's description (aria-describedby). */
        mark.vorort-hinweis:hover + .vorort-hinweis-text, mark.vorort-hinweis:focus + .vorort-hinweis-text { display: block; }

        """
}
