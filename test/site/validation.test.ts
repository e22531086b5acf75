/** A site with broken front matter does not build, and says why, once per problem. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildFailure } from "../helpers/build.ts";

test("every problem of the bad-front-matter fixture is reported together, naming file and field", async () => {
  const content = await buildFailure({ fixture: "bad-front-matter" });
  const lines = content.message.split("\n");
  assert.match(lines[0]!, /^7 content problems stopped the build:$/);
  const base = "test/fixtures/bad-front-matter/content";
  const expected = [
    [`${base}/index.de.md`, /unknown language suffix "\.de"/],
    [`${base}/blog/2025/orphelin/index.en.md:4 · original`, /found fr, which has no .*orphelin\/index\.fr\.md/],
    [`${base}/blog/2025/mauvaise-date/index.fr.md:3 · date`, /expected a date like 2025-03-12.*found "12\/03\/2025"/],
    [`${base}/blog/2025/sans-titre/index.fr.md:2 · title`, /expected a title, found nothing/],
    [`${base}/blog/2025/sans-titre/index.fr.md:3 · draft`, /true or false.*"peut-être"/],
    [`${base}/blog/2025/typo/index.fr.md:4 · sumary`, /unknown field: did you mean "summary"\?/],
    [`${base}/blog/2025/yaml-casse/index.fr.md:3`, /YAML is not valid/],
  ] as const;
  for (const [where, message] of expected) {
    const line = lines.find((l) => l.includes(`${where} `));
    assert.ok(line, `a line for ${where} in:\n${content.message}`);
    assert.match(line, message);
  }
});

