/**
 * npm start shows drafts and pages dated later; npm run build leaves them out.
 * A writer who sees a post on the preview and not on the site is told, at the
 * end of the build, which pages were left out and why.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";
import { runScript } from "../tools/helpers.ts";

test("npm run build ends by listing the pages it did not publish, and why", (t) => {
  const work = contentWorkFolder("held-back");
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const content = copyStarter(work);
  // A translation made public while its original is still a draft.
  const translation = path.join(content, "blog/2025/atelier-chiffrement/index.en.md");
  writeFileSync(translation, readFileSync(translation, "utf8").replace("draft: true\n", ""));
  // A year typed wrong.
  const typo = path.join(content, "blog/2025/faute-annee/index.fr.md");
  mkdirSync(path.dirname(typo), { recursive: true });
  writeFileSync(typo, "---\ntitle: Permanence de mars\ndate: 2052-03-12\n---\n\nLa permanence a lieu le 12 mars.\n");

  const run = runScript("build.ts", [`--input=${path.relative(PROJECT_ROOT, content)}`, `--output=${path.join(work, "_site")}`], { SITE_NOW: "2026-06-01T12:00" });
  assert.equal(run.status, 0, run.stderr);
  const at = path.relative(PROJECT_ROOT, content);
  const lines = run.stdout.split("\n");
  const listed = lines.slice(lines.findIndex((l) => /^\d+ pages are not published by this build \(npm start shows them\):$/.test(l)));
  assert.ok(listed.length > 1, run.stdout);
  // A page whose own front matter holds it back is told so, whatever its original says.
  const ownDraft = path.join(content, "blog/2027/assemblee-generale-2027/index.en.md");
  assert.match(readFileSync(ownDraft, "utf8"), /^date: 2027-01-11T08:00$/m);
  for (const line of [
    `  ${at}/blog/2027/assemblee-generale-2027/index.en.md · dated 2027-01-11T08:00, after this build: the first build from then publishes it`,
    `  ${at}/blog/2025/atelier-chiffrement/index.en.md · translation of ${at}/blog/2025/atelier-chiffrement/index.fr.md, which is not published yet`,
    `  ${at}/blog/2025/atelier-chiffrement/index.fr.md · draft: true`,
    `  ${at}/blog/2025/faute-annee/index.fr.md · dated 2052-03-12, after this build: the first build from then publishes it (more than a year from now: if the year is a typo, correct it)`,
    `  ${at}/blog/2026/fedivers/index.fr.md · dated 2026-12-04T09:00, after this build: the first build from then publishes it`,
  ]) {
    assert.ok(listed.includes(line), `expected the line\n${line}\nin:\n${listed.join("\n")}`);
  }
  // Published pages are not listed.
  assert.ok(!listed.some((l) => l.includes("/nouveau-serveur/")), listed.join("\n"));
});
