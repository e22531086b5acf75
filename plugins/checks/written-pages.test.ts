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
