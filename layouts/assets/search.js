// Starts Pagefind's search UI on the search page. Loaded after the search
// container and /pagefind/pagefind-ui.js; no inline script, so the site's CSP holds.
// Pagefind picks its strings and its index from <html lang>.
(function () {
  "use strict";
  var container = document.getElementById("search");
  if (!container || typeof window.PagefindUI !== "function") return;

  // The index was built with ASCII apostrophes so that French elisions split
  // (plugins/search/apostrophes.ts): show the typographic ones again.
  var ASCII_APOSTROPHE = /(\p{L})(?:'|&#39;|&#x27;)(?=\p{L})/gu;
  var typographic = function (text) {
    return typeof text === "string" ? text.replace(ASCII_APOSTROPHE, "$1\u2019") : text;
  };

  // Pagefind's own words where the site says it differently ("Effacer", not "Nettoyer").
  var words = container.dataset;
  var translations = {};
  if (words.clear) translations.clear_search = words.clear;
  if (words.loadMore) translations.load_more = words.loadMore;
  if (words.filters) translations.filters_label = words.filters;

  var ui = new window.PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    // About two lines of text per result: enough to judge it, short enough to scan ten.
    excerptLength: 24,
    // Section filters closed until asked for.
    openFilters: [],
    translations: translations,
    processResult: function (result) {
      result.excerpt = typographic(result.excerpt);
      if (result.meta) result.meta.title = typographic(result.meta.title);
      (result.sub_results || []).forEach(function (sub) {
        sub.title = typographic(sub.title);
        sub.excerpt = typographic(sub.excerpt);
      });
      return result;
    },
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
