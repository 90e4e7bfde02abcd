// Starts Pagefind's search box on the search page. A file of its own, not inline code, so the page's
// Content-Security-Policy can forbid inline scripts.
var vorortSearch = new PagefindUI({ element: "#suche", showSubResults: true, showImages: false });
// The search forms of the 404 page and the home page send their words as `?q=…`: search for them at once.
var vorortQuery = new URLSearchParams(window.location.search).get("q");
if (vorortQuery) vorortSearch.triggerSearch(vorortQuery);
