/**
 * `npm run build` keeps what the check of each Markdown text found
 * (plugins/core/kept-results.ts): a text that did not change is not parsed
 * again. What the writer sees must not change: the same mistake stops every
 * build, at the line where it is now, until it is fixed. It keeps a record of
 * the files it wrote too (scripts/deploy/written-files.ts): a page that comes
 * out the same is left as it is, and a file changed by hand since is written again.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

/** Where scripts/compiled.mjs keeps what it keeps for this content folder. */
const keptFolder = (content: string) => path.join(PROJECT_ROOT, ".cache", "compiled", `content-${createHash("sha1").update(content).digest("hex").slice(0, 12)}`);

const build = (content: string, output: string) =>
  spawnSync(process.execPath, ["scripts/compiled.mjs", `--input=${content}`, `--output=${output}`, "--quiet"], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 180_000 });

test("a Markdown mistake stops every npm run build at its current line, kept check or not, until it is fixed", () => {
  const work = contentWorkFolder("kept-results");
  const content = copyStarter(work);
  const output = path.join(work, "_site");
  const kept = keptFolder(content);
  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  const rel = path.relative(PROJECT_ROOT, post);
  const original = readFileSync(post, "utf8");
  try {
    writeFileSync(post, `${original}\n# Un titre en trop\n`);
    const line = original.split("\n").length + 1;
    const message = (at: number) => new RegExp(`^\\s*${rel.replace(/[.]/g, "\\.")}:${at} · # · a level-1 heading \\(#\\) in the text`, "m");

    const first = build(content, output);
    assert.equal(first.status, 1, first.stderr);
    assert.match(first.stderr, message(line));
    assert.ok(existsSync(path.join(kept, "markdown-check.json")), "the checks' results are kept, though the build stopped");

    // The text is the same: its problem comes from the kept results, at the line it is on now.
    writeFileSync(post, original.replace("---\n", "---\n# un commentaire YAML de plus\n") + `\n# Un titre en trop\n`);
    const second = build(content, output);
    assert.equal(second.status, 1, second.stderr);
    assert.match(second.stderr, message(line + 1));
    assert.doesNotMatch(second.stderr, /^\s+at /m, "no stack trace");

    writeFileSync(post, original);
    const fixed = build(content, output);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.ok(existsSync(path.join(output, "blog/2025/nouveau-serveur/index.html")));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
    rmSync(`${kept}.json`, { force: true });
  }
});

test("a rebuild leaves the pages that come out the same as they are, and writes again a page changed by hand since", () => {
  const work = contentWorkFolder("written-files");
  const content = copyStarter(work);
  const output = path.join(work, "_site");
  const kept = keptFolder(content);
  const page = (file: string) => path.join(output, file);
  try {
    const first = build(content, output);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(readdirSync(kept).filter((f) => f.startsWith("written-")).length, 1, "the record of the files written is kept");
    const UNCHANGED = "blog/2025/nouveau-serveur/index.html";
    const EDITED = "blog/2025/assemblee-generale/index.html";
    const before = statSync(page(UNCHANGED));
    const good = readFileSync(page(EDITED), "utf8");
    // Edited by hand after the build, to the same length: only its modification time tells.
    const edited = good.replace("<main", "<mein");
    assert.equal(edited.length, good.length);
    writeFileSync(page(EDITED), edited);

    const second = build(content, output);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(readFileSync(page(EDITED), "utf8"), good, "the page changed by hand is written again");
    const after = statSync(page(UNCHANGED));
    assert.equal(after.ino, before.ino);
    assert.equal(after.mtimeMs, before.mtimeMs, "the page that came out the same was not written again");
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
    rmSync(`${kept}.json`, { force: true });
  }
});
