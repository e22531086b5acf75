import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, afterEach, describe, it } from "node:test";
import { endBuildPass, startBuildPass } from "./build-pass.ts";
import { fileAndFolderStamp, fileStamp, filesChanged, trustWatcher } from "./file-memo.ts";

describe("stamps while npm start's watcher reports the content folder's changes", () => {
  const root = mkdtempSync(path.join(tmpdir(), "file-memo-"));
  const content = path.join(root, "content");
  const post = path.join(content, "blog/2025/billet/index.fr.md");
  const elsewhere = path.join(root, "data/finances.csv");
  for (const file of [post, elsewhere]) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "un\n");
  }
  after(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => trustWatcher(undefined));

  it("a file's stamp is kept until the watcher reports it changed", () => {
    trustWatcher(content);
    const before = fileStamp(post);
    appendFileSync(post, "deux\n");
    assert.equal(fileStamp(post), before);
    filesChanged([post]);
    assert.notEqual(fileStamp(post), before);
  });

  it("a file added beside a page changes the page's folder stamp once reported", () => {
    trustWatcher(content);
    const before = fileAndFolderStamp(post);
    const photo = path.join(path.dirname(post), "photo.jpg");
    writeFileSync(photo, "jpeg");
    assert.equal(fileAndFolderStamp(post), before);
    filesChanged([photo]);
    assert.notEqual(fileAndFolderStamp(post), before);
    assert.equal(fileStamp(path.join(path.dirname(post), "absent.jpg")), undefined);
  });

  it("a photo copied over another, which leaves the folder's time as it was, changes the page's folder stamp once reported", () => {
    trustWatcher(content);
    const photo = path.join(path.dirname(post), "repaired.jpg");
    writeFileSync(photo, "cut off");
    filesChanged([photo]);
    const before = fileAndFolderStamp(post);
    writeFileSync(photo, "whole again");
    filesChanged([photo]);
    assert.notEqual(fileAndFolderStamp(post), before);
  });

  it("outside the watched folder, and outside a build, every stamp is read from the disk", () => {
    trustWatcher(content);
    const before = fileStamp(elsewhere);
    appendFileSync(elsewhere, "deux\n");
    assert.notEqual(fileStamp(elsewhere), before);
    trustWatcher(undefined);
    const stamp = fileStamp(post);
    appendFileSync(post, "trois\n");
    assert.notEqual(fileStamp(post), stamp);
  });

  it("in npm run build, a stamp is read once per build", () => {
    startBuildPass();
    const during = fileStamp(post);
    appendFileSync(post, "quatre\n");
    assert.equal(fileStamp(post), during);
    endBuildPass();
    assert.notEqual(fileStamp(post), during);
    startBuildPass();
    assert.notEqual(fileStamp(post), during, "the next build reads it again");
    endBuildPass();
  });
});
