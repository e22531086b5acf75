import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { lineOf, parseWithSchema, readYaml } from "./yaml-source.ts";

const TEXT = `# comment
exercice: 2024-2025
income:
  - category: dons
    amount: 12
  - category: cotisations
    amount: "douze"
declared:
  income: 24
`;

describe("lineOf", () => {
  const { source, problems } = readYaml(TEXT, "data/finances/2024-2025.yaml");

  it("finds keys, list items and nested fields", () => {
    assert.deepEqual(problems, []);
    assert.equal(lineOf(source, ["exercice"]), 2);
    assert.equal(lineOf(source, ["income"]), 3);
    assert.equal(lineOf(source, ["income", 1]), 6);
    assert.equal(lineOf(source, ["income", 1, "amount"]), 7);
    assert.equal(lineOf(source, ["declared", "income"]), 9);
  });

  it("points a missing field at its nearest parent", () => {
    assert.equal(lineOf(source, ["income", 0, "label"]), 4);
    assert.equal(lineOf(source, ["budget", "income"]), 2); // the document's first field
  });
});

describe("parseWithSchema", () => {
  const schema = z.strictObject({
    exercice: z.string(),
    income: z.array(z.strictObject({ category: z.string(), amount: z.number() })),
    declared: z.strictObject({ income: z.number() }),
  });

  it("turns each zod issue into a problem with file, line and field", () => {
    const { source } = readYaml(TEXT.replace("  income: 24", "  incme: 24"), "data/finances/2024-2025.yaml");
    const { data, problems } = parseWithSchema(source, schema);
    assert.equal(data, undefined);
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line} ${p.field} · ${p.message}`),
      [
        `data/finances/2024-2025.yaml:7 income.1.amount · expected a number, found "douze"`,
        "data/finances/2024-2025.yaml:8 declared.income · missing: expected a number",
        `data/finances/2024-2025.yaml:9 declared.incme · unknown field "incme": did you mean "income"?`,
      ],
    );
  });

  it("names the field an unknown one probably is from the schema's fields at its place, in a list too", () => {
    const text = TEXT.replace("amount: 12", "amont: 12").replace("  income: 24", "  income: 24\n  remarks: aucune");
    const { problems } = parseWithSchema(readYaml(text, "x.yaml").source, schema);
    const unknown = problems.filter((p) => p.message.startsWith("unknown field")).map((p) => `${p.field} · ${p.message}`);
    assert.deepEqual(unknown, ['income.0.amont · unknown field "amont": did you mean "amount"?', 'declared.remarks · unknown field "remarks": check its spelling or remove it']);
  });

  it("reports an empty file and a syntax error with its line", () => {
    const empty = parseWithSchema(readYaml("# nothing yet\n", "x.yaml").source, schema);
    assert.match(empty.problems[0]?.message ?? "", /the file is empty/);
    const broken = readYaml("a: 1\nb: [1, 2\n", "x.yaml");
    assert.equal(broken.problems.length > 0, true);
    assert.equal(typeof broken.problems[0]?.line, "number");
  });
});

describe("a field written twice", () => {
  it("names both lines of the file, counted from where the YAML starts in it", () => {
    const { problems } = readYaml("title: Atelier\nend: 2025-10-04T16:00\nvenue:\n  name: Médiathèque\nend: 2025-10-04T17:00\n", "content/x/index.fr.md", 2);
    assert.deepEqual(problems, [
      { file: "content/x/index.fr.md", line: 6, field: "end", message: "the field end is written twice (lines 3 and 6): keep the one you mean and delete the other" },
    ]);
  });

  it("finds the first one at the same depth, on a list item's line too", () => {
    const { problems } = readYaml("income:\n  - category: dons\n    amount: 12\n    category: cotisations\n", "data/finances/2024-2025.yaml");
    assert.equal(problems[0]?.message, "the field category is written twice (lines 2 and 4): keep the one you mean and delete the other");
  });
});
