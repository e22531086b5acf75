import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { dataFileFields, pageDataFiles } from "./data-files.ts";

describe("the fields a page takes from data files", () => {
  const input = path.join(mkdtempSync(path.join(tmpdir(), "data-files-")), "content");
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), text);
  };
  write("content.11tydata.json", '{ "layout": "page.11ty.tsx", "updated": "2020-01-01" }');
  write("blog/blog.json", '{ "updated": "2021-01-01", "summary": "du dossier" }');
  write("blog/2025/atelier/atelier.11tydata.json", '{ "updated": "2025-05-20" }');
  write("blog/2025/atelier/index.fr.11tydata.json", '{ "draft": true }');
  write("blog/2025/atelier/index.fr.md", "---\ntitle: Atelier\n---\n");
  write("blog/2025/atelier/notes.json", '{ "updated": "never read" }');
  after(() => rmSync(path.dirname(input), { recursive: true, force: true }));
  const page = path.join(input, "blog/2025/atelier/index.fr.md");

  it("are the page's own data file, then its folders' up to the content folder's, as Eleventy merges them", () => {
    assert.deepEqual(
      pageDataFiles(page, input).files.map((f) => path.relative(input, f)),
      ["blog/2025/atelier/index.fr.11tydata.json", "blog/2025/atelier/atelier.11tydata.json", "blog/blog.json", "content.11tydata.json"],
    );
  });

  it("come from the closest file that writes them, and never override the front matter", () => {
    const fields = dataFileFields(pageDataFiles(page, input).files, { title: "Atelier", summary: "de la page" });
    const from = (key: string) => {
      const field = fields.get(key);
      return field && [path.relative(input, field.file), field.value];
    };
    assert.deepEqual(from("updated"), ["blog/2025/atelier/atelier.11tydata.json", "2025-05-20"]);
    assert.deepEqual(from("draft"), ["blog/2025/atelier/index.fr.11tydata.json", true]);
    assert.deepEqual(from("layout"), ["content.11tydata.json", "page.11ty.tsx"]);
    assert.equal(fields.has("summary"), false, "the front matter's own");
    assert.equal(fields.has("title"), false);
  });
});
