/**
 * Moving through the blog: the pages of a list, the posts before and after
 * this one in the same language, and the ways into the archives.
 */
import type { Pagination as PaginationData } from "../../plugins/core/eleventy.ts";
import { postOf } from "../../plugins/blog/posts.ts";
import type { BlogYear } from "../../plugins/blog/tags.ts";
import type { YearCounts } from "../../plugins/core/years.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";

/**
 * The pages a pager links to (0-based): the first, the last, and the current
 * one with `around` pages on each side; `undefined` stands for skipped pages.
 * A gap of a single page shows that page rather than an ellipsis. A list of
 * 800 pages thus gets at most 9 links, not 800 on each of its 800 pages.
 */
export function pageWindow(count: number, current: number, around = 2): (number | undefined)[] {
  const shown = new Set([0, count - 1]);
  for (let i = current - around; i <= current + around; i++) if (i >= 0 && i < count) shown.add(i);
  const sorted = [...shown].sort((a, b) => a - b);
  const pages: (number | undefined)[] = [];
  sorted.forEach((index, k) => {
    const before = sorted[k - 1];
    if (before !== undefined && index - before === 2) pages.push(index - 1);
    else if (before !== undefined && index - before > 2) pages.push(undefined);
    pages.push(index);
  });
  return pages;
}

/** Page links of a paginated list (newer pages first, as the list itself). */
export function Pagination({ pagination, c }: { pagination: PaginationData; c: Context }) {
  if (pagination.hrefs.length < 2) return null;
  return (
    <nav class="pagination" aria-label={c.t("blog.pagination")}>
      <ul>
        {pagination.href.previous && (
          <li>
            <a href={pagination.href.previous} rel="prev">
              {c.t("blog.previousPage")}
            </a>
          </li>
        )}
        {pageWindow(pagination.hrefs.length, pagination.pageNumber).map((i) =>
          i === undefined ? (
            <li class="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a href={pagination.hrefs[i]} aria-current={i === pagination.pageNumber ? "page" : undefined}>
                <span class="visually-hidden">{c.t("blog.pageLabel")} </span>
                {i + 1}
              </a>
            </li>
          ),
        )}
        {pagination.href.next && (
          <li>
            <a href={pagination.href.next} rel="next">
              {c.t("blog.nextPage")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The older and newer posts of the same language (an untranslated copy counts as one of the language's posts). */
export function PostPager({ older, newer, c }: { older?: Item | undefined; newer?: Item | undefined; c: Context }) {
  if (!older && !newer) return null;
  const link = (item: Item, rel: "prev" | "next", label: string) => (
    <a href={item.url} rel={rel}>
      <span class="post-pager-label">{label}</span>{" "}
      <span class="post-pager-title" lang={item.data.contentLang !== c.lang ? item.data.contentLang : undefined}>
        {postOf(item.data, c.site.timezone).title}
      </span>
    </a>
  );
  return (
    <nav class="post-pager" aria-label={c.t("post.pager")}>
      <ul>
        {older && <li class="post-pager-older">{link(older, "prev", c.t("post.olderPost"))}</li>}
        {newer && <li class="post-pager-newer">{link(newer, "next", c.t("post.newerPost"))}</li>}
      </ul>
    </nav>
  );
}

/** The years of the current language, newest first. */
export function yearsOf(years: readonly YearCounts[] | undefined, c: Context): number[] {
  return (years ?? []).filter((y) => y.counts[c.lang]).map((y) => y.year);
}

/**
 * "Archives : 2025 · 2024 — Toutes les étiquettes": links to the pages of some
 * years, then one more link when given; the page being read (`here`) is marked.
 */
export function YearsNav(props: { label: string; lead: string; years: readonly number[]; yearUrl: (year: number) => string; here?: string | false; last?: { url: string; text: string } }) {
  const { label, lead, years, yearUrl, here, last } = props;
  const current = (href: string) => (href === here ? "page" : undefined);
  return (
    <nav class="archive-nav" aria-label={label}>
      <p>
        {lead}{" "}
        {years.map((year, i) => (
          <>
            {i > 0 && " · "}
            <a href={yearUrl(year)} aria-current={current(yearUrl(year))}>
              {year}
            </a>
          </>
        ))}
        {last && (
          <>
            {" — "}
            <a href={last.url} aria-current={current(last.url)}>
              {last.text}
            </a>
          </>
        )}
      </p>
    </nav>
  );
}

/** The blog's: its years and the tags index. */
export function ArchiveNav({ years, c, here }: { years: BlogYear[]; c: Context; here: string | false }) {
  return (
    <YearsNav
      label={c.t("blog.archives")}
      lead={c.t("blog.archivesLead")}
      years={yearsOf(years, c)}
      yearUrl={(year) => c.url(`blog/${year}/`)}
      here={here}
      last={{ url: c.url("blog/tags/"), text: c.t("blog.allTags") }}
    />
  );
}
