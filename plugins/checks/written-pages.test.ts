import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { contentDigest, KeptResults } from "../core/kept-results.ts";
import { WrittenPages } from "./written-pages.ts";

const output = mkdtempSync(path.join(tmpdir(), "written-pages-"));
after(() => rmSync(output, { recursive: true, force: true }));

const page = (body: string) => `<!doctype html><html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;

test("a page handed with its digest is not read when its links are kept, and its links are checked all the same", async () => {
  const pages = new WrittenPages(new KeptResults<string>("link-scans-test", "", { ownSave: true, inMemory: true }));
  const same = page('<a href="/absent/">a link that leads nowhere</a>');
  const other = page('<a href="/ailleurs/">another</a>');
  pages.add(path.join(output, "a/index.html"), same);
  let reads = 0;
  const reading = (html: string) => () => {
    reads += 1;
    return html;
  };
  pages.add(path.join(output, "b/index.html"), reading(same), contentDigest(same));
  assert.equal(reads, 0, "the kept links of the same HTML were taken by its digest");
  pages.add(path.join(output, "c/index.html"), reading(other), contentDigest(other));
  assert.equal(reads, 1, "a page whose links are not kept is read");

  const { broken } = await pages.check({
    pages: ["a", "b", "c"].map((p) => ({ outputPath: path.join(output, `${p}/index.html`), url: `/${p}/` })),
    output,
    since: undefined,
    siteUrl: "https://asso.example",
    skip: [],
  });
  assert.deepEqual(
    broken.map((b) => [b.page, b.target]),
    [
      ["/a/", "/absent/"],
      ["/b/", "/absent/"],
      ["/c/", "/ailleurs/"],
    ],
  );
});

test("pages checked as they are read (a build's worker) give the links of pages checked at the end; a page the build did not make is left out", async () => {
  const site = { siteUrl: "https://asso.example", skip: ["/pagefind/"] };
  const files: Record<string, string> = {
    "index.html": page('<a href="/blog/">blog</a> <a href="/blog/#liste">la liste</a> <a href="#haut">haut</a> <a href="http://localhost:8080/blog/">aperçu</a>'),
    "blog/index.html": page('<h1 id="titre">Blog</h1><a href="../">accueil</a> <a href="/#titre">pas ici</a> <a href="/pagefind/pagefind.js">recherche</a> <a href="https://ailleurs.example/">ailleurs</a> <a href="http://[x">?</a>'),
    "vieux/index.html": page('<a href="/jamais/">gone</a>'),
  };
  const urls: Record<string, string> = { "index.html": "/", "blog/index.html": "/blog/", "vieux/index.html": "/vieux/" };
  const made = ["index.html", "blog/index.html"];
  const request = { pages: made.map((file) => ({ outputPath: path.join(output, "p", file), url: urls[file]! })), output: path.join(output, "p"), since: undefined, ...site };
  const reports = [];
  for (const progressive of [false, true]) {
    const pages = new WrittenPages();
    if (progressive) pages.start(site);
    for (const [file, html] of Object.entries(files)) pages.add(path.join(output, "p", file), html, undefined, progressive ? urls[file] : undefined);
    reports.push((await pages.check(request)).broken.map((b) => [b.page, b.kind, b.target, b.ref.raw]));
  }
  assert.deepEqual(reports[1], reports[0]);
  assert.deepEqual(reports[0], [
    ["/", "anchor", "/blog/#liste", "/blog/#liste"],
    ["/", "anchor", "/#haut", "#haut"],
    ["/", "local", "/blog/", "http://localhost:8080/blog/"],
    ["/blog/", "anchor", "/#titre", "/#titre"],
    ["/blog/", "invalid", "http://[x", "http://[x"],
  ]);
});
