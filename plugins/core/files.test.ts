import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { filesUnder, relativePath } from "./files.ts";

describe("filesUnder", () => {
  const root = mkdtempSync(path.join(tmpdir(), "files-under-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const file of ["b.md", "a/z.md", "a/b/c.html", ".git/HEAD", "a/.draft.md", "node_modules/x/index.js", "a/node_modules/y.md"]) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "");
  }
  mkdirSync(path.join(root, "empty"));

  it("lists every file at every depth, relative with forward slashes, sorted", () => {
    assert.deepEqual(filesUnder(root), [".git/HEAD", "a/.draft.md", "a/b/c.html", "a/node_modules/y.md", "a/z.md", "b.md", "node_modules/x/index.js"]);
  });

  it("leaves out the folders it is told to skip, at any depth, and hidden names", () => {
    assert.deepEqual(filesUnder(root, { skipDirs: ["node_modules"], skipHidden: true }), ["a/b/c.html", "a/z.md", "b.md"]);
  });

  it("leaves out folders by their path, not their name elsewhere", () => {
    assert.deepEqual(filesUnder(root, { skipPaths: ["a/b", "node_modules"] }), [".git/HEAD", "a/.draft.md", "a/node_modules/y.md", "a/z.md", "b.md"]);
  });
});

describe("relativePath", () => {
  it("says what path.relative says, with forward slashes, for files inside the folder and any other pair", () => {
    const pairs = [
      ["/site/content", "/site/content/blog/2025/ag/index.fr.md"],
      ["/site/content/", "/site/content/blog"],
      ["/site/content", "/site/content"],
      ["/site/content", "/site/contents/a.md"],
      ["/site/content", "/site/other/a.md"],
      ["/site/content", "/site/content/./blog/../a.md"],
      ["/site/content", "/site/content//blog/a.md"],
      ["/site/content", "/site/content/blog/"],
      ["/site/content", "/site/content/..hidden/a.md"],
      ["site/content", "site/content/a.md"],
      ["/", "/site/a.md"],
    ];
    for (const [dir, file] of pairs) assert.equal(relativePath(dir!, file!), path.relative(dir!, file!).split(path.sep).join("/"), `${dir} ${file}`);
  });
});
