import assert from "node:assert/strict";
import { test } from "node:test";
import { imageNeedsAlt, postFields } from "../blog/schema.ts";
import { pageFields } from "../pages/schema.ts";
import { strictValidator } from "./strict.ts";

const post = strictValidator(postFields("Europe/Paris"), imageNeedsAlt);
const page = strictValidator(pageFields("Europe/Paris"));

test("a well-formed post passes", () => {
  assert.deepEqual(post({ title: "Bonjour", date: "2025-03-12T18:30", tags: ["a"], authors: "Camille" }, "x.md"), []);
});

test("unknown fields are errors, with the field a writer probably meant", () => {
  const problems = post({ title: "Bonjour", date: "2025-03-12", autors: ["Camille"] }, "x.md");
  assert.deepEqual(problems, [{ file: "x.md", field: "autors", message: 'unknown field: did you mean "authors"?' }]);
});

test("every wrong field is reported, each with what was expected and what was found", () => {
  const problems = post({ date: "hier", draft: "oui", image: "photo.jpg" }, "x.md");
  const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
  assert.match(byField.title!, /expected a title, found nothing/);
  assert.match(byField.date!, /expected a date like 2025-03-12.*found "hier"/);
  assert.match(byField.draft!, /expected true or false, found "oui"/);
  assert.match(byField.imageAlt!, /text alternative for the image "photo\.jpg"/);
});

test("pages take no date but may take an order", () => {
  assert.deepEqual(page({ title: "L'association", order: 2 }, "p.md"), []);
  assert.equal(page({ title: "L'association", date: "2025-01-01" }, "p.md")[0]?.field, "date");
});

test("an address copied without https:// is told with it", () => {
  const [problem] = post({ title: "Bonjour", date: "2025-03-12", credits: [{ author: "Camille", url: "www.flickr.example/photos/42" }] }, "x.md");
  assert.equal(problem?.message, 'expected a web address starting with https://, found "www.flickr.example/photos/42": write https://www.flickr.example/photos/42');
});
