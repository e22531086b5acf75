/**
 * A site in its own git repository, built after each commit: an event keeps its UID
 * when it is edited, while SEQUENCE grows and DTSTAMP follows the last commit, so
 * calendar clients replace the old version instead of adding a second one.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { parseIcs, tempDir, tempRepo, utc } from "../../plugins/events/test-helpers.ts";
import { buildSite, fixtureDir } from "../helpers/build.ts";

const BUNDLE = "content/events/2025/atelier";
const event = (title: string, end: string) =>
  `---\ntitle: ${title}\nstart: 2025-03-12T18:30\nend: ${end}\nvenue:\n  name: Médiathèque\n  address: 24 quai de la Fosse\n  city: Nantes\n---\n\nTexte.\n`;

/** A site of one event (fr + en) in a fresh repository, with the folder data files of the project's content. */
function siteRepo() {
  const repo = tempRepo();
  for (const file of ["content.11tydata.json", "events/events.11tydata.json"]) {
    repo.write(`content/${file}`, readFileSync(path.join(PROJECT_ROOT, "content", file), "utf8"));
  }
  // Every site has its home pages: the header links to them.
  repo.write("content/index.fr.md", "---\ntitle: Accueil\n---\n\n# Accueil\n");
  repo.write("content/index.en.md", "---\ntitle: Home\n---\n\n# Home\n");
  repo.write(`${BUNDLE}/index.fr.md`, event("Atelier", "2025-03-12T20:00"));
  repo.write(`${BUNDLE}/index.en.md`, event("Workshop", "2025-03-12T20:00"));
  return repo;
}

/**
 * Builds a clone of the repository (full history; a new folder each time, since Eleventy
 * caches what it read from a path for the rest of the process). buildSite() takes a
 * fixture name under test/fixtures/; a relative path reaches the clone.
 */
async function calendars(root: string, edit?: { file: string; text: string }) {
  const clone = path.join(tempDir(), "site");
  execFileSync("git", ["clone", "-q", root, clone], { stdio: "pipe" });
  if (edit) writeFileSync(path.join(clone, edit.file), edit.text);
  const site = await buildSite({ fixture: path.relative(fixtureDir(""), clone), output: tempDir() });
  const read = (file: string) => parseIcs(site.read(file)).events[0]!;
  return { fr: read("events/2025/atelier/event.ics"), en: read("en/events/2025/atelier/event.ics"), agenda: read("events/agenda.ics") };
}

const sequence = (e: { component: { getFirstPropertyValue(name: string): unknown } }) => e.component.getFirstPropertyValue("sequence");
const stamp = (e: { component: { getFirstPropertyValue(name: string): unknown } }) => String(e.component.getFirstPropertyValue("dtstamp"));

describe("an event edited and committed again", () => {
  test("keeps its UID, and SEQUENCE and DTSTAMP follow its commits", async () => {
    const repo = siteRepo();
    repo.commit("Annonce de l'atelier", "2025-02-01T10:00:00+01:00");
    const first = await calendars(repo.root);
    assert.equal(first.fr.uid, "events/2025/atelier@www.chatons-loire.example");
    assert.deepEqual([first.en.uid, first.agenda.uid], [first.fr.uid, first.fr.uid], "one UID for both languages and the agenda");
    assert.deepEqual([sequence(first.fr), sequence(first.en)], [1, 1]);
    assert.equal(stamp(first.fr), "2025-02-01T09:00:00Z");

    // The workshop gets longer (in both languages: the build refuses two ends) and a new title: the same event, a newer version.
    repo.write(`${BUNDLE}/index.fr.md`, event("Atelier courriel", "2025-03-12T21:00"));
    repo.write(`${BUNDLE}/index.en.md`, event("Workshop", "2025-03-12T21:00"));
    repo.commit("Atelier prolongé", "2025-02-10T18:00:00+01:00");
    const second = await calendars(repo.root);
    assert.equal(second.fr.uid, first.fr.uid);
    assert.equal(second.fr.summary, "Atelier courriel");
    assert.equal(utc(second.fr.endDate), "2025-03-12T20:00:00Z");
    assert.deepEqual([sequence(second.fr), sequence(second.en), sequence(second.agenda)], [2, 2, 2], "the English file follows the French change");
    assert.equal(stamp(second.fr), "2025-02-10T17:00:00Z");

    // An edit not committed yet already shows the next number in a preview.
    const preview = await calendars(repo.root, { file: `${BUNDLE}/index.en.md`, text: event("E-mail workshop", "2025-03-12T21:00") });
    assert.equal(preview.en.uid, first.fr.uid);
    assert.equal(sequence(preview.en), 3);
  });
});
