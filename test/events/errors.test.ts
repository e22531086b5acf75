/** Broken event front matter stops the build with one line per problem, naming the file and the field. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContentProblem } from "../../plugins/core/problems.ts";
import { buildFailure } from "../helpers/build.ts";

test("end before start, no place, unknown status, unknown zone, a missing recap, translations with other dates a start outside its folder's year, a field written twice and a missing banner are all reported at once", async () => {
  const content = await buildFailure({ fixture: "events-errors" });
  const base = "test/fixtures/events-errors/content/events/2025";
  const expected = [
    [`${base}/fin-avant-debut/index.fr.md`, 4, "end", /expected an end after the start \(2025-03-12T18:30\), found 2025-03-12T17:00/],
    [`${base}/sans-lieu/index.fr.md`, undefined, "venue", /expected a venue \(at least its name\) or an online link \(or attendance: online while the link is not known yet\); found neither/],
    [`${base}/statut-inconnu/index.fr.md`, 5, "status", /expected one of scheduled, cancelled, postponed, rescheduled.*"canceled"/],
    [`${base}/fuseau-inconnu/index.fr.md`, 4, "timezone", /expected an IANA time zone.*"Europe\/Nantes"/],
    [`${base}/compte-rendu-absent/index.fr.md`, 5, "recap", /expected a page of the site.*"blog\/2025\/nulle-part"/],
    // The English page moved a week earlier than the French one: readers would come on the wrong day.
    [`${base}/date-traduite/index.en.md`, 3, "start", /^expected the original's start \(index\.fr\.md:3: 2025-06-14T14:00\), found 2025-06-07T14:00: .*copy the original's$/],
    // A series ending earlier in English, and a price left out; "2025-09-06 10:00" is the original's start, written otherwise.
    [`${base}/serie-traduite/index.en.md`, 7, "repeat.until", /^expected the original's repeat\.until \(index\.fr\.md:7: 2025-12-31\), found 2025-11-30/],
    [`${base}/serie-traduite/index.en.md`, undefined, "price", /^expected the original's price \(index\.fr\.md:10: 5\), found nothing/],
    // A field written twice in the original: that line alone, not each of its translation's facts "as the original" read without its front matter.
    [`${base}/fin-en-double/index.fr.md`, 7, "end", /^the field end is written twice \(lines 4 and 7\): keep the one you mean and delete the other$/],
    // A banner named in the front matter and never added to the folder (eleventy-img stopped on it with a stack trace).
    [`${base}/banniere-absente/index.fr.md`, 7, "banner", /^"affiche\.jpg" is not in banniere-absente\/ next to the event: add the image to the folder, or correct its name$/],
    // Last year's page copied for this year's edition: the folder still says 2025.
    [`${base}/fete-du-libre/index.fr.md`, 3, "start", /^expected a start in 2025, the year of its folder .*found 2026-05-16: move the folder to events\/2026\/fete-du-libre\/, or correct the date$/],
  ] as const;
  for (const [file, line, field, message] of expected) {
    const problem: ContentProblem | undefined = content.problems.find((p) => p.file === file && p.field === field);
    assert.ok(problem, `a problem at ${field} of ${file} in:\n${content.message}`);
    if (line) assert.equal(problem.line, line, file);
    assert.match(problem.message, message);
  }
  assert.equal(content.problems.length, expected.length, content.message);
  assert.match(content.message, /^11 content problems stopped the build:/);
});
