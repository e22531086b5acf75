/**
 * `npm run build` keeps what the check of each Markdown text found
 * (plugins/core/kept-results.ts): a text that did not change is not parsed
 * again. What the writer sees must not change: the same mistake stops every
 * build, at the line where it is now, until it is fixed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

const build = (content: string, output: string) =>
  spawnSync(process.execPath, ["scripts/compiled.mjs", `--input=${content}`, `--output=${output}`, "--quiet"], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 180_000 });

test("a Markdown mistake stops every npm run build at its current line, kept check or not, until it is fixed", () => {
  const work = contentWorkFolder("kept-results");
  const content = copyStarter(work);
  const output = path.join(work, "_site");
  // Where scripts/compiled.mjs keeps this content folder's scan and results.
  const kept = path.join(PROJECT_ROOT, ".cache", "compiled", `content-${createHash("sha1").update(content).digest("hex").slice(0, 12)}`);
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
