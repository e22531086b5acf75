/** Reading built pages of the blog tests. */
import assert from "node:assert/strict";
import { parse, type HTMLElement } from "node-html-parser";
import type { BuiltSite } from "../helpers/build.ts";

export const SITE = "https://www.chatons-loire.example";

/** The file a directory URL is written to. */
export function fileOf(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

/** node-html-parser keeps <pre> as raw text by default; highlighted code is markup worth reading. */
const OPTIONS = { blockTextElements: { script: true, style: true } };

/** The parsed page at `url`; fails the test if it was not built. */
export function page(site: BuiltSite, url: string): HTMLElement {
  assert.ok(site.exists(fileOf(url)), `${url} should be built`);
  return parse(site.read(fileOf(url)), OPTIONS);
}

/** Titles of the posts a list page shows, in order. */
export function listedTitles(root: HTMLElement): string[] {
  return root.querySelectorAll(".post-list .post-card-title a").map((a) => a.text.trim());
}

/** The text a visitor reads on the home pages and every page of the blog (lists, posts, tags, years). */
export function blogText(site: BuiltSite): string {
  const blog = (f: string) => /^(en\/)?(index\.html|blog\/.*\.html)$/.test(f);
  return site.files.filter(blog).map((f) => parse(site.read(f), OPTIONS).text).join("\n");
}
