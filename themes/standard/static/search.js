// Starts Pagefind's search box on the search page. A file of its own, not inline code, so the page's
// Content-Security-Policy can forbid inline scripts.
const search = new PagefindUI({ element: "#suche", showSubResults: true, showImages: false });
// The search forms of other pages (the home page's) send their words as `?q=`: search for them at once.
const query = new URLSearchParams(window.location.search).get("q");
if (query && query.trim()) search.triggerSearch(query.trim());
