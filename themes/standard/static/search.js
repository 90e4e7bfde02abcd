// Starts Pagefind's search box on the search page. A file of its own, not inline code, so the page's
// Content-Security-Policy can forbid inline scripts.
new PagefindUI({ element: "#suche", showSubResults: true, showImages: false });
