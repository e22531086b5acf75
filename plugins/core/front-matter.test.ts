import assert from "node:assert/strict";
import { test } from "node:test";
import { createRequire } from "node:module";
import { parseFrontMatter, splitFrontMatter } from "./front-matter.ts";

// The gray-matter Eleventy itself loads (its own fork), not the project's copy.
const matter = createRequire(new URL("../../node_modules/@11ty/eleventy/src/", import.meta.url))("gray-matter") as (
  source: string,
  options: object,
) => { data: unknown; content: string };

const LF = "---\ntitle: A\ndate: 2025-03-12T18:30\n---\n\nBody {{ x }}\n";

test("front matter is split from the body with the line where each starts", () => {
  const split = splitFrontMatter(LF);
  assert.equal(split.yaml, "title: A\ndate: 2025-03-12T18:30");
  assert.equal(split.yamlLine, 2);
  assert.equal(split.bodyLine, 5);
  assert.equal(split.body, "\nBody {{ x }}\n");
  assert.equal(split.eol, "\n");
});

test("a byte-order mark and CRLF line endings read exactly like the LF file", () => {
  const lf = splitFrontMatter(LF);
  for (const source of [`\uFEFF${LF}`, LF.replace(/\n/g, "\r\n"), `\uFEFF${LF.replace(/\n/g, "\r\n")}`]) {
    const split = splitFrontMatter(source);
    assert.equal(split.yaml, lf.yaml);
    assert.equal(split.bodyLine, lf.bodyLine);
    assert.equal(split.body.replace(/\r\n/g, "\n"), lf.body);
    assert.deepEqual(parseFrontMatter(split.yaml), { title: "A", date: "2025-03-12T18:30" });
  }
  assert.equal(splitFrontMatter(LF.replace(/\n/g, "\r\n")).eol, "\r\n");
});

test("the YAML range excludes the line break of its last line, CRLF included", () => {
  const source = LF.replace(/\n/g, "\r\n");
  const [start, end] = splitFrontMatter(source).yamlRange;
  assert.equal(source.slice(start, end), "title: A\r\ndate: 2025-03-12T18:30");
});

test("dates stay wall-clock text (YAML 1.2), never a Date at UTC midnight", () => {
  assert.deepEqual(parseFrontMatter("date: 2025-03-12\r\n"), { date: "2025-03-12" });
});

test("YAML 1.2 scalars: only true and false are booleans, times and versions stay text", () => {
  assert.deepEqual(parseFrontMatter("draft: yes\npublished: true\nroom: off\nstart: 18:30\nversion: 1.10\nseats: 40\nnote: ~\n"), {
    draft: "yes",
    published: true,
    room: "off",
    start: "18:30",
    version: 1.1,
    seats: 40,
    note: null,
  });
});

test("a key written twice is an error, not a silent choice", () => {
  assert.throws(() => parseFrontMatter("title: Un\ntitle: Deux\n"));
});

test("a missing, unclosed or decorated closing line is told apart", () => {
  assert.equal(splitFrontMatter("title: A\n").opened, false);
  const open = splitFrontMatter("---\ntitle: A\n\nText\n");
  assert.deepEqual([open.opened, open.closed], [true, false]);
  const extra = splitFrontMatter("---\ntitle: A\n--- fin\nText\n");
  assert.deepEqual(extra.closingExtra, { line: 3, text: "--- fin" });
  assert.equal(splitFrontMatter("---\n---\nText").yaml, "");
});

test("it cuts where Eleventy's gray-matter cuts, so validation and the build read the same text", () => {
  const sources = [LF, `\uFEFF${LF}`, LF.replace(/\n/g, "\r\n"), "---\n---\nText", "---\ntitle: A\n---\n---\nAfter a rule\n"];
  for (const source of sources) {
    const split = splitFrontMatter(source);
    const theirs = matter(source, { engines: { yaml: parseFrontMatter } });
    assert.deepEqual(theirs.data, parseFrontMatter(split.yaml), JSON.stringify(source));
    assert.equal(theirs.content.replace(/^\r?\n/, ""), split.body.replace(/^\r?\n/, ""), JSON.stringify(source));
  }
});
