/** Broken event front matter stops the build with one line per problem, naming the file and the field. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContentProblem } from "../../plugins/validate/problems.ts";
import { buildFailure } from "../helpers/build.ts";

test("end before start, no place, unknown status, unknown zone and a missing recap are all reported at once", async () => {
  const content = await buildFailure({ fixture: "events-errors" });
  const base = "test/fixtures/events-errors/content/events/2025";
  const expected = [
    [`${base}/fin-avant-debut/index.fr.md`, 4, "end", /expected an end after the start \(2025-03-12T18:30\), found 2025-03-12T17:00/],
    [`${base}/sans-lieu/index.fr.md`, undefined, "venue", /expected a venue \(at least its name\) or an online link \(or attendance: online while the link is not known yet\); found neither/],
    [`${base}/statut-inconnu/index.fr.md`, 5, "status", /expected one of scheduled, cancelled, postponed, rescheduled.*"canceled"/],
    [`${base}/fuseau-inconnu/index.fr.md`, 4, "timezone", /expected an IANA time zone.*"Europe\/Nantes"/],
    [`${base}/compte-rendu-absent/index.fr.md`, 5, "recap", /expected a page of the site.*"blog\/2025\/nulle-part"/],
  ] as const;
  for (const [file, line, field, message] of expected) {
    const problem: ContentProblem | undefined = content.problems.find((p) => p.file === file);
    assert.ok(problem, `a problem for ${file} in:\n${content.message}`);
    assert.equal(problem.field, field, file);
    if (line) assert.equal(problem.line, line, file);
    assert.match(problem.message, message);
  }
  assert.equal(content.problems.length, expected.length, content.message);
  assert.match(content.message, /^5 content problems stopped the build:/);
});
