import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { typedData } from "./typed-data.ts";

/** A schema whose output shows the zone it was made for, counting how many were made. */
let made = 0;
const schemaFor = (zone: string) => {
  made++;
  return z.object({ title: z.string() }).transform((value) => ({ ...value, zone }));
};

describe("typed page data", () => {
  it("parses once per page and zone, and makes one schema per zone", () => {
    made = 0;
    const read = typedData(schemaFor, { kind: "thing" });
    const data = { title: "A", page: { inputPath: "./content/a.md" } };
    const paris = read(data, "Europe/Paris");
    assert.deepEqual(paris, { title: "A", zone: "Europe/Paris" });
    assert.equal(read(data, "Europe/Paris"), paris, "cached per page");
    assert.equal(read(data, "America/Montreal").zone, "America/Montreal", "cached per zone too");
    assert.equal(read({ title: "B" }, "Europe/Paris").title, "B");
    assert.equal(made, 2);
  });

  it("reads a layout's copy of the page's data from the page's parse, and a page whose data changed afresh", () => {
    let parses = 0;
    const read = typedData(() => z.object({ title: z.string() }).transform((value) => (parses++, value)), { kind: "thing" });
    const page = { inputPath: "./content/a.md" };
    const data = { title: "A", page, tags: ["x"] };
    const listed = read(data, "UTC");
    // What Eleventy hands a layout: `{ content, ...data }`.
    assert.equal(read({ content: "<p>Texte</p>", ...data }, "UTC"), listed);
    assert.equal(parses, 1);
    // The same page after an edit (npm start): new values, parsed again.
    assert.deepEqual(read({ content: "<p>Texte</p>", ...data, title: "B" }, "UTC"), { title: "B" });
    assert.deepEqual(read({ title: "C", page, tags: ["x"] }, "UTC"), { title: "C" });
    assert.deepEqual(read({ ...data, summary: "Ajouté" }, "UTC"), { title: "A" });
    assert.equal(parses, 4);
  });

  it("with an object schema, a copy of the page's data takes the page's parse while the fields the schema reads are the same", () => {
    let parses = 0;
    const read = typedData(() => z.object({ title: z.string(), tags: z.array(z.string()).optional() }).superRefine(() => void parses++), { kind: "thing" });
    const page = { inputPath: "./content/a.md" };
    const data = { title: "A", page, tags: ["x"], collections: {} };
    const listed = read(data, "UTC");
    assert.equal(read({ content: "<p>Texte</p>", ...data }, "UTC"), listed);
    // A key the schema does not read (a collection item's own data, Eleventy's keys) changes nothing.
    assert.equal(read({ ...data, eleventy: {}, summary: "Ajouté" }, "UTC"), listed);
    assert.equal(parses, 1);
    assert.deepEqual(read({ ...data, tags: ["x"] }, "UTC"), { title: "A", tags: ["x"] }, "another array: parsed again");
    const { tags: _dropped, ...withoutTags } = data;
    assert.deepEqual(read(withoutTags, "UTC"), { title: "A" });
    assert.equal(parses, 3);
  });

  it("hands only the named fields to the schema when asked", () => {
    const strict = typedData(() => z.strictObject({ title: z.string() }), { kind: "thing", fields: ["title"] });
    assert.deepEqual(strict({ title: "A", page: {}, collections: {} }, "UTC"), { title: "A" });
  });

  it("names the file and each bad field when the data does not fit, as a content problem (no stack trace)", () => {
    const read = typedData(schemaFor, { kind: "thing" });
    assert.throws(() => read({ title: 1, page: { inputPath: "./content/a.md" } }, "UTC"), (error: Error) => {
      assert.equal(error.name, "ContentError");
      assert.match(error.message, /^1 content problem stopped the build:\n  content\/a\.md · title · not a valid thing: /);
      return true;
    });
    assert.throws(() => read({}, "UTC"), /^  page data · title · not a valid thing: /m);
  });
});
