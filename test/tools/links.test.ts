/**
 * A site with a broken link, a broken anchor and a link to a missing image
 * does not build: the error names each Markdown file and line, the target
 * and the page, once per mistake, and nothing else (valid links, links in
 * code and the layout's own links pass). `npm run build` prints it as a short
 * summary, without a stack trace, and exits 1.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { ContentError } from "../../plugins/core/problems.ts";
import { buildFailure } from "../helpers/build.ts";
import { runScript } from "./helpers.ts";

const BASE = "test/fixtures/broken-links/content";


describe("the link check", () => {
  let error: ContentError | undefined;
  before(async () => {
    error = await buildFailure({ fixture: "broken-links" });
  });

  test("stops the build with one problem per broken reference, naming the Markdown file and line", () => {
    assert.ok(error, "the build fails with a ContentError");
    const byFile = error.problems.map((p) => `${p.file}:${p.line} ${p.field}`).sort();
    assert.deepEqual(byFile, [
      `${BASE}/blog/2025/bilan-majuscule/index.fr.md:8 Bilan-2024.pdf`,
      `${BASE}/blog/2025/lien-casse/index.fr.md:7 /blog/2024/compte-rendu-disparu/`,
      `${BASE}/blog/2025/plan-absent/index.fr.md:8 plan-de-la-salle.png`,
      `${BASE}/pages/contact.fr.md:5 #horaires`,
    ]);
  });

  test("says what is wrong and on which pages, the untranslated copy included", () => {
    const message = (file: string) => error!.problems.find((p) => p.file.endsWith(file))!.message;
    assert.match(message("lien-casse/index.fr.md"), /^leads nowhere: the build wrote nothing at \/blog\/2024\/compte-rendu-disparu\/ \(a href on \/blog\/2025\/lien-casse\/, \/en\/blog\/2025\/lien-casse\/\)$/);
    assert.match(message("plan-absent/index.fr.md"), /nothing at \/blog\/2025\/plan-absent\/plan-de-la-salle\.png/);
    // A file linked in other capitals than its own: a Mac's disk finds it, the web server does not.
    assert.match(
      message("bilan-majuscule/index.fr.md"),
      /^leads nowhere: the build wrote nothing at \/blog\/2025\/bilan-majuscule\/Bilan-2024\.pdf; the folder has bilan-2024\.pdf \(names are case-sensitive once published\): write \(bilan-2024\.pdf\) \(a href on /,
    );
    assert.match(message("contact.fr.md"), /^no element with id "horaires" in \/contact\/ \(a href on \/contact\/, \/en\/contact\/\)$/);
  });

  test("npm run build prints a short summary, no stack trace, and exits 1", () => {
    const output = mkdtempSync(path.join(tmpdir(), "tools-broken-links-"));
    const run = runScript("build.ts", [`--input=${BASE}`, `--output=${output}`, "--quiet"]);
    assert.equal(run.status, 1);
    const lines = run.stderr.trim().split("\n");
    assert.equal(lines[0], "4 content problems stopped the build:");
    assert.equal(lines.length, 5, run.stderr);
    assert.match(lines[2]!, new RegExp(`^  ${BASE}/blog/2025/lien-casse/index\\.fr\\.md:7 · /blog/2024/compte-rendu-disparu/ · leads nowhere`));
    assert.doesNotMatch(run.stderr + run.stdout, /\bat .*\.(ts|js):\d+|stack trace/i);
  });
});
