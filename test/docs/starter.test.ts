/**
 * The starter site's documentation and search, built by `npm run build` itself
 * (into a temporary folder): both languages have the whole docs tree, every
 * page in it links where it should, and each language's search index finds
 * the docs in that language only.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { builtSite, type BuiltSite } from "../helpers/build.ts";
import { searchClient, type SearchClient } from "../search/pagefind-client.ts";

let site: BuiltSite;
let client: SearchClient;

before(async () => {
  const output = mkdtempSync(path.join(tmpdir(), "site-starter-docs-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["run", "--silent", "build", "--", `--output=${output}`, "--quiet"], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  site = builtSite(output);
  client = await searchClient(output);
});
after(async () => {
  await client?.close();
});

const page = (file: string): HTMLElement => parse(site.read(file));
const docsFiles = (lang: "fr" | "en") => site.files.filter((f) => (lang === "fr" ? /^docs\/.*index\.html$/ : /^en\/docs\/.*index\.html$/).test(f));

describe("the starter documentation", () => {
  for (const lang of ["fr", "en"] as const) {
    test(`has at least two sections and eight pages in ${lang}, all written in that language`, () => {
      const files = docsFiles(lang);
      assert.ok(files.length >= 8, `${files.length} pages`);
      const home = page(files.find((f) => f.endsWith("docs/index.html"))!);
      const sections = home.querySelectorAll(".doc-tree > li > ul");
      assert.ok(sections.length >= 2, `${sections.length} sections`);
      // Every page is a real translation: no untranslated copy under a notice.
      for (const file of files) assert.equal(page(file).querySelector(".notice-untranslated"), null, file);
    });
  }

  test("every page's sidebar lists the whole tree, links it in reading order and marks that page", () => {
    for (const lang of ["fr", "en"] as const) {
      const files = docsFiles(lang);
      const urls = files.map((f) => `/${f.replace(/index\.html$/, "")}`);
      for (const [i, file] of files.entries()) {
        const root = page(file);
        const links = root.querySelectorAll(".doc-sidebar a").map((a) => a.getAttribute("href")!);
        assert.deepEqual([...links].sort(), [...urls].sort(), file);
        assert.deepEqual(
          root.querySelectorAll('.doc-sidebar a[aria-current="page"]').map((a) => a.getAttribute("href")),
          [urls[i]],
        );
        const next = root.querySelector('.doc-pager a[rel="next"]')?.getAttribute("href");
        const at = links.indexOf(urls[i]!);
        assert.equal(next, links[at + 1], `${file}: next`);
      }
    }
  });

  test("edit links open the page's own Markdown file on the forge", () => {
    const link = page("en/docs/services/agenda-partage/index.html").querySelector(".doc-footer a")!;
    assert.match(link.getAttribute("href")!, /\/content\/docs\/services\/agenda-partage\.en\.md$/);
  });
});

describe("the starter search index", () => {
  test("exists for both languages after npm run build", () => {
    const entry = JSON.parse(site.read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    const docs = { fr: docsFiles("fr").length, en: docsFiles("en").length };
    assert.ok(entry.languages.fr!.page_count > docs.fr, JSON.stringify(entry.languages));
    assert.ok(entry.languages.en!.page_count > docs.en, JSON.stringify(entry.languages));
  });

  test("finds a French docs word in French only, and its English counterpart in English only", async () => {
    const fr = (await client.search("fr", "rubrique")).map((h) => h.url);
    assert.ok(fr.includes("/docs/ecrire/documentation/"), fr.join(" "));
    assert.deepEqual((await client.search("en", "rubrique")).map((h) => h.url), []);
    const en = (await client.search("en", "breadcrumbs")).map((h) => h.url);
    assert.ok(en.includes("/en/docs/ecrire/documentation/"), en.join(" "));
    // (A French event page may quote an English word; no French docs page uses this one.)
    assert.deepEqual((await client.search("fr", "breadcrumbs")).filter((h) => h.url.startsWith("/docs/")), []);
  });

  test("filters the docs under the Documentation section", async () => {
    const hits = await client.search("fr", "DAVx⁵");
    assert.ok(hits.some((h) => h.url === "/docs/services/agenda-partage/" && h.filters.section?.[0] === "Documentation"), JSON.stringify(hits));
  });
});
