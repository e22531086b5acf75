import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { filesUnder } from "./files.ts";

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
