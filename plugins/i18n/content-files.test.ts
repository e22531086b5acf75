import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { filesChanged, trustWatcher } from "../core/file-memo.ts";
import { folderListings, listMarkdown, scanContent } from "./content-files.ts";

describe("the content folder's Markdown files while npm start's watcher reports its changes", () => {
  const root = mkdtempSync(path.join(tmpdir(), "content-files-"));
  const content = path.join(root, "content");
  const post = path.join(content, "blog/2025/billet/index.fr.md");
  mkdirSync(path.dirname(post), { recursive: true });
  writeFileSync(post, "un\n");
  after(() => {
    trustWatcher(undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it("are listed once, the list kept until a file is reported added or deleted", () => {
    trustWatcher(content);
    assert.deepEqual(listMarkdown(content), ["blog/2025/billet/index.fr.md"]);
    const translation = path.join(path.dirname(post), "index.en.md");
    writeFileSync(translation, "one\n");
    assert.deepEqual(listMarkdown(content), ["blog/2025/billet/index.fr.md"]);
    filesChanged([post]); // a change to a listed file leaves the list as it was
    assert.deepEqual(listMarkdown(content), ["blog/2025/billet/index.fr.md"]);
    filesChanged([translation]);
    assert.deepEqual(listMarkdown(content), ["blog/2025/billet/index.en.md", "blog/2025/billet/index.fr.md"]);
    rmSync(translation);
    filesChanged([translation]);
    assert.deepEqual(listMarkdown(content), ["blog/2025/billet/index.fr.md"]);
  });

  it("are scanned for languages and bundles once, the scan kept with the list", () => {
    trustWatcher(content);
    const languagesOf = () => [...scanContent(content, ["fr", "en"]).bundles.get("blog/2025/billet")!.keys()].sort();
    const first = scanContent(content, ["fr", "en"]);
    assert.deepEqual(languagesOf(), ["fr"]);
    filesChanged([post]);
    assert.equal(scanContent(content, ["fr", "en"]), first);
    assert.notEqual(scanContent(content, ["fr"]), first, "another list of languages has its own scan");
    const translation = path.join(path.dirname(post), "index.en.md");
    writeFileSync(translation, "one\n");
    filesChanged([translation]);
    assert.notEqual(scanContent(content, ["fr", "en"]), first);
    assert.deepEqual(languagesOf(), ["en", "fr"]);
    rmSync(translation);
    filesChanged([translation]);
    assert.deepEqual(languagesOf(), ["fr"]);
  });
});

describe("folderListings", () => {
  it("names each folder's files, gives folders that hold only folders no name, and leaves out what the walk skips", () => {
    const root = mkdtempSync(path.join(tmpdir(), "listings-"));
    after(() => rmSync(root, { recursive: true, force: true }));
    for (const file of ["index.fr.md", "blog/blog.11tydata.json", "blog/2025/atelier/index.fr.md", "blog/2025/atelier/photo.jpg", ".cache/x.json", "_includes/a.md"]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "x");
    }
    const listings = folderListings(root);
    const names = (folder: string) => [...(listings.get(path.join(root, folder)) ?? ["(absent)"])].sort();
    assert.deepEqual(names(""), ["index.fr.md"]);
    assert.deepEqual(names("blog"), ["blog.11tydata.json"]);
    assert.deepEqual(names("blog/2025"), []);
    assert.deepEqual(names("blog/2025/atelier"), ["index.fr.md", "photo.jpg"]);
    // Eleventy lists these itself.
    assert.deepEqual(names(".cache"), ["(absent)"]);
    assert.deepEqual(names("_includes"), ["(absent)"]);
  });
});
