import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { workTree } from "../core/git-history.ts";
import { deriveRevision } from "./revision.ts";
import { tempDir, tempRepo } from "./test-helpers.ts";

const BUNDLE = "content/events/2025/install-party";

describe("SEQUENCE and last change from git", () => {
  it("grows with every commit that touches the bundle, English file included", () => {
    const repo = tempRepo();
    repo.write(`${BUNDLE}/index.fr.md`, "---\ntitle: Install party\n---\n");
    repo.commit("Annonce", "2025-01-02T10:00:00+01:00");
    assert.deepEqual(deriveRevision(BUNDLE, repo.root).sequence, 1);

    repo.write(`${BUNDLE}/index.fr.md`, "---\ntitle: Install party de janvier\n---\n");
    repo.commit("Nouveau titre", "2025-01-05T09:30:00+01:00");
    assert.equal(deriveRevision(BUNDLE, repo.root).sequence, 2);

    // The English calendar shows the same UID: its change is a change of the event.
    repo.write(`${BUNDLE}/index.en.md`, "---\ntitle: January install party\n---\n");
    repo.commit("Translation", "2025-01-06T20:00:00+01:00");
    const revision = deriveRevision(BUNDLE, repo.root);
    assert.equal(revision.sequence, 3);
    assert.equal(revision.source, "git");
    assert.equal(revision.lastChange?.toISO(), "2025-01-06T19:00:00.000Z");
    // The first commit is the announcement: feeds date the entry by it.
    assert.equal(revision.firstChange?.toISO(), "2025-01-02T09:00:00.000Z");
  });

  it("ignores commits to other events, and counts an uncommitted edit as the next one", () => {
    const repo = tempRepo();
    repo.write(`${BUNDLE}/index.fr.md`, "a");
    repo.write("content/events/2025/ag/index.fr.md", "b");
    repo.commit("Deux événements", "2025-01-02T10:00:00Z");
    repo.write("content/events/2025/ag/index.fr.md", "c");
    repo.commit("AG", "2025-01-03T10:00:00Z");
    assert.equal(deriveRevision(BUNDLE, repo.root).sequence, 1);

    repo.write(`${BUNDLE}/index.fr.md`, "edited, not committed");
    const dirty = deriveRevision(path.join(repo.root, BUNDLE), repo.root);
    assert.equal(dirty.sequence, 2);
    assert.equal(dirty.lastChange, undefined, "the build time stands in for an uncommitted change");
    assert.equal(dirty.firstChange?.toISO(), "2025-01-02T10:00:00.000Z", "published stays the first commit's date");
  });

  it("finds the work tree of a content folder, wherever the code is", () => {
    const repo = tempRepo();
    repo.write(`${BUNDLE}/index.fr.md`, "a");
    const tree = workTree(path.join(repo.root, "content"));
    assert.equal("root" in tree ? tree.root : undefined, realpathSync(repo.root));
    assert.equal("root" in workTree(tempDir()), false);
  });

  it("falls back to 0 outside git, and says so for a shallow clone", () => {
    const plain = tempDir();
    assert.deepEqual(deriveRevision(BUNDLE, plain), { sequence: 0, source: "no-git" });

    const repo = tempRepo();
    repo.write(`${BUNDLE}/index.fr.md`, "a");
    repo.commit("1", "2025-01-02T10:00:00Z");
    repo.write(`${BUNDLE}/index.fr.md`, "b");
    repo.commit("2", "2025-01-03T10:00:00Z");
    const clone = path.join(tempDir(), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.root}`, clone], { stdio: "pipe" });
    assert.deepEqual(deriveRevision(BUNDLE, clone), { sequence: 0, source: "shallow" });
  });
});
