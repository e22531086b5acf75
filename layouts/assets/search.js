// Starts Pagefind's search UI on the search page. Loaded after the search
// container and /pagefind/pagefind-ui.js; no inline script, so the site's CSP holds.
// Pagefind picks its strings and its index from <html lang>.
(function () {
  "use strict";
  var container = document.getElementById("search");
  if (!container || typeof window.PagefindUI !== "function") return;

  var ui = new window.PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    // Keep the address in step with the words typed: results can be bookmarked,
    // shared, and found again with the Back button.
    processTerm: function (term) {
      var url = new URL(window.location.href);
      if (term) url.searchParams.set("q", term);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      return term;
    },
  });

  // Pagefind's field is named by its placeholder only; give it a visible label.
  var input = container.querySelector("input[type='text'], input[type='search']");
  if (input && container.dataset.label) {
    input.id = "search-input";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = container.dataset.label;
    container.parentNode.insertBefore(label, container);
  }

  // /search/?q=… (a bookmark, the 404 page, a link from another page) searches at once.
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    if (input) input.value = query;
    ui.triggerSearch(query);
  }
})();
