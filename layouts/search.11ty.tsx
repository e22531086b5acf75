/**
 * The search page of a language: Pagefind's UI (its strings follow
 * `<html lang>`, its index is this language's), started by /assets/search.js.
 * Without JavaScript the page says so and offers the sections to browse.
 */
import { Base } from "./components/Base.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

/** Where to go when the search cannot run: UI string key → path inside a language. */
const BROWSE: { key: string; path: string }[] = [
  { key: "nav.blog", path: "blog/" },
  { key: "nav.events", path: "events/" },
  { key: "nav.docs", path: "docs/" },
  { key: "nav.association", path: "association/" },
];

export default function SearchLayout(data: PageData) {
  const c = contextOf(data);
  const title = c.t("search.title");
  return (
    <Base
      data={data}
      title={title}
      description={c.t("search.intro")}
      styles={["/pagefind/pagefind-ui.css", "/assets/search.css"]}
    >
      <h1>{title}</h1>
      <p class="lead">{c.t("search.intro")}</p>
      {/* search.js puts a visible label ("data-label") before Pagefind's field and hands
          the site's own words for its buttons to Pagefind's `translations` option. */}
      <div
        id="search"
        class="site-search"
        data-label={c.t("search.label")}
        data-clear={c.t("search.clear")}
        data-load-more={c.t("search.loadMore")}
        data-filters={c.t("search.filters")}
      />
      <noscript>
        <p class="notice">{c.t("search.noscript")}</p>
        <ul>
          {BROWSE.map((item) => (
            <li>
              <a href={c.url(item.path)}>{c.t(item.key)}</a>
            </li>
          ))}
        </ul>
      </noscript>
      <p class="meta search-privacy">{c.t("search.privacy")}</p>
      {/* After the container, in this order, so no `defer` is needed. */}
      <script src="/pagefind/pagefind-ui.js" />
      <script src="/assets/search.js" />
    </Base>
  );
}
