/** Broken status notices and services stop the build with one line per problem, naming the file, the line and the field. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContentProblem } from "../../plugins/core/problems.ts";
import { buildFailure } from "../helpers/build.ts";

test("a kind in French, an unknown service, a maintenance without end, an end before the start, a translation with other facts and a service without its English line are all reported at once", async () => {
  const content = await buildFailure({ fixture: "status-errors" });
  const base = "test/fixtures/status-errors/content/status";
  const expected = [
    [`${base}/panne-en-francais/index.fr.md`, 3, "kind", /^expected maintenance or incident, found "panne": write incident \(the words of front matter are English\)$/],
    [`${base}/service-inconnu/index.fr.md`, 6, "services.1", /^expected the id of a service in data\/services\.yaml, found "visioo" \(did you mean "visio"\?\); the ids are messagerie, fichiers, visio, videos$/],
    [`${base}/sans-fin/index.fr.md`, undefined, "end", /^expected when the maintenance ends .*found nothing: only an incident still going on may have no end$/],
    [`${base}/fin-avant-debut/index.fr.md`, 6, "end", /^expected an end after the start \(2027-02-13T20:00\), found 2027-02-13T19:00$/],
    // The English page says another week and fewer services: members would expect the wrong evening.
    [`${base}/date-traduite/index.en.md`, 5, "start", /^expected the original's start \(index\.fr\.md:5: 2027-03-06T20:00\), found 2027-03-13T20:00/],
    [`${base}/date-traduite/index.en.md`, 6, "end", /^expected the original's end/],
    [`${base}/date-traduite/index.en.md`, 4, "services", /^expected the original's services \(index\.fr\.md:4: \[messagerie, fichiers\]\), found \[messagerie\]/],
    ["test/fixtures/status-errors/data/services.yaml", 30, "3.summary", /^missing summary\.en: videos needs a summary in every language of the site$/],
  ] as const;
  for (const [file, line, field, message] of expected) {
    const problem: ContentProblem | undefined = content.problems.find((p) => p.file === file && p.field === field);
    assert.ok(problem, `a problem at ${field} of ${file} in:\n${content.message}`);
    if (line) assert.equal(problem.line, line, `${file} ${field}`);
    assert.match(problem.message, message);
  }
  assert.equal(content.problems.length, expected.length, content.message);
});
