/**
 * npm run translations on a fixture with one translation of each kind: the
 * home page and "adhesion" up to date, "horaires" stale (its French original
 * gained a paragraph after the translation was marked), one post missing.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import type { TranslationReport } from "../../plugins/translations/report.ts";
import { runScript, tempRoot } from "./helpers.ts";

const FIXTURE = path.join(PROJECT_ROOT, "test", "fixtures", "translations-status");
const translations = (...args: string[]) => runScript("translations.ts", ["--root", FIXTURE, ...args]);

describe("npm run translations", () => {
  test("the text report gives each page's state, the coverage and the UI strings", () => {
    const run = translations();
    assert.equal(run.status, 0, run.stderr);
    const rows = run.stdout.split("\n");
    const row = (page: string) => rows.find((l) => new RegExp(`^\\s+\\S+\\s+${page}\\s`).test(l))?.trim().split(/\s{2,}/);
    assert.deepEqual(row("\\(home\\)"), ["(home)", "(home)", "original", "up to date"]);
    assert.deepEqual(row("pages/adhesion"), ["pages", "pages/adhesion", "original", "up to date"]);
    assert.deepEqual(row("pages/horaires"), ["pages", "pages/horaires", "original", "stale"]);
    assert.deepEqual(row("blog/2025/sans-traduction"), ["blog", "blog/2025/sans-traduction", "original", "missing"]);
    const total = rows.find((l) => /^\s+all\s+en\s/.test(l))?.trim().split(/\s{2,}/);
    assert.deepEqual(total, ["all", "en", "4", "3 (75 %)", "2 (50 %)", "1", "0", "1"]);
    assert.match(run.stdout, /Same keys in every language\./);
    // What to do, with the command that records the refresh.
    assert.match(run.stdout, /stale\s+content\/pages\/horaires\.en\.md\n.*the original changed since \(\w+ → \w+\)/);
    assert.match(run.stdout, /npm run translations -- --mark content\/pages\/horaires\.en\.md/);
    assert.match(run.stdout, /missing\s+content\/blog\/2025\/sans-traduction\/index\.en\.md/);
  });

  test("--json prints one document with the same states", () => {
    const run = translations("--json");
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as TranslationReport;
    const states = Object.fromEntries(report.pages.map((p) => [p.bundle, p.translations.map((t) => `${t.lang}:${t.state}`).join(",")]));
    assert.deepEqual(states, {
      "": "en:up-to-date",
      "blog/2025/sans-traduction": "en:missing",
      "pages/adhesion": "en:up-to-date",
      "pages/horaires": "en:stale",
    });
    const horaires = report.pages.find((p) => p.bundle === "pages/horaires")!;
    assert.notEqual(horaires.translations[0]!.recorded, horaires.original.hash);
    assert.equal(horaires.translations[0]!.url, "/en/horaires/");
    const all = report.coverage.find((c) => c.section === "*" && c.lang === "en")!;
    assert.deepEqual(all.counts, { missing: 1, stale: 1, untracked: 0, "up-to-date": 2 });
    assert.deepEqual(report.strings.map((s) => s.missing.length), [0, 0]);
  });

  test("--fail-on exits 1 when a page is in that state, 0 otherwise", () => {
    assert.equal(translations("--fail-on", "missing").status, 1);
    const stale = translations("--fail-on", "stale");
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /1 page has a translation that is stale/);
    assert.equal(translations("--fail-on", "untracked").status, 0);
    assert.equal(translations("--fail-on", "bogus").status, 2);
  });

  test("--mark records the original's hash and changes nothing else in the file; then CI passes", () => {
    const root = tempRoot("translations-status");
    const file = path.join(root, "content", "pages", "horaires.en.md");
    const before = readFileSync(file, "utf8");
    const marked = runScript("translations.ts", ["--root", root, "--mark", file]);
    assert.equal(marked.status, 0, marked.stderr);
    assert.match(marked.stdout, /horaires\.en\.md: translationOf "[0-9a-f]{12}" \(was [0-9a-f]+\)/);
    const after = readFileSync(file, "utf8");
    const changed = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
    assert.equal(changed.length, 1);
    assert.match(changed[0]!, /^translationOf: "[0-9a-f]{12}"$/);

    // The missing post gets its translation, marked too.
    const post = path.join(root, "content", "blog", "2025", "sans-traduction", "index.en.md");
    writeFileSync(post, "---\ntitle: A post not translated yet\ndate: 2025-04-10\n---\n\nThis post only exists in French for now.\n");
    assert.equal(runScript("translations.ts", ["--root", root, "--mark", post]).status, 0);

    const ci = runScript("translations.ts", ["--root", root, "--fail-on", "missing,stale"]);
    assert.equal(ci.status, 0, ci.stdout + ci.stderr);
    assert.match(ci.stdout, /Nothing to do: every page is translated and up to date\./);
  });

  test("--mark refuses an original and a file outside the content folder", () => {
    const original = translations("--mark", path.join(FIXTURE, "content", "pages", "horaires.fr.md"));
    assert.equal(original.status, 1);
    assert.match(original.stderr, /this is the original \(fr\); mark its translation instead/);
    const outside = translations("--mark", path.join(PROJECT_ROOT, "package.json"));
    assert.equal(outside.status, 1);
    assert.match(outside.stderr, /not in the content folder/);
  });

  test("--diff prints what changed in the original since the version the translation records, from git history", () => {
    const root = tempRoot("translations-status");
    const env = { GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.org" };
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: { ...process.env, ...env }, stdio: "pipe" });
    const original = path.join(root, "content", "pages", "horaires.fr.md");
    const translation = path.join(root, "content", "pages", "horaires.en.md");
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "Site");
    // The translator works from this version and records it.
    assert.equal(runScript("translations.ts", ["--root", root, "--mark", translation]).status, 0);
    git("commit", "-qam", "English opening hours");
    // Two later edits of the original: one committed, one not yet.
    writeFileSync(original, `${readFileSync(original, "utf8")}\nFermeture exceptionnelle le 14 juillet.\n`);
    git("commit", "-qam", "Jour férié");
    writeFileSync(original, readFileSync(original, "utf8").replace("Fermeture exceptionnelle", "Fermeture annuelle"));

    const run = runScript("translations.ts", ["--root", root, "--diff", translation]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /horaires\.en\.md follows .*horaires\.fr\.md as of commit [0-9a-f]{10} \(.+\)\. Changes since then:/);
    assert.match(run.stdout, /^\+Fermeture annuelle le 14 juillet\.$/m);
    assert.match(run.stdout, /npm run translations -- --mark .*horaires\.en\.md/);

    // Marked again: nothing left to show.
    assert.equal(runScript("translations.ts", ["--root", root, "--mark", translation]).status, 0);
    const upToDate = runScript("translations.ts", ["--root", root, "--diff", translation]);
    assert.equal(upToDate.status, 0, upToDate.stderr);
    assert.match(upToDate.stdout, /up to date, .*horaires\.fr\.md has not changed since it was translated/);
  });

  test("--diff says why it cannot tell: no recorded version, or a version git does not have", () => {
    const root = tempRoot("translations-status");
    const translation = path.join(root, "content", "pages", "horaires.en.md");
    // Not a git repository, and the recorded hash matches no version.
    const noHistory = runScript("translations.ts", ["--root", root, "--diff", translation]);
    assert.equal(noHistory.status, 1);
    assert.match(noHistory.stderr, /cannot find the version of .*horaires\.fr\.md it was translated from: git has no history of it here/);
    writeFileSync(translation, readFileSync(translation, "utf8").replace(/^translationOf:.*\n/m, ""));
    const untracked = runScript("translations.ts", ["--root", root, "--diff", translation]);
    assert.equal(untracked.status, 1);
    assert.match(untracked.stderr, /records no translationOf/);
  });
});
